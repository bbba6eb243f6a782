package io.tagcf.store.explanations;

import io.tagcf.models.explanations.Evidence;
import io.tagcf.models.explanations.Explanation;
import io.tagcf.models.explanations.ExplanationJson;
import io.tagcf.models.explanations.Verdict;
import io.tagcf.store.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Stored explanations, one per (video, snapshot, language): storing one that exists keeps the
 * first (a retried activity, or two runs racing, change nothing), and a newer snapshot's
 * explanation is a new row beside the older ones.
 */
public final class ExplanationRepository {

  private static final String COLUMNS = "video_id, snapshot_id, language, writer, writer_model, prompt_version,"
      + " verdict, findings::text, llm_outcome, llm_findings::text, llm_failure, summary, drivers::text,"
      + " suggestions::text, evidence::text, created_at";

  private final Transactions tx;

  public ExplanationRepository(DataSource dataSource) {
    this.tx = new Transactions(dataSource);
  }

  /** The explanation that is stored for a key, and whether this call stored it. */
  public record Stored(StoredExplanation explanation, boolean created) {}

  /**
   * Stores {@code x} unless its (video, snapshot, language) has an explanation already.
   *
   * @return the stored explanation: {@code x} as stored, or the one that was there first
   */
  public Stored storeIfAbsent(StoredExplanation x) {
    return tx.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO video_explanations (video_id, snapshot_id,"
          + " language, writer, writer_model, prompt_version, verdict, findings, llm_outcome, llm_findings,"
          + " llm_failure, summary, drivers, suggestions, full_text, evidence_version, evidence)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?::json)"
          + " ON CONFLICT (video_id, snapshot_id, language) DO NOTHING")) {
        int i = 1;
        ps.setString(i++, x.videoId());
        ps.setLong(i++, x.snapshotId());
        ps.setString(i++, x.language());
        ps.setString(i++, x.writer());
        ps.setString(i++, x.writerModel());
        ps.setString(i++, x.promptVersion());
        ps.setString(i++, x.verdict().passed() ? "passed" : "failed");
        ps.setString(i++, ExplanationJson.findings(x.verdict().findings()));
        ps.setString(i++, x.llmOutcome());
        ps.setString(i++, ExplanationJson.findings(x.llmFindings()));
        ps.setString(i++, x.llmFailure());
        ps.setString(i++, x.explanation().summary());
        ps.setString(i++, ExplanationJson.drivers(x.explanation().drivers()));
        ps.setString(i++, ExplanationJson.suggestions(x.explanation().suggestions()));
        ps.setString(i++, x.explanation().fullText());
        ps.setInt(i++, x.evidence().version());
        ps.setString(i, ExplanationJson.evidence(x.evidence()));
        boolean created = ps.executeUpdate() == 1;
        return new Stored(find(c, x.videoId(), x.snapshotId(), x.language()).orElseThrow(), created);
      }
    });
  }

  public Optional<StoredExplanation> find(String videoId, long snapshotId, String language) {
    return tx.read(c -> find(c, videoId, snapshotId, language));
  }

  /** The explanation of the newest published snapshot that has one for this video and language. */
  public Optional<StoredExplanation> latest(String videoId, String language) {
    return tx.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + prefixed() + " FROM video_explanations x"
          + " JOIN effect_snapshots s ON s.snapshot_id = x.snapshot_id AND s.status = 'published'"
          + " WHERE x.video_id = ? AND x.language = ? ORDER BY x.snapshot_id DESC LIMIT 1")) {
        ps.setString(1, videoId);
        ps.setString(2, language);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(row(rs)) : Optional.empty();
        }
      }
    });
  }

  /**
   * The videos a snapshot has attributions for (enough exposures in at least one segment), in id
   * order after {@code afterVideoId} (null: from the start): the post-snapshot fan-out's pages.
   */
  public List<String> videosWithEffects(long snapshotId, String afterVideoId, int limit) {
    return tx.read(c -> {
      List<String> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT a.video_id FROM video_attributions a"
          + " JOIN videos v ON v.video_id = a.video_id"
          + " WHERE a.snapshot_id = ? AND (?::text IS NULL OR a.video_id > ?) ORDER BY 1 LIMIT ?")) {
        ps.setLong(1, snapshotId);
        ps.setString(2, afterVideoId);
        ps.setString(3, afterVideoId);
        ps.setInt(4, limit);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(rs.getString(1));
          }
        }
      }
      return out;
    });
  }

  private static Optional<StoredExplanation> find(java.sql.Connection c, String videoId, long snapshotId,
      String language) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + prefixed() + " FROM video_explanations x"
        + " WHERE x.video_id = ? AND x.snapshot_id = ? AND x.language = ?")) {
      ps.setString(1, videoId);
      ps.setLong(2, snapshotId);
      ps.setString(3, language);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(row(rs)) : Optional.empty();
      }
    }
  }

  private static String prefixed() {
    return "x." + COLUMNS.replace(", ", ", x.");
  }

  private static StoredExplanation row(ResultSet rs) throws SQLException {
    int i = 1;
    String videoId = rs.getString(i++);
    long snapshotId = rs.getLong(i++);
    String language = rs.getString(i++);
    String writer = rs.getString(i++);
    String model = rs.getString(i++);
    String prompt = rs.getString(i++);
    boolean passed = "passed".equals(rs.getString(i++));
    List<Verdict.Finding> findings = ExplanationJson.parseFindings(rs.getString(i++));
    String llmOutcome = rs.getString(i++);
    List<Verdict.Finding> llmFindings = ExplanationJson.parseFindings(rs.getString(i++));
    String llmFailure = rs.getString(i++);
    String summary = rs.getString(i++);
    List<Explanation.Driver> drivers = ExplanationJson.parseDrivers(rs.getString(i++));
    List<Explanation.Suggestion> suggestions = ExplanationJson.parseSuggestions(rs.getString(i++));
    Evidence evidence = ExplanationJson.parseEvidence(rs.getString(i++));
    return new StoredExplanation(videoId, snapshotId, language, writer, model, prompt, new Verdict(passed, findings),
        llmOutcome, llmFindings, llmFailure, new Explanation(language, summary, drivers, suggestions), evidence,
        rs.getTimestamp(i).toInstant());
  }
}
