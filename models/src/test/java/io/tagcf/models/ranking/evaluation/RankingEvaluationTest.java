package io.tagcf.models.ranking.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankingEvaluationTest {

  private static RankingEvaluation evaluation(PlantedWorld w, Split split) {
    return new RankingEvaluation(split, w.itemTags, w.audienceTags, PlantedWorld.settings(), line -> {});
  }

  @Test
  void tagsThatTellTheTasteLiftTheBaseWithAnIntervalAboveZero() {
    PlantedWorld w = new PlantedWorld(600, true, 11);
    RankingReport r = evaluation(w, Split.leaveOneOut(w.data)).run();

    assertThat(r.testUsers()).isEqualTo(600);
    assertThat(r.util().beta0()).isPositive();
    assertThat(r.utilTest().ndcg()).isGreaterThan(r.baseTest().ndcg());
    assertThat(r.utilLift().aboveZero()).isTrue();
    assertThat(r.usersWithInterest()).isEqualTo(1.0);
    // The tags alone know the taste: ranking by ŷ_tag0 with no base beats chance (about 0.005) by far.
    assertThat(r.tagsAloneTest().ndcg()).isGreaterThan(0.1);
  }

  @Test
  void tagsThatSayNothingGiveNoClearLift() {
    PlantedWorld w = new PlantedWorld(600, false, 11);
    RankingReport r = evaluation(w, Split.leaveOneOut(w.data)).run();

    // Whatever β the validation round picks, random tags cannot buy a clear gain on the test round.
    assertThat(r.utilLift().lift()).isLessThan(0.05);
    assertThat(r.utilLift().low()).isLessThan(0.0);
    assertThat(r.tagsAloneTest().ndcg()).isLessThan(0.02);
  }

  @Test
  void leaveOneOutHoldsOutTheLastTwoEventsOfUsersWithThree() {
    RankingData data = new RankingData("tiny", List.of("a", "b", "c", "d"), List.of(
        new UserHistory("u1", new int[] {0, 1, 2, 3}, new double[] {1, 2, 3, 4}),
        new UserHistory("u2", new int[] {3, 2}, new double[] {1, 2})), "days");
    Split split = Split.leaveOneOut(data);

    assertThat(split.evaluatedUsers()).isEqualTo(1);
    Phase validation = split.validation();
    Phase test = split.test();
    assertThat(validation.training().get(0).items()).containsExactly(0, 1);
    assertThat(validation.targets()).containsExactly(2, -1);
    assertThat(test.training().get(0).items()).containsExactly(0, 1, 2);
    assertThat(test.targets()).containsExactly(3, -1);
    // users too short to evaluate still train
    assertThat(test.training().get(1).items()).containsExactly(3, 2);
  }

  @Test
  void aTestItemPlantedInTheTestRoundsTrainingIsCaught() {
    PlantedWorld w = new PlantedWorld(60, true, 3);
    Split split = Split.leaveOneOut(w.data);
    Phase test = split.test();
    List<UserHistory> leaked = new ArrayList<>(test.training());
    UserHistory full = w.data.users().get(5);
    leaked.set(5, full); // user 5 trains on their whole history, the test event included
    Phase planted = new Phase(test.name(), false, leaked, test.targets());

    assertThatThrownBy(() -> evaluation(w, split).run(split.validation(), planted))
        .isInstanceOf(LeakException.class)
        .hasMessageContaining("base recommender (test)")
        .hasMessageContaining("user u5 trains on held-out item " + w.data.itemIds().get(full.items()[PlantedWorld.HISTORY - 1]));
  }

  @Test
  void aTestEventPlantedInTheValidationRoundIsCaught() {
    PlantedWorld w = new PlantedWorld(60, true, 3);
    Split split = Split.leaveOneOut(w.data);
    Phase validation = split.validation();
    // The validation round's training must stop before the validation event: one more is a leak.
    List<UserHistory> leaked = new ArrayList<>(validation.training());
    leaked.set(7, w.data.users().get(7).prefix(PlantedWorld.HISTORY - 1));
    assertThatThrownBy(() -> evaluation(w, split).run(new Phase("validation", true, leaked, validation.targets()), split.test()))
        .isInstanceOf(LeakException.class).hasMessageContaining("user u7 trains on held-out item");
    // Tuning β on the test events instead of the validation events is caught too.
    int[] testTargets = split.test().targets();
    assertThatThrownBy(() -> evaluation(w, split).run(new Phase("validation", true, validation.training(), testTargets), split.test()))
        .isInstanceOf(LeakException.class).hasMessageContaining("not on the round's held-out");
    // A history rewritten to hold a different item at an old position is caught as well.
    List<UserHistory> rewritten = new ArrayList<>(validation.training());
    UserHistory h = rewritten.get(2);
    int[] items = h.items().clone();
    items[0] = w.data.users().get(2).items()[PlantedWorld.HISTORY - 1];
    rewritten.set(2, new UserHistory(h.userId(), items, h.times()));
    assertThatThrownBy(() -> evaluation(w, split).run(new Phase("validation", true, rewritten, validation.targets()), split.test()))
        .isInstanceOf(LeakException.class).hasMessageContaining("which is not their history's");
  }

  @Test
  void nothingChosenOnValidationDependsOnTheTestEvents() {
    PlantedWorld w = new PlantedWorld(300, true, 9);
    RankingReport original = evaluation(w, Split.leaveOneOut(w.data)).run();
    // Replace every user's test event (their last item) by another item; validation must not move.
    List<UserHistory> changed = new ArrayList<>();
    for (UserHistory h : w.data.users()) {
      int[] items = h.items().clone();
      int last = items.length - 1;
      do {
        items[last] = (items[last] + 37) % w.data.itemCount();
      } while (Arrays.stream(items, 0, last).anyMatch(i -> i == items[last]));
      changed.add(new UserHistory(h.userId(), items, h.times()));
    }
    RankingData other = new RankingData("planted", w.data.itemIds(), changed, "positions");
    RankingReport r = new RankingEvaluation(Split.leaveOneOut(other), w.itemTags, w.audienceTags, PlantedWorld.settings(),
        line -> {}).run();

    assertThat(r.baseCandidates()).isEqualTo(original.baseCandidates());
    assertThat(r.base()).isEqualTo(original.base());
    assertThat(r.util()).isEqualTo(original.util());
    assertThat(r.expl()).isEqualTo(original.expl());
    assertThat(r.baseTest()).isNotEqualTo(original.baseTest());
  }
}
