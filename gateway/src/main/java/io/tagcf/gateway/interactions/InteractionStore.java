package io.tagcf.gateway.interactions;

import io.tagcf.models.interactions.Exposure;
import io.tagcf.models.interactions.UserProfile;
import io.tagcf.store.interactions.LoadResult;
import io.tagcf.store.interactions.UnknownReferencesException;
import java.util.List;

/** The interaction log the gateway writes: its port to the database. Blocks. */
public interface InteractionStore {

  /**
   * Upserts {@code users}, then adds the {@code events} whose event id is not stored yet, in one
   * transaction: all of it, or nothing when the batch is refused. The ids within each list are
   * distinct (the caller checked).
   *
   * @return {@code read}: the events given; {@code inserted}: those new to the log
   * @throws UnknownReferencesException when events name users or videos the platform does not
   *     know, counting users of this batch as known
   */
  LoadResult record(List<UserProfile> users, List<Exposure> events);
}
