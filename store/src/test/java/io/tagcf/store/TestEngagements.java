package io.tagcf.store;

import io.tagcf.models.interactions.Exposure;
import io.tagcf.models.interactions.UserProfile;
import io.tagcf.store.interactions.InteractionLoader;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Engagements for tests, written the way production gets them: clicked exposures in the
 * interaction log, loaded with their users by the {@link InteractionLoader}.
 */
public final class TestEngagements {

  private TestEngagements() {}

  /**
   * An exposure whose engagement has {@code strength} under the rule of the engagements view
   * (1 click, +1 completed, +2 liked): 1 a click, 2 a completed watch, 3 a like, 4 both.
   */
  public static Exposure engagement(String eventId, String userId, String videoId, Instant at, int strength) {
    if (strength < 1 || strength > 4) {
      throw new IllegalArgumentException("an engagement's strength is 1, 2, 3 or 4: " + strength);
    }
    boolean completed = strength == 2 || strength == 4;
    boolean liked = strength >= 3;
    return new Exposure(eventId, userId, videoId, at, true, completed ? 1.0 : 0.4, completed, liked, false, null);
  }

  /** Loads the exposures, first loading their users (without attributes: known ones lose theirs). */
  public static void load(DataSource dataSource, Collection<Exposure> exposures) {
    InteractionLoader loader = new InteractionLoader(dataSource);
    Set<String> users = new LinkedHashSet<>();
    exposures.forEach(e -> users.add(e.userId()));
    loader.loadUsers(users.stream().map(u -> new UserProfile(u, null, null, null, Map.of())).iterator(), n -> { });
    loader.loadExposures(exposures.iterator(), n -> { });
  }
}
