package io.tagcf.gateway.effects;

import io.tagcf.gateway.problem.Problem;
import io.tagcf.gateway.problem.ProblemException;
import io.tagcf.models.effects.VideoDesign;
import io.tagcf.models.video.FieldViolation;
import io.tagcf.store.effects.SnapshotInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Which snapshot an effects read answers from: the one asked for, which must be published, or the
 * latest published one; and whether a segment is one of its segments. Each refusal says why.
 */
final class PublishedSnapshots {

  /** How many of a snapshot's segments a refusal lists. */
  private static final int LISTED_SEGMENTS = 20;

  private final EffectStore effects;

  PublishedSnapshots(EffectStore effects) {
    this.effects = effects;
  }

  /**
   * Blocking.
   *
   * @param requested null for the latest published snapshot
   * @throws ProblemException 404 when there is no such snapshot, it is not published, or none is
   */
  SnapshotInfo resolve(Long requested) {
    if (requested == null) {
      return effects.latestPublished().orElseThrow(() -> notFound(
          "no published effect snapshot yet; start one with POST /v1/admin/snapshots"));
    }
    SnapshotInfo s = effects.snapshot(requested).orElseThrow(() -> notFound("no snapshot " + requested));
    return switch (s.status()) {
      case "published" -> s;
      case "running" -> throw notFound("snapshot " + requested + " is still running (" + s.shardsDone() + " of "
          + s.shardsTotal() + " shards done); its effects are readable once it is published");
      default -> throw notFound("snapshot " + requested + " " + s.status() + " and has no effects"
          + (s.error() == null ? "" : ": " + s.error()));
    };
  }

  /** @throws ProblemException 400 naming {@code segment} when the snapshot has no such segment */
  static void requireSegment(SnapshotInfo snapshot, String segment) {
    List<String> known = new ArrayList<>(snapshot.segments());
    known.add(VideoDesign.ALL_SEGMENTS);
    if (known.contains(segment)) {
      return;
    }
    String listed = String.join(", ", known.subList(0, Math.min(known.size(), LISTED_SEGMENTS)))
        + (known.size() > LISTED_SEGMENTS ? ", …" : "");
    throw new ProblemException(Problem.invalid(List.of(new FieldViolation("segment",
        "'" + segment + "' is not a segment of snapshot " + snapshot.snapshotId() + " (its segments: " + listed + ")"))));
  }

  static ProblemException notFound(String detail) {
    return new ProblemException(Problem.of(404, "Not found", detail));
  }
}
