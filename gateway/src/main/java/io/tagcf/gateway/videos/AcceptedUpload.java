package io.tagcf.gateway.videos;

import io.tagcf.store.video.UploadDecision;

/** An upload that was stored, the workflow that ingests it, and what the upload changed. */
public record AcceptedUpload(String videoId, String workflowId, UploadDecision.Kind kind) {}
