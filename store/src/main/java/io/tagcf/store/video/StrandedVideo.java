package io.tagcf.store.video;

import io.tagcf.models.video.ContentRevision;
import io.tagcf.models.video.IngestStage;

/** A video whose ingest has not moved for a while, with the content it should end on. */
public record StrandedVideo(String videoId, ContentRevision content, IngestStage stage) {}
