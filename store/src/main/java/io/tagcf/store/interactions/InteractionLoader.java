package io.tagcf.store.interactions;

import io.tagcf.models.interactions.Exposure;
import io.tagcf.models.interactions.UserProfile;
import io.tagcf.store.Transactions;
import io.tagcf.store.interactions.LogStaging.Referenced;
import java.util.Iterator;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Loads the interaction log in bulk: rows stream by binary COPY in chunks, into the log or into a
 * temporary table ({@link ExposureAppender}), and are checked in the same transaction, which a
 * failed check rolls back. A load is all or nothing, and loading the same rows again adds nothing
 * (events are keyed by their event id, users by their user id).
 */
public final class InteractionLoader {

  private final Transactions tx;
  private final Supplier<IdFingerprints> fingerprints;

  public InteractionLoader(DataSource dataSource) {
    this(dataSource, IdFingerprints::new);
  }

  /** For tests: event-id fingerprints that collide at will, so that a load takes the exact check. */
  InteractionLoader(DataSource dataSource, Supplier<IdFingerprints> fingerprints) {
    this.tx = new Transactions(dataSource);
    this.fingerprints = fingerprints;
  }

  /**
   * Adds users and updates the attributes of known ones.
   *
   * @param progress told the number of rows read so far, once per chunk
   * @throws RejectedLoadException when a user id appears twice in the input
   */
  public LoadResult loadUsers(Iterator<UserProfile> users, LongConsumer progress) {
    return tx.inTransaction(c -> {
      long read = LogStaging.stageUsers(c, users, progress);
      String repeated = LogStaging.repeatedUser(c);
      if (repeated != null) {
        throw new RejectedLoadException("user_id '" + repeated + "' appears more than once in the input");
      }
      return new LoadResult(read, LogStaging.upsertStagedUsers(c));
    });
  }

  /**
   * Adds the exposures whose event id is not stored yet.
   *
   * @param progress told the number of rows read so far, once per chunk
   * @throws RejectedLoadException when an event id appears twice in the input, or an exposure names
   *     a user or a video the platform does not know
   */
  public LoadResult loadExposures(Iterator<Exposure> exposures, LongConsumer progress) {
    return tx.inTransaction(c -> {
      ExposureAppender appender = ExposureAppender.start(c, fingerprints.get());
      long read = appender.append(exposures, progress);
      String repeated = appender.repeatedEvent();
      if (repeated != null) {
        throw new RejectedLoadException("event_id '" + repeated + "' appears more than once in the input");
      }
      UnknownIds videos = LogStaging.unknown(c, appender.videoIds(), Referenced.VIDEOS, 1);
      if (!videos.isEmpty()) {
        throw new RejectedLoadException("unknown video_id '" + videos.named().get(0) + "'");
      }
      UnknownIds users = LogStaging.unknown(c, appender.userIds(), Referenced.USERS, 1);
      if (!users.isEmpty()) {
        throw new RejectedLoadException(
            "unknown user_id '" + users.named().get(0) + "' (load users first: tagcf load --users)");
      }
      return new LoadResult(read, appender.finish());
    });
  }
}
