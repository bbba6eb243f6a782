package io.tagcf.store.video;

import io.tagcf.models.video.IngestStage;
import io.tagcf.models.video.VideoSubmission;
import java.time.Instant;

/** A stored video with its content fingerprint and where its ingest stands. */
public record StoredVideo(
    VideoSubmission video,
    String contentHash,
    IngestStage stage,
    String workflowId,
    String error,
    Instant createdAt,
    Instant updatedAt) {}
