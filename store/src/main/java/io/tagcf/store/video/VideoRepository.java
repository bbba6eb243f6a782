package io.tagcf.store.video;

import io.tagcf.models.video.ContentRevision;
import io.tagcf.models.video.IngestStage;
import io.tagcf.models.video.VideoSubmission;
import io.tagcf.store.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Videos and their ingest state. */
public final class VideoRepository {

  private static final String SELECT_VIDEO =
      "SELECT v.video_id, v.creator_id, v.title, v.description, v.transcript, v.cover_text,"
          + " v.duration_sec, v.language, v.published_at, v.content_hash, v.created_at,"
          + " greatest(v.updated_at, s.updated_at) AS updated_at, s.stage, s.workflow_id, s.error"
          + " FROM videos v JOIN ingest_state s ON s.video_id = v.video_id"
          + " WHERE v.video_id = ?";

  private final Transactions tx;

  public VideoRepository(DataSource dataSource) {
    this.tx = new Transactions(dataSource);
  }

  /**
   * Stores an upload and decides whether it needs ingesting, atomically: the video row is locked
   * so that two concurrent uploads of one id cannot both decide to start a run. A new id is
   * inserted first, if absent: a concurrent upload of the same new id waits for that insert to
   * commit and then finds the row, instead of inserting it too and failing on the key.
   *
   * @throws CreatorMismatchException when the id is already taken by another creator
   */
  public UploadDecision upsertForIngest(VideoSubmission v, String contentHash, String workflowId) {
    return tx.inTransaction(c -> {
      if (insertVideoIfAbsent(c, v, contentHash)) {
        setQueued(c, v.videoId(), contentHash, workflowId, true, 1);
        return new UploadDecision(UploadDecision.Kind.CREATED, IngestStage.QUEUED, 1);
      }
      String storedHash = null;
      long revision = 0;
      String storedCreator = null;
      IngestStage stage = null;
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT v.content_hash, v.creator_id, s.stage, s.revision FROM videos v"
                  + " JOIN ingest_state s ON s.video_id = v.video_id"
                  + " WHERE v.video_id = ? FOR UPDATE OF v")) {
        ps.setString(1, v.videoId());
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            storedHash = rs.getString(1);
            storedCreator = rs.getString(2);
            stage = IngestStage.fromWireName(rs.getString(3));
            revision = rs.getLong(4);
          }
        }
      }
      if (storedHash == null) {
        // Inserted by another upload, which has not stored its ingest state: it cannot have
        // committed (both are written in one transaction), so this is a bug, not a race.
        throw new IllegalStateException("video " + v.videoId() + " exists without an ingest state");
      }
      if (!storedCreator.equals(v.creatorId())) {
        throw new CreatorMismatchException(v.videoId());
      }
      if (!storedHash.equals(contentHash)) {
        updateVideo(c, v, contentHash);
        setQueued(c, v.videoId(), contentHash, workflowId, false, revision + 1);
        return new UploadDecision(UploadDecision.Kind.CHANGED, IngestStage.QUEUED, revision + 1);
      }
      if (stage == IngestStage.FAILED) {
        setQueued(c, v.videoId(), contentHash, workflowId, false, revision);
        return new UploadDecision(UploadDecision.Kind.REQUEUED, IngestStage.QUEUED, revision);
      }
      if (stage == IngestStage.DONE) {
        return new UploadDecision(UploadDecision.Kind.UNCHANGED, stage, revision);
      }
      return new UploadDecision(UploadDecision.Kind.RESUMED, stage, revision);
    });
  }

  /** The video's content as stored now: its fingerprint and revision; empty when there is no such video. */
  public Optional<ContentRevision> currentContent(String videoId) {
    return tx.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT content_hash, revision FROM ingest_state WHERE video_id = ?")) {
        ps.setString(1, videoId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(new ContentRevision(rs.getString(1), rs.getLong(2))) : Optional.empty();
        }
      }
    });
  }

  /**
   * Videos neither done nor failed whose state has not moved for {@code minAge}: their run may be
   * gone (a start that failed after the row was written, a lost signal, a server restart). Oldest
   * first, at most {@code limit}.
   */
  public List<StrandedVideo> stranded(Duration minAge, int limit) {
    return tx.read(c -> {
      List<StrandedVideo> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT video_id, content_hash, revision, stage FROM ingest_state"
              + " WHERE stage NOT IN ('done', 'failed') AND updated_at < now() - ? * interval '1 millisecond'"
              + " ORDER BY updated_at, video_id LIMIT ?")) {
        ps.setLong(1, minAge.toMillis());
        ps.setInt(2, limit);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new StrandedVideo(rs.getString(1), new ContentRevision(rs.getString(2), rs.getLong(3)),
                IngestStage.fromWireName(rs.getString(4))));
          }
        }
      }
      return out;
    });
  }

  public Optional<StoredVideo> find(String videoId) {
    return tx.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(SELECT_VIDEO)) {
        ps.setString(1, videoId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(map(rs)) : Optional.empty();
        }
      }
    });
  }

  /** A creator's videos, newest first (then by id), {@code limit} from {@code offset}. */
  public List<CreatorVideo> ofCreator(String creatorId, int offset, int limit) {
    return tx.read(c -> {
      List<CreatorVideo> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT v.video_id, v.title, v.language, s.stage, v.created_at,"
          + " greatest(v.updated_at, s.updated_at) FROM videos v JOIN ingest_state s ON s.video_id = v.video_id"
          + " WHERE v.creator_id = ? ORDER BY v.created_at DESC, v.video_id LIMIT ? OFFSET ?")) {
        ps.setString(1, creatorId);
        ps.setInt(2, limit);
        ps.setInt(3, offset);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new CreatorVideo(rs.getString(1), rs.getString(2), rs.getString(3),
                IngestStage.fromWireName(rs.getString(4)), rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant()));
          }
        }
      }
      return out;
    });
  }

  public long countOfCreator(String creatorId) {
    return tx.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT count(*) FROM videos v JOIN ingest_state s ON s.video_id = v.video_id WHERE v.creator_id = ?")) {
        ps.setString(1, creatorId);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    });
  }

  /**
   * Moves a video to {@code stage} if it still has {@code contentHash}. Returns false when the
   * content has changed since, so that a stale run stops instead of overwriting newer work.
   */
  public boolean advanceStage(String videoId, String contentHash, IngestStage stage, String error) {
    return tx.inTransaction(c -> advanceStage(c, videoId, contentHash, stage, error));
  }

  public static boolean advanceStage(
      Connection c, String videoId, String contentHash, IngestStage stage, String error)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE ingest_state SET stage = ?, error = ?, updated_at = now()"
                + " WHERE video_id = ? AND content_hash = ?")) {
      ps.setString(1, stage.wireName());
      ps.setString(2, error);
      ps.setString(3, videoId);
      ps.setString(4, contentHash);
      return ps.executeUpdate() == 1;
    }
  }

  /** Locks the video row and tells whether it still has {@code contentHash}. */
  public static boolean lockIfCurrent(Connection c, String videoId, String contentHash)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT content_hash FROM videos WHERE video_id = ? FOR UPDATE")) {
      ps.setString(1, videoId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getString(1).equals(contentHash);
      }
    }
  }

  public long count() {
    return tx.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM videos");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  /** Inserts the video unless its id exists; whether it did. */
  private static boolean insertVideoIfAbsent(Connection c, VideoSubmission v, String hash) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO videos (video_id, creator_id, title, description, transcript, cover_text,"
                + " duration_sec, language, published_at, content_hash)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (video_id) DO NOTHING")) {
      bindContent(ps, v, hash, 1);
      return ps.executeUpdate() == 1;
    }
  }

  private static void updateVideo(Connection c, VideoSubmission v, String hash) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE videos SET video_id = ?, creator_id = ?, title = ?, description = ?,"
                + " transcript = ?, cover_text = ?, duration_sec = ?, language = ?,"
                + " published_at = ?, content_hash = ?, updated_at = now() WHERE video_id = ?")) {
      bindContent(ps, v, hash, 1);
      ps.setString(11, v.videoId());
      ps.executeUpdate();
    }
  }

  private static void bindContent(PreparedStatement ps, VideoSubmission v, String hash, int first)
      throws SQLException {
    int i = first;
    ps.setString(i++, v.videoId());
    ps.setString(i++, v.creatorId());
    ps.setString(i++, v.title());
    ps.setString(i++, v.description());
    ps.setString(i++, v.transcript());
    ps.setString(i++, v.coverText());
    if (v.durationSec() == null) {
      ps.setNull(i++, Types.DOUBLE);
    } else {
      ps.setDouble(i++, v.durationSec());
    }
    ps.setString(i++, v.language());
    ps.setTimestamp(i++, v.publishedAt() == null ? null : Timestamp.from(v.publishedAt()));
    ps.setString(i, hash);
  }

  private static void setQueued(
      Connection c, String videoId, String hash, String workflowId, boolean insert, long revision)
      throws SQLException {
    String sql =
        insert
            ? "INSERT INTO ingest_state (content_hash, stage, workflow_id, revision, video_id)"
                + " VALUES (?, 'queued', ?, ?, ?)"
            : "UPDATE ingest_state SET content_hash = ?, stage = 'queued', workflow_id = ?, revision = ?,"
                + " error = NULL, queued_at = now(), updated_at = now() WHERE video_id = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, hash);
      ps.setString(2, workflowId);
      ps.setLong(3, revision);
      ps.setString(4, videoId);
      ps.executeUpdate();
    }
  }

  private static StoredVideo map(ResultSet rs) throws SQLException {
    double duration = rs.getDouble("duration_sec");
    Double durationSec = rs.wasNull() ? null : duration;
    Timestamp published = rs.getTimestamp("published_at");
    VideoSubmission v =
        new VideoSubmission(
            rs.getString("video_id"),
            rs.getString("creator_id"),
            rs.getString("title"),
            rs.getString("description"),
            rs.getString("transcript"),
            rs.getString("cover_text"),
            durationSec,
            rs.getString("language"),
            published == null ? null : published.toInstant());
    return new StoredVideo(
        v,
        rs.getString("content_hash"),
        IngestStage.fromWireName(rs.getString("stage")),
        rs.getString("workflow_id"),
        rs.getString("error"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
