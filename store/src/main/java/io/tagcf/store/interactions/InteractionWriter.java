package io.tagcf.store.interactions;

import io.tagcf.models.interactions.Exposure;
import io.tagcf.models.interactions.UserProfile;
import io.tagcf.store.StoreException;
import io.tagcf.store.Transactions;
import io.tagcf.store.interactions.LogStaging.Referenced;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Writes one small batch of the interaction log (what {@code POST /v1/interactions} receives) in one
 * transaction, by the bulk loader's rules: users are upserted first, so that the batch's events may
 * name them; events whose id is stored already are skipped, whatever their time; an event naming an
 * unknown user or video rejects the whole batch.
 */
public final class InteractionWriter {

  /** Unknown ids named in a rejection, per kind: enough to find the mistake, short enough to read. */
  public static final int NAMED_UNKNOWN = 10;
  /**
   * SQL states of a lost race with a concurrent writer: the same event stored by another batch
   * between this one's check and its insert (unique violation), or the same new month's partition
   * created by both (duplicate table), or a deadlock. Running the batch again sees the other's
   * rows and skips them.
   */
  private static final Set<String> CONCURRENT_WRITER = Set.of("23505", "42P07", "40P01", "40001");
  private static final int ATTEMPTS = 3;

  private final Transactions tx;

  public InteractionWriter(DataSource dataSource) {
    this.tx = new Transactions(dataSource);
  }

  /**
   * Stores the batch: all of it or, when it is rejected, nothing.
   *
   * @return {@code read}: the events given; {@code inserted}: those new to the log (the rest were
   *     stored already)
   * @throws UnknownReferencesException when events name users (neither stored nor in {@code users})
   *     or videos the platform does not know
   * @throws RejectedLoadException when an event id or a user id appears twice in the batch
   */
  public LoadResult write(List<UserProfile> users, List<Exposure> events) {
    for (int attempt = 1; ; attempt++) {
      try {
        return tx.inTransaction(c -> {
          if (!users.isEmpty()) {
            LogStaging.stageUsers(c, users.iterator(), n -> { });
            reject(LogStaging.repeatedUser(c), "user_id");
            LogStaging.upsertStagedUsers(c);
          }
          if (events.isEmpty()) {
            return new LoadResult(0, 0);
          }
          ExposureAppender appender = ExposureAppender.start(c, new IdFingerprints());
          long read = appender.append(events.iterator(), n -> { });
          reject(appender.repeatedEvent(), "event_id");
          UnknownIds unknownUsers = LogStaging.unknown(c, appender.userIds(), Referenced.USERS, NAMED_UNKNOWN);
          UnknownIds unknownVideos = LogStaging.unknown(c, appender.videoIds(), Referenced.VIDEOS, NAMED_UNKNOWN);
          if (!unknownUsers.isEmpty() || !unknownVideos.isEmpty()) {
            throw new UnknownReferencesException(unknownUsers, unknownVideos);
          }
          return new LoadResult(read, appender.finish());
        });
      } catch (StoreException e) {
        if (attempt == ATTEMPTS || !lostRace(e)) {
          throw e;
        }
      }
    }
  }

  private static void reject(String repeated, String field) {
    if (repeated != null) {
      throw new RejectedLoadException(field + " '" + repeated + "' appears more than once in the batch");
    }
  }

  private static boolean lostRace(StoreException e) {
    return e.getCause() instanceof SQLException sql && CONCURRENT_WRITER.contains(sql.getSQLState());
  }
}
