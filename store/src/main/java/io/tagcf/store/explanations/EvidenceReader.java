package io.tagcf.store.explanations;

import io.tagcf.models.effects.CellEstimate;
import io.tagcf.models.effects.CellStatus;
import io.tagcf.models.effects.VideoAttribution;
import io.tagcf.models.explanations.Evidence;
import io.tagcf.models.explanations.EvidenceFacts;
import io.tagcf.store.Transactions;
import io.tagcf.store.effects.EffectReader;
import io.tagcf.store.effects.SnapshotInfo;
import io.tagcf.store.embedding.SimilarVideo;
import io.tagcf.store.embedding.VideoEmbeddingRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Gathers one video's evidence from a published snapshot: its tags with provenance, its tags'
 * effects and its attributions, its observed rates against its nearest neighbours by embedding
 * (pgvector), the roles of its engaged users with their logic-graph links, and leads for
 * suggestions.
 */
public final class EvidenceReader {

  /** Nearest neighbours the baseline and the leads come from. */
  public static final int NEIGHBOURS = 10;
  /** Logic-graph links shown per role. */
  public static final int LINKS_PER_ROLE = 3;
  /** A lead's tag must be carried by at least this many neighbours. */
  public static final int MIN_CARRIERS = 2;

  private final Transactions tx;
  private final EffectReader effects;
  private final VideoEmbeddingRepository embeddings;

  public EvidenceReader(DataSource dataSource) {
    this.tx = new Transactions(dataSource);
    this.effects = new EffectReader(dataSource);
    this.embeddings = new VideoEmbeddingRepository(dataSource);
  }

  /** The evidence; empty when the video does not exist or the snapshot is not published. */
  public Optional<Evidence> evidence(String videoId, long snapshotId) {
    Optional<SnapshotInfo> snapshot = effects.snapshot(snapshotId).filter(s -> "published".equals(s.status()));
    if (snapshot.isEmpty()) {
      return Optional.empty();
    }
    Optional<String[]> video = tx.read(c -> titleAndLanguage(c, videoId));
    if (video.isEmpty()) {
      return Optional.empty();
    }
    List<TaggedAs> tags = tx.read(c -> tags(c, videoId));
    Map<Long, String> slugs = new HashMap<>();
    tags.forEach(t -> slugs.put(t.tagId(), t.tag().slug()));
    List<CellEstimate> cells = new ArrayList<>();
    for (TaggedAs t : tags) {
      cells.addAll(effects.tagEffects(snapshotId, t.tagId(), null, null));
    }
    List<VideoAttribution> attributions = effects.attributions(snapshotId, videoId);
    List<String> neighbours = neighbours(videoId);
    Evidence.Baseline baseline = tx.read(c -> new Evidence.Baseline(metrics(c, snapshotId, List.of(videoId)),
        metrics(c, snapshotId, neighbours), count(c, snapshotId, neighbours)));
    Set<Long> carried = new HashSet<>(slugs.keySet());
    List<Evidence.Role> audience = tx.read(c -> audience(c, snapshotId, videoId, carried));
    List<Evidence.Lead> leads = leads(snapshotId, attributions, carried, neighbours);
    SnapshotInfo s = snapshot.get();
    var ref = new Evidence.Snapshot(snapshotId, s.windowStart().atOffset(ZoneOffset.UTC).toLocalDate().toString(),
        s.windowEnd().atOffset(ZoneOffset.UTC).toLocalDate().toString(), s.segmentScheme(), s.segments());
    return Optional.of(EvidenceFacts.assemble(videoId, video.get()[0], video.get()[1], ref,
        tags.stream().map(TaggedAs::tag).toList(), slugs, cells, attributions, baseline, audience, leads));
  }

  /** Every vocabulary tag's slug and labels: names the verifier treats as tags. */
  public List<String> vocabularyNames() {
    return tx.read(c -> {
      List<String> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT slug, label_en, label_zh FROM tags WHERE status = 'vocabulary'");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          for (int i = 1; i <= 3; i++) {
            if (rs.getString(i) != null) {
              out.add(rs.getString(i));
            }
          }
        }
      }
      return out;
    });
  }

  private record TaggedAs(long tagId, Evidence.Tag tag) {}

  private static Optional<String[]> titleAndLanguage(Connection c, String videoId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT title, language FROM videos WHERE video_id = ?")) {
      ps.setString(1, videoId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(new String[] {rs.getString(1), rs.getString(2)}) : Optional.empty();
      }
    }
  }

  private static List<TaggedAs> tags(Connection c, String videoId) throws SQLException {
    List<TaggedAs> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT t.tag_id, t.slug, vt.kind, t.label_en, t.label_zh,"
        + " t.category, vt.score, vt.tagger, vt.tagger_model, vt.prompt_version FROM video_tags vt"
        + " JOIN tags t ON t.tag_id = vt.tag_id WHERE vt.video_id = ? ORDER BY vt.kind DESC, vt.rank")) {
      ps.setString(1, videoId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new TaggedAs(rs.getLong(1), new Evidence.Tag(rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getString(5), rs.getString(6), rs.getDouble(7), rs.getString(8), rs.getString(9), rs.getString(10))));
        }
      }
    }
    return out;
  }

  private List<String> neighbours(String videoId) {
    String model = tx.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT model FROM video_embeddings WHERE video_id = ? ORDER BY model LIMIT 1")) {
        ps.setString(1, videoId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? rs.getString(1) : null;
        }
      }
    });
    return model == null ? List.of()
        : embeddings.similar(videoId, model, NEIGHBOURS).stream().map(SimilarVideo::videoId).toList();
  }

  /** Pooled observed rates of {@code videos} in the snapshot's window; null when none was exposed. */
  private static Evidence.Metrics metrics(Connection c, long snapshotId, List<String> videos) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(sum(exposures), 0), coalesce(sum(clicks), 0),"
        + " coalesce(sum(completions), 0), coalesce(sum(likes), 0) FROM snapshot_video_metrics"
        + " WHERE snapshot_id = ? AND video_id = ANY(?)")) {
      ps.setLong(1, snapshotId);
      ps.setArray(2, c.createArrayOf("text", videos.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return EvidenceFacts.metrics(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
      }
    }
  }

  private static int count(Connection c, long snapshotId, List<String> videos) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT count(*) FROM snapshot_video_metrics WHERE snapshot_id = ? AND video_id = ANY(?)")) {
      ps.setLong(1, snapshotId);
      ps.setArray(2, c.createArrayOf("text", videos.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private static List<Evidence.Role> audience(Connection c, long snapshotId, String videoId, Set<Long> carried)
      throws SQLException {
    List<Evidence.Role> out = new ArrayList<>();
    try (PreparedStatement roles = c.prepareStatement("SELECT r.tag_id, t.slug, t.label_en, t.label_zh, r.share"
        + " FROM snapshot_video_roles r JOIN tags t ON t.tag_id = r.tag_id"
        + " WHERE r.snapshot_id = ? AND r.video_id = ? ORDER BY r.share DESC, r.tag_id");
        PreparedStatement links = c.prepareStatement("SELECT t.tag_id, t.slug, t.label_en, t.label_zh,"
            + " max(e.weight) FROM logic_edges e JOIN tags t ON t.tag_id = e.target_tag_id"
            + " WHERE e.direction = 'u2i' AND e.source_tag_id = ? GROUP BY t.tag_id"
            + " ORDER BY max(e.weight) DESC, t.tag_id LIMIT " + LINKS_PER_ROLE)) {
      roles.setLong(1, snapshotId);
      roles.setString(2, videoId);
      try (ResultSet rs = roles.executeQuery()) {
        while (rs.next()) {
          List<Evidence.LinkedTag> leadsTo = new ArrayList<>();
          links.setLong(1, rs.getLong(1));
          try (ResultSet l = links.executeQuery()) {
            while (l.next()) {
              leadsTo.add(new Evidence.LinkedTag(l.getString(2), l.getString(3), l.getString(4), l.getDouble(5),
                  carried.contains(l.getLong(1))));
            }
          }
          out.add(new Evidence.Role(rs.getString(2), rs.getString(3), rs.getString(4), 100 * rs.getDouble(5), leadsTo));
        }
      }
    }
    return out;
  }

  /**
   * Robust positive effects, in the video's main segment (its own audience), of tags that at least
   * {@link #MIN_CARRIERS} of its neighbours carry and it does not.
   */
  private List<Evidence.Lead> leads(long snapshotId, List<VideoAttribution> attributions, Set<Long> carried,
      List<String> neighbours) {
    if (attributions.isEmpty() || neighbours.isEmpty()) {
      return List.of();
    }
    // The video's own audience: its segment with the most exposures, else all viewers.
    String segment = attributions.stream().filter(a -> !a.segment().equals(Evidence.ALL_VIEWERS))
        .max(Comparator.comparingInt(VideoAttribution::exposures).thenComparing(VideoAttribution::segment))
        .map(VideoAttribution::segment).orElse(Evidence.ALL_VIEWERS);
    record Candidate(long tagId, String slug, String labelEn, String labelZh, int carriedBy) {}
    List<Candidate> candidates = tx.read(c -> {
      List<Candidate> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT t.tag_id, t.slug, t.label_en, t.label_zh, count(*)"
          + " FROM video_tags vt JOIN tags t ON t.tag_id = vt.tag_id"
          + " JOIN tag_effects e ON e.snapshot_id = ? AND e.tag_id = vt.tag_id AND e.segment = ?"
          + "   AND e.status = 'estimated' AND e.robust AND e.estimate > 0"
          + " WHERE vt.video_id = ANY(?) AND NOT (vt.tag_id = ANY(?))"
          + " GROUP BY t.tag_id HAVING count(DISTINCT vt.video_id) >= ? ORDER BY t.tag_id")) {
        ps.setLong(1, snapshotId);
        ps.setString(2, segment);
        ps.setArray(3, c.createArrayOf("text", neighbours.toArray()));
        ps.setArray(4, c.createArrayOf("bigint", carried.toArray()));
        ps.setInt(5, MIN_CARRIERS);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)));
          }
        }
      }
      return out;
    });
    List<Evidence.Lead> out = new ArrayList<>();
    for (Candidate k : candidates) {
      for (CellEstimate cell : effects.tagEffects(snapshotId, k.tagId(), segment, null)) {
        if (cell.status() == CellStatus.ESTIMATED && cell.robust() && cell.aipw().estimate() > 0) {
          out.add(EvidenceFacts.lead(k.slug(), k.labelEn(), k.labelZh(), cell, k.carriedBy(), neighbours.size()));
        }
      }
    }
    return out;
  }
}
