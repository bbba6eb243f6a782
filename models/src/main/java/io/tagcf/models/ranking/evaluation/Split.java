package io.tagcf.models.ranking.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * Leave-one-out by time: each user with at least three interactions has their last one as the test
 * event and the one before as the validation event. Validation trains on everything before the
 * validation event; test trains on everything before the test event (the validation event
 * included), so neither round ever sees its own targets or the test events.
 *
 * @param validPos per user the position of the validation event in their history, -1 if not evaluated
 * @param testPos per user the position of the test event, -1 if not evaluated
 */
public record Split(RankingData data, int[] validPos, int[] testPos) {

  public static final int MIN_HISTORY = 3;

  public static Split leaveOneOut(RankingData data) {
    int n = data.users().size();
    int[] valid = new int[n];
    int[] test = new int[n];
    for (int u = 0; u < n; u++) {
      int size = data.users().get(u).size();
      valid[u] = size >= MIN_HISTORY ? size - 2 : -1;
      test[u] = size >= MIN_HISTORY ? size - 1 : -1;
    }
    return new Split(data, valid, test);
  }

  public Phase validation() {
    return phase("validation", true, validPos);
  }

  public Phase test() {
    return phase("test", false, testPos);
  }

  /** The position from which a round must not see a user's history: validation hides both held-out events. */
  int heldOutFrom(int user, boolean tuning) {
    int pos = tuning ? validPos[user] : testPos[user];
    return pos < 0 ? data.users().get(user).size() : pos;
  }

  public int evaluatedUsers() {
    int count = 0;
    for (int p : testPos) {
      count += p >= 0 ? 1 : 0;
    }
    return count;
  }

  private Phase phase(String name, boolean tuning, int[] positions) {
    List<UserHistory> training = new ArrayList<>(positions.length);
    int[] targets = new int[positions.length];
    for (int u = 0; u < positions.length; u++) {
      UserHistory h = data.users().get(u);
      training.add(h.prefix(positions[u] < 0 ? h.size() : positions[u]));
      targets[u] = positions[u] < 0 ? -1 : h.items()[positions[u]];
    }
    return new Phase(name, tuning, training, targets);
  }
}
