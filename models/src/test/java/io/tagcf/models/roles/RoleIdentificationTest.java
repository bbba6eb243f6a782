package io.tagcf.models.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoleIdentificationTest {

  private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");
  private static final Duration DAY = Duration.ofDays(1);
  // A: roles 1 (3/4), 2 (1/4). B: roles 2 (1/2), 3 (1/2). C has no audience tags.
  private static final Map<String, List<WeightedTag>> TAGS =
      Map.of(
          "A", List.of(new WeightedTag(1, 0.9), new WeightedTag(2, 0.3)),
          "B", List.of(new WeightedTag(2, 0.4), new WeightedTag(3, 0.4)),
          "C", List.of());

  private static Engagement eng(String user, String video, double strength, Duration ago) {
    return new Engagement(user, video, strength, NOW.minus(ago));
  }

  private static void assertRoles(List<RoleScore> roles, double... tagAndProbability) {
    assertThat(roles).hasSize(tagAndProbability.length / 2);
    for (int i = 0; i < roles.size(); i++) {
      assertThat(roles.get(i).tagId()).isEqualTo((long) tagAndProbability[2 * i]);
      assertThat(roles.get(i).probability()).isCloseTo(tagAndProbability[2 * i + 1], within(1e-12));
      assertThat(roles.get(i).rank()).isEqualTo(i + 1);
    }
  }

  @Test
  void oneHalfLifeHalvesTheWeight() {
    // Weights 1 (A, now) and 1/2 (B, a day ago): P(1) = .75/1.5, P(2) = (.25 + .25)/1.5, P(3) = .25/1.5.
    var roles =
        new RoleIdentification(DAY, 10)
            .identify(List.of(eng("u", "A", 1, Duration.ZERO), eng("u", "B", 1, DAY)), TAGS, NOW);
    assertRoles(roles.get("u"), 1, 0.5, 2, 1.0 / 3, 3, 1.0 / 6);
  }

  @Test
  void strengthWeightsLikeRecency() {
    // Strength 2 on A and 1 on B, both now: the same weights ratio as above, so the same roles.
    var roles =
        new RoleIdentification(DAY, 10)
            .identify(List.of(eng("u", "A", 2, Duration.ZERO), eng("u", "B", 1, Duration.ZERO)), TAGS, NOW);
    assertRoles(roles.get("u"), 1, 0.5, 2, 1.0 / 3, 3, 1.0 / 6);
  }

  @Test
  void recentEngagementsDominateOldOnes() {
    // A three half-lives ago (weight 1/8), B now (weight 1): P(1) = (3/32)/(9/8) = 1/12,
    // P(2) = (1/32 + 1/2)/(9/8) = 17/36, P(3) = (1/2)/(9/8) = 4/9.
    var roles =
        new RoleIdentification(DAY, 10)
            .identify(List.of(eng("u", "A", 1, DAY.multipliedBy(3)), eng("u", "B", 1, Duration.ZERO)), TAGS, NOW);
    assertRoles(roles.get("u"), 2, 17.0 / 36, 3, 4.0 / 9, 1, 1.0 / 12);
    // A shorter half-life makes the old engagement count for less still.
    var faster =
        new RoleIdentification(Duration.ofHours(12), 10)
            .identify(List.of(eng("u", "A", 1, DAY.multipliedBy(3)), eng("u", "B", 1, Duration.ZERO)), TAGS, NOW);
    assertThat(faster.get("u").get(2).probability()).isLessThan(1.0 / 12);
  }

  @Test
  void topKKeepsTheFullDistributionsProbabilities() {
    var roles =
        new RoleIdentification(DAY, 2)
            .identify(List.of(eng("u", "A", 1, Duration.ZERO), eng("u", "B", 1, DAY)), TAGS, NOW);
    assertRoles(roles.get("u"), 1, 0.5, 2, 1.0 / 3);
  }

  @Test
  void futureTimestampsCountAsNow() {
    var future =
        new RoleIdentification(DAY, 10)
            .identify(
                List.of(
                    new Engagement("u", "A", 1, NOW.plus(Duration.ofDays(5))), eng("u", "B", 1, DAY)),
                TAGS,
                NOW);
    assertRoles(future.get("u"), 1, 0.5, 2, 1.0 / 3, 3, 1.0 / 6);
  }

  @Test
  void engagementsManyHalfLivesOldStillGiveADistribution() {
    // 0.5^5000 underflows to zero; the weights are taken relative to the user's newest engagement.
    var roles =
        new RoleIdentification(DAY, 10)
            .identify(
                List.of(eng("u", "A", 1, DAY.multipliedBy(5000)), eng("u", "B", 1, DAY.multipliedBy(5001))),
                TAGS,
                NOW);
    assertRoles(roles.get("u"), 1, 0.5, 2, 1.0 / 3, 3, 1.0 / 6);
  }

  @Test
  void videosWithoutAudienceTagsAreIgnored() {
    var roles =
        new RoleIdentification(DAY, 10)
            .identify(
                List.of(
                    eng("u", "A", 1, Duration.ZERO),
                    eng("u", "C", 5, Duration.ZERO),
                    eng("u", "unknown", 5, Duration.ZERO),
                    eng("w", "C", 1, Duration.ZERO)),
                TAGS,
                NOW);
    assertRoles(roles.get("u"), 1, 0.75, 2, 0.25);
    assertThat(roles).doesNotContainKey("w");
    assertThat(new RoleIdentification(DAY, 3).identify(List.of(), TAGS, NOW)).isEmpty();
  }

  @Test
  void duplicateTagsOfAVideoAreSummedAndTiesGoToTheSmallerId() {
    Map<String, List<WeightedTag>> tags =
        Map.of("V", List.of(new WeightedTag(9, 0.2), new WeightedTag(4, 0.4), new WeightedTag(9, 0.2)));
    var roles = new RoleIdentification(DAY, 5).identify(List.of(eng("u", "V", 1, Duration.ZERO)), tags, NOW);
    assertRoles(roles.get("u"), 4, 0.5, 9, 0.5);
  }

  @Test
  void usersComeOutInIdOrderAndProbabilitiesStayInRange() {
    List<Engagement> es = new ArrayList<>();
    for (String u : List.of("zed", "amy", "bob")) {
      for (int i = 0; i < 7; i++) {
        es.add(eng(u, i % 2 == 0 ? "A" : "B", 0.1 + i, Duration.ofHours(i * 13L)));
      }
    }
    var roles = new RoleIdentification(DAY, 3).identify(es, TAGS, NOW);
    assertThat(roles.keySet()).containsExactly("amy", "bob", "zed");
    roles.values().forEach(rs -> {
      assertThat(rs.stream().mapToDouble(RoleScore::probability).sum()).isCloseTo(1.0, within(1e-12));
      assertThat(rs).isSortedAccordingTo((a, b) -> Double.compare(b.probability(), a.probability()));
    });
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> new RoleIdentification(Duration.ZERO, 3)).hasMessageContaining("halfLife");
    assertThatThrownBy(() -> new RoleIdentification(Duration.ofDays(-1), 3)).hasMessageContaining("halfLife");
    assertThatThrownBy(() -> new RoleIdentification(DAY, 0)).hasMessageContaining("topK");
    assertThatThrownBy(() -> new Engagement("u", "v", 0, NOW)).hasMessageContaining("strength");
    assertThatThrownBy(() -> new Engagement("u", "v", Double.NaN, NOW)).hasMessageContaining("strength");
    assertThatThrownBy(() -> new Engagement("u", "v", 1, null)).hasMessageContaining("at");
    assertThatThrownBy(() -> new Engagement(" ", "v", 1, NOW)).hasMessageContaining("userId");
    assertThatThrownBy(() -> new WeightedTag(1, 0)).hasMessageContaining("score");
    assertThatThrownBy(() -> new WeightedTag(1, Double.POSITIVE_INFINITY)).hasMessageContaining("score");
    assertThatThrownBy(() -> new RoleScore(1, 1.5, 1)).hasMessageContaining("probability");
    assertThatThrownBy(() -> new RoleScore(1, 0.5, 0)).hasMessageContaining("rank");
    RoleIdentification ri = new RoleIdentification(DAY, 3);
    assertThatThrownBy(() -> ri.identify(null, TAGS, NOW)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ri.identify(List.of(), null, NOW)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ri.identify(List.of(), TAGS, null)).isInstanceOf(IllegalArgumentException.class);
  }
}
