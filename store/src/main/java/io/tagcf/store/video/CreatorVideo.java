package io.tagcf.store.video;

import io.tagcf.models.video.IngestStage;
import java.time.Instant;

/** One of a creator's videos as their list shows it: public fields and where its ingest is. */
public record CreatorVideo(String videoId, String title, String language, IngestStage stage, Instant createdAt,
    Instant updatedAt) {}
