package io.tagcf.models.ranking.evaluation;

import java.util.List;

/**
 * Checks, before each stage of the evaluation reads its input, that the input holds no held-out
 * event of the split: a user's training history must be the start of their full history and end
 * before the round's held-out events, and the targets a round is scored (or tuned) on must be the
 * split's own events of that round. A failed check stops the run naming the stage, the user and the
 * item, so a protocol bug cannot quietly produce a flattering figure.
 */
public final class LeakGuard {

  private final Split split;

  public LeakGuard(Split split) {
    this.split = split;
  }

  public List<UserHistory> training(String stage, Phase phase) {
    List<UserHistory> full = split.data().users();
    if (phase.training().size() != full.size()) {
      throw new LeakException(stage + ": training has " + phase.training().size() + " users, the data set " + full.size());
    }
    for (int u = 0; u < full.size(); u++) {
      UserHistory seen = phase.training().get(u);
      UserHistory all = full.get(u);
      int limit = split.heldOutFrom(u, phase.tuning());
      if (seen.size() > limit) {
        throw new LeakException(stage + " (" + phase.name() + "): user " + all.userId() + " trains on held-out item "
            + split.data().itemIds().get(seen.items()[limit]) + " at position " + limit);
      }
      for (int i = 0; i < seen.size(); i++) {
        if (seen.items()[i] != all.items()[i]) {
          throw new LeakException(stage + " (" + phase.name() + "): user " + all.userId() + " trains on item "
              + split.data().itemIds().get(seen.items()[i]) + " at position " + i + ", which is not their history's");
        }
      }
    }
    return phase.training();
  }

  public int[] targets(String stage, Phase phase) {
    int[] positions = phase.tuning() ? split.validPos() : split.testPos();
    for (int u = 0; u < positions.length; u++) {
      int expected = positions[u] < 0 ? -1 : split.data().users().get(u).items()[positions[u]];
      if (phase.targets()[u] != expected) {
        throw new LeakException(stage + " (" + phase.name() + "): user " + split.data().users().get(u).userId()
            + " is scored on item " + itemName(phase.targets()[u]) + ", not on the round's held-out " + itemName(expected));
      }
    }
    return phase.targets();
  }

  private String itemName(int item) {
    return item < 0 ? "(none)" : split.data().itemIds().get(item);
  }
}
