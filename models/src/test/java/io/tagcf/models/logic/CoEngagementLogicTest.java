package io.tagcf.models.logic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tagcf.models.roles.EngagedVideo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CoEngagementLogicTest {


  /**
   * u1 (role 1) saw {10} and {10, 11}; u2 (role 2) saw {11} and {12: 2}; u3 (half 1, half 2) saw
   * {12: 2}. So N(1,10) = 2, N(1,11) = 1, N(1,12) = 1, N(2,11) = 1, N(2,12) = 3; N(1) = N(2) = 4,
   * N = 8; P(10) = P(11) = 1/4, P(12) = 1/2, P(1) = P(2) = 1/2. Only (1,10) and (2,12) beat their
   * expected mass (1 and 2); (1,11) and (2,11) meet it exactly (lift 1) and are left out.
   */
  private static final EngagementLog SMALL =
      new EngagementLog()
          .user("u1", Map.of(1L, 1.0), List.of(Map.of(10L, 1.0), Map.of(10L, 1.0, 11L, 1.0)))
          .user("u2", Map.of(2L, 1.0), List.of(Map.of(11L, 1.0), Map.of(12L, 2.0)))
          .user("u3", Map.of(1L, 0.5, 2L, 0.5), List.of(Map.of(12L, 2.0)));

  @Test
  void handComputedEdgesWithoutSmoothing() {
    List<LogicEdge> edges = SMALL.fit(new CoEngagementLogic(0, 0, 20));
    assertThat(edges).hasSize(4);
    assertEdge(edges.get(0), 1, 10, LogicDirection.U2I, 0.5, 2, 2);
    assertEdge(edges.get(1), 2, 12, LogicDirection.U2I, 0.75, 3, 1.5);
    assertEdge(edges.get(2), 10, 1, LogicDirection.I2U, 1.0, 2, 2);
    assertEdge(edges.get(3), 12, 2, LogicDirection.I2U, 0.75, 3, 1.5);
  }

  @Test
  void handComputedEdgesWithSmoothing() {
    // α = 2: P(10|1) = (2 + 2/4) / (4 + 2) = 5/12, lift 5/3; P(12|2) = (3 + 1) / 6 = 2/3, lift 4/3;
    // P(1|10) = (2 + 1) / (2 + 2) = 3/4, lift 3/2; P(2|12) = (3 + 1) / (4 + 2) = 2/3, lift 4/3.
    List<LogicEdge> edges = SMALL.fit(new CoEngagementLogic(2, 0, 20));
    assertThat(edges).hasSize(4);
    assertEdge(edges.get(0), 1, 10, LogicDirection.U2I, 5.0 / 12, 2, 5.0 / 3);
    assertEdge(edges.get(1), 2, 12, LogicDirection.U2I, 2.0 / 3, 3, 4.0 / 3);
    assertEdge(edges.get(2), 10, 1, LogicDirection.I2U, 0.75, 2, 1.5);
    assertEdge(edges.get(3), 12, 2, LogicDirection.I2U, 2.0 / 3, 3, 4.0 / 3);
  }

  @Test
  void itemTagWeightsAreScoreTimesEngagementWeightAndUsersWithoutRolesAreSkipped() {
    // SMALL again, its {12: 2} given as score 1 on a video of weight 2 and as score 4 at weight 1/2,
    // with a heavy user whose roles are unknown in the middle.
    List<EngagedVideo> rows = List.of(
        EngagementLog.row("u1", "a", 1, Map.of(10L, 1.0)),
        EngagementLog.row("u1", "b", 1, Map.of(10L, 1.0, 11L, 1.0)),
        EngagementLog.row("nobody", "c", 50, Map.of(11L, 1.0)),
        EngagementLog.row("u2", "c", 1, Map.of(11L, 1.0)),
        EngagementLog.row("u2", "d", 2, Map.of(12L, 1.0)),
        EngagementLog.row("u3", "d", 0.5, Map.of(12L, 4.0)));
    assertThat(new CoEngagementLogic(0, 0, 20).fit(SMALL.roles(), rows.iterator()))
        .isEqualTo(SMALL.fit(new CoEngagementLogic(0, 0, 20)));
  }

  @Test
  void minSupportDropsPairsWithLittleMass() {
    List<LogicEdge> edges = SMALL.fit(new CoEngagementLogic(0, 2.5, 20));
    assertThat(edges).extracting(LogicEdge::sourceTagId, LogicEdge::targetTagId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, 12L), org.assertj.core.groups.Tuple.tuple(12L, 2L));
    assertThat(SMALL.fit(new CoEngagementLogic(0, 3, 20))).hasSize(2); // support ≥ minSupport is kept
    assertThat(SMALL.fit(new CoEngagementLogic(0, 3.01, 20))).isEmpty();
  }

  /**
   * A role seen once (user "rare", 2 units of mass) next to two well-observed roles. Raw, its edge
   * to the one-off tag 99 has P(99|3) = 1/2 and lift 101. The prior shrinks lift − 1 by
   * N(t) / (N(t) + α): 2/12 at α = 10 for the rare role, 100/110 for a role with 100 units.
   */
  @Test
  void smoothingShrinksRareTagsTowardsTheBaseRate() {
    EngagementLog users = new EngagementLog();
    for (int i = 0; i < 50; i++) {
      users.user("a" + i, Map.of(1L, 1.0), List.of(Map.of(10L, 1.0), Map.of(11L, 1.0)));
      users.user("b" + i, Map.of(2L, 1.0), List.of(Map.of(11L, 1.0), Map.of(12L, 1.0)));
    }
    users.user("rare", Map.of(3L, 1.0), List.of(Map.of(99L, 1.0, 12L, 1.0)));
    double total = 202;
    double p99 = 1 / total;

    LogicEdge rawRare = find(users.fit(new CoEngagementLogic(0, 0, 20)), 3, 99, LogicDirection.U2I);
    assertThat(rawRare.weight()).isCloseTo(0.5, within(1e-12));
    assertThat(rawRare.lift()).isCloseTo(101, within(1e-9));

    for (double alpha : new double[] {1, 10, 100, 1e6}) {
      List<LogicEdge> edges = users.fit(new CoEngagementLogic(alpha, 0, 20));
      LogicEdge rare = find(edges, 3, 99, LogicDirection.U2I);
      LogicEdge common = find(edges, 1, 10, LogicDirection.U2I);
      assertThat(rare.weight()).isCloseTo((1 + alpha * p99) / (2 + alpha), within(1e-12));
      assertThat(rare.lift() - 1).isCloseTo(100 * 2 / (2 + alpha), within(1e-9));
      assertThat(common.lift() - 1).isCloseTo(1.02 * 100 / (100 + alpha), within(1e-9));
      // I2U from the one-off item tag: P(3 | 99) shrinks from 1 towards P(3) = 2/202.
      LogicEdge rareItem = find(edges, 99, 3, LogicDirection.I2U);
      assertThat(rareItem.weight()).isCloseTo((1 + alpha * 2 / total) / (1 + alpha), within(1e-12));
    }
    LogicEdge heavilySmoothed = find(users.fit(new CoEngagementLogic(1e6, 0, 20)), 3, 99, LogicDirection.U2I);
    assertThat(heavilySmoothed.weight()).isCloseTo(p99, within(1e-5));
    assertThat(heavilySmoothed.lift()).isCloseTo(1, within(1e-3));
    // A minimum support of 2 removes the one-off pair altogether.
    assertThat(users.fit(new CoEngagementLogic(10, 2, 20)))
        .noneMatch(e -> e.sourceTagId() == 3 || e.targetTagId() == 3);
  }

  @Test
  void keepsTheTopBPerSourceByAddedValueAndIsDeterministic() {
    PlantedEngagements world = PlantedEngagements.generate(5, 6, 40, 3, 400, 0.4, 1.0);
    List<LogicEdge> all = world.fit(new CoEngagementLogic(5, 1, 1000));
    List<LogicEdge> top3 = world.fit(new CoEngagementLogic(5, 1, 3));
    Map<String, List<LogicEdge>> bySource = new TreeMap<>();
    all.forEach(e -> bySource.computeIfAbsent(e.direction() + "/" + e.sourceTagId(), k -> new ArrayList<>()).add(e));
    List<LogicEdge> expected = new ArrayList<>();
    for (LogicDirection d : LogicDirection.values()) {
      bySource.entrySet().stream()
          .filter(en -> en.getKey().startsWith(d + "/"))
          .sorted(Map.Entry.comparingByValue((x, y) -> Long.compare(x.get(0).sourceTagId(), y.get(0).sourceTagId())))
          .forEach(en -> expected.addAll(en.getValue().subList(0, Math.min(3, en.getValue().size()))));
    }
    assertThat(top3).isEqualTo(expected);
    for (LogicEdge e : all) {
      assertThat(e.lift()).isGreaterThan(1);
      assertThat(e.support()).isGreaterThanOrEqualTo(1);
      assertThat(e.weight()).isBetween(0.0, 1.0);
    }
    // Rows in any order, a user's no longer together, give the same edges (up to summation order).
    List<LogicEdge> again =
        new CoEngagementLogic(5, 1, 3).fit(world.log().roles(), world.log().shuffledRows(1).iterator());
    assertThat(again).hasSameSizeAs(top3);
    for (int i = 0; i < top3.size(); i++) {
      assertThat(again.get(i).sourceTagId()).isEqualTo(top3.get(i).sourceTagId());
      assertThat(again.get(i).targetTagId()).isEqualTo(top3.get(i).targetTagId());
      assertThat(again.get(i).weight()).isCloseTo(top3.get(i).weight(), within(1e-12));
    }
  }

  @Test
  void noEdgesWithoutContrast() {
    // One role for everyone: every lift is exactly 1.
    EngagementLog users =
        new EngagementLog()
            .user("a", Map.of(1L, 1.0), List.of(Map.of(10L, 1.0), Map.of(11L, 3.0)))
            .user("b", Map.of(1L, 1.0), List.of(Map.of(10L, 2.0, 11L, 0.5)));
    assertThat(users.fit(new CoEngagementLogic(1, 0, 20))).isEmpty();
    assertThat(new EngagementLog().fit(new CoEngagementLogic(1, 0, 20))).isEmpty();
    assertThat(new EngagementLog().user("c", Map.of(), List.of(Map.of(10L, 1.0))).fit(new CoEngagementLogic(1, 0, 20)))
        .isEmpty();
  }

  /**
   * The acceptance test of issue 4: 20 roles, 200 item tags, 5 planted preferred tags per role,
   * 3,000 users with known role distributions, 25% of engagements showing a preferred tag of the
   * driving role among Zipf-popular background tags.
   */
  @Test
  void recoversPlantedRoleToItemTagAssociations() {
    PlantedEngagements world = PlantedEngagements.generate(11, 20, 200, 5, 3000, 0.25, 1.0);
    List<LogicEdge> edges = world.fit(new CoEngagementLogic(10, 5, 20));

    double precision = precisionAt5(edges, world);
    System.out.printf("planted U2I precision@5 = %.3f (20 roles, 200 item tags, 3000 users)%n", precision);
    assertThat(precision).as("U2I precision@5 against planted associations = %.3f", precision)
        .isGreaterThanOrEqualTo(0.8);

    // Popularity is the confounder: ranking by P(c | t) alone fills the lists with popular tags.
    List<LogicEdge> byWeight = world.fit(new CoEngagementLogic(10, 5, 20, EdgeRanking.WEIGHT));
    double weightPrecision = precisionAt5(byWeight, world);
    System.out.printf("same data ranked by weight: precision@5 = %.3f%n", weightPrecision);
    assertThat(weightPrecision).as("precision@5 when ranked by weight = %.3f", weightPrecision).isLessThan(0.5);

    // I2U: every planted pair has its reverse edge, and an item tag planted for exactly one role
    // points at that role first.
    Map<Long, List<LogicEdge>> i2u = new HashMap<>();
    edges.stream().filter(e -> e.direction() == LogicDirection.I2U)
        .forEach(e -> i2u.computeIfAbsent(e.sourceTagId(), k -> new ArrayList<>()).add(e));
    int planted = 0;
    int reversed = 0;
    Map<Long, List<Long>> rolesOfItem = new HashMap<>();
    for (var en : world.preferredByRole().entrySet()) {
      for (long item : en.getValue()) {
        planted++;
        rolesOfItem.computeIfAbsent(item, k -> new ArrayList<>()).add(en.getKey());
        if (i2u.getOrDefault(item, List.of()).stream().anyMatch(e -> e.targetTagId() == en.getKey())) {
          reversed++;
        }
      }
    }
    int single = 0;
    int topIsPlanted = 0;
    for (var en : rolesOfItem.entrySet()) {
      if (en.getValue().size() == 1) {
        single++;
        List<LogicEdge> out = i2u.getOrDefault(en.getKey(), List.of());
        if (!out.isEmpty() && out.get(0).targetTagId() == en.getValue().get(0)) {
          topIsPlanted++;
        }
      }
    }
    double reverseRecall = (double) reversed / planted;
    double top1 = (double) topIsPlanted / single;
    System.out.printf("planted I2U recall = %.3f, top-1 role of single-role item tags = %.3f (%d tags)%n",
        reverseRecall, top1, single);
    assertThat(reverseRecall).as("share of planted pairs with an I2U edge = %.3f", reverseRecall)
        .isGreaterThanOrEqualTo(0.95);
    assertThat(top1).as("top I2U role is the planted one for %.3f of %d item tags", top1, single)
        .isGreaterThanOrEqualTo(0.9);
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> new CoEngagementLogic(-1, 0, 20)).hasMessageContaining("smoothing");
    assertThatThrownBy(() -> new CoEngagementLogic(Double.NaN, 0, 20)).hasMessageContaining("smoothing");
    assertThatThrownBy(() -> new CoEngagementLogic(1, -1, 20)).hasMessageContaining("minSupport");
    assertThatThrownBy(() -> new CoEngagementLogic(1, 0, 0)).hasMessageContaining("topB");
    assertThatThrownBy(() -> new CoEngagementLogic(1, 0, 1, null)).hasMessageContaining("ranking");
    CoEngagementLogic logic = new CoEngagementLogic(1, 0, 1);
    assertThatThrownBy(() -> logic.fit(null, List.<EngagedVideo>of().iterator())).hasMessageContaining("rolesByUser");
    assertThatThrownBy(() -> logic.fit(Map.of(), null)).hasMessageContaining("engagedVideos");
    assertThatThrownBy(() -> new EngagementLog().user("u", Map.of(1L, 1.5), List.of()).fit(logic))
        .hasMessageContaining("role probability");
    assertThatThrownBy(() -> logic.fit(Map.of(), Arrays.asList((EngagedVideo) null).iterator()))
        .hasMessageContaining("engagedVideos");
    assertThatThrownBy(() -> new LogicEdge(1, 2, null, 0.5, 1, 1)).hasMessageContaining("direction");
    assertThatThrownBy(() -> new LogicEdge(1, 2, LogicDirection.U2I, 1.5, 1, 1)).hasMessageContaining("weight");
    assertThatThrownBy(() -> new LogicEdge(1, 2, LogicDirection.U2I, 0.5, Double.NaN, 1))
        .hasMessageContaining("support");
  }

  static double precisionAt5(List<LogicEdge> edges, PlantedEngagements world) {
    Map<Long, List<Long>> top = new HashMap<>();
    edges.stream().filter(e -> e.direction() == LogicDirection.U2I)
        .forEach(e -> top.computeIfAbsent(e.sourceTagId(), k -> new ArrayList<>()).add(e.targetTagId()));
    double sum = 0;
    for (Map.Entry<Long, Set<Long>> en : world.preferredByRole().entrySet()) {
      sum += top.getOrDefault(en.getKey(), List.of()).stream().limit(5).filter(en.getValue()::contains).count() / 5.0;
    }
    return sum / world.preferredByRole().size();
  }

  private static LogicEdge find(List<LogicEdge> edges, long source, long target, LogicDirection d) {
    return edges.stream()
        .filter(e -> e.sourceTagId() == source && e.targetTagId() == target && e.direction() == d)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + d + " edge " + source + " -> " + target + " in " + edges));
  }

  private static void assertEdge(
      LogicEdge e, long source, long target, LogicDirection d, double weight, double support, double lift) {
    assertThat(e.sourceTagId()).isEqualTo(source);
    assertThat(e.targetTagId()).isEqualTo(target);
    assertThat(e.direction()).isEqualTo(d);
    assertThat(e.weight()).isCloseTo(weight, within(1e-12));
    assertThat(e.support()).isCloseTo(support, within(1e-12));
    assertThat(e.lift()).isCloseTo(lift, within(1e-12));
  }
}
