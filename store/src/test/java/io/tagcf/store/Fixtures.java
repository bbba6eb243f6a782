package io.tagcf.store;

import io.tagcf.models.tags.EmbeddedTag;
import io.tagcf.models.tags.TagKind;
import io.tagcf.models.tags.VocabularyEntry;
import io.tagcf.models.video.VideoSubmission;
import java.time.Instant;
import java.util.List;

/** Small, readable test data for the store tests. */
public final class Fixtures {

  private Fixtures() {}

  public static VideoSubmission video(String id, String creator, String title) {
    return new VideoSubmission(
        id, creator, title, "a description", "a transcript", "cover", 42.0, "en",
        Instant.parse("2026-10-01T12:00:00Z"));
  }

  /** A unit vector along axis {@code axis}, bent a little toward axis {@code axis + 1}. */
  public static float[] axis(int dim, int axis, double bend) {
    float[] v = new float[dim];
    v[axis % dim] = (float) Math.sqrt(1 - bend * bend);
    v[(axis + 1) % dim] = (float) bend;
    return v;
  }

  public static EmbeddedTag tag(String id, TagKind kind, String en, String zh, int axis, int dim) {
    VocabularyEntry e = new VocabularyEntry(id, kind, "test", en, zh, List.of(en), List.of(zh));
    return new EmbeddedTag(0, e, axis(dim, axis, 0), axis(dim, axis, 0.1), axis(dim, axis, 0.2));
  }
}
