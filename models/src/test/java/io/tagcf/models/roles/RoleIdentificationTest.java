package io.tagcf.models.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** P(role | user) from per-(user, video) weights; their recency decay is tested in the store (EngagementRepositoryTest). */
class RoleIdentificationTest {

  // A: roles 1 (3/4), 2 (1/4). B: roles 2 (1/2), 3 (1/2). C has no audience tags.
  private static final Map<String, List<WeightedTag>> TAGS =
      Map.of(
          "A", List.of(new WeightedTag(1, 0.9), new WeightedTag(2, 0.3)),
          "B", List.of(new WeightedTag(2, 0.4), new WeightedTag(3, 0.4)),
          "C", List.of());

  private static EngagedVideo row(String user, String video, double weight) {
    return new EngagedVideo(user, video, 1, weight, TAGS.getOrDefault(video, List.of()));
  }

  private static Map<String, List<RoleScore>> identify(int topK, EngagedVideo... rows) {
    return new RoleIdentification(topK).identify(Arrays.asList(rows).iterator());
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
  void videosWeighTheirRolesByTheUsersWeight() {
    // Weights 1 (A) and 1/2 (B, e.g. one half-life older): P(1) = .75/1.5, P(2) = (.25 + .25)/1.5, P(3) = .25/1.5.
    assertRoles(identify(10, row("u", "A", 1), row("u", "B", 0.5)).get("u"), 1, 0.5, 2, 1.0 / 3, 3, 1.0 / 6);
    // A heavier video pulls towards its roles: A three half-lives older than B (1/8 against 1):
    // P(1) = (3/32)/(9/8) = 1/12, P(2) = (1/32 + 1/2)/(9/8) = 17/36, P(3) = (1/2)/(9/8) = 4/9.
    assertRoles(identify(10, row("u", "A", 0.125), row("u", "B", 1)).get("u"), 2, 17.0 / 36, 3, 4.0 / 9, 1, 1.0 / 12);
  }

  @Test
  void onlyTheRatioOfAUsersWeightsMatters() {
    for (double scale : new double[] {2, 1e-300, 1e300}) {
      assertRoles(identify(10, row("u", "A", scale), row("u", "B", scale / 2)).get("u"),
          1, 0.5, 2, 1.0 / 3, 3, 1.0 / 6);
    }
  }

  @Test
  void topKKeepsTheFullDistributionsProbabilities() {
    assertRoles(identify(2, row("u", "A", 1), row("u", "B", 0.5)).get("u"), 1, 0.5, 2, 1.0 / 3);
  }

  @Test
  void videosWithoutAudienceTagsAreIgnored() {
    var roles = identify(10, row("u", "A", 1), row("u", "C", 5), row("u", "unknown", 5), row("w", "C", 1));
    assertRoles(roles.get("u"), 1, 0.75, 2, 0.25);
    assertThat(roles).doesNotContainKey("w");
    assertThat(identify(3)).isEmpty();
  }

  @Test
  void duplicateTagsOfAVideoAreSummedAndTiesGoToTheSmallerId() {
    var v = new EngagedVideo("u", "V", 1, 1,
        List.of(new WeightedTag(9, 0.2), new WeightedTag(4, 0.4), new WeightedTag(9, 0.2)));
    assertRoles(identify(5, v).get("u"), 4, 0.5, 9, 0.5);
  }

  @Test
  void usersComeOutInIdOrderAndProbabilitiesStayInRange() {
    List<EngagedVideo> rows = new ArrayList<>();
    for (String u : List.of("zed", "amy", "bob")) {
      for (int i = 0; i < 7; i++) {
        rows.add(row(u, i % 2 == 0 ? "A" : "B", (0.1 + i) * Math.pow(0.5, i * 13 / 24.0)));
      }
    }
    var roles = new RoleIdentification(3).identify(rows.iterator());
    assertThat(roles.keySet()).containsExactly("amy", "bob", "zed");
    roles.values().forEach(rs -> {
      assertThat(rs.stream().mapToDouble(RoleScore::probability).sum()).isCloseTo(1.0, within(1e-12));
      assertThat(rs).isSortedAccordingTo((a, b) -> Double.compare(b.probability(), a.probability()));
    });
  }

  @Test
  void aUsersRowsMustComeTogether() {
    // Read once, user by user: a user met again would silently get two role lists, the second overwriting the first.
    assertThatThrownBy(() -> identify(3, row("u", "A", 1), row("w", "B", 1), row("u", "B", 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user u");
    // Also when the first group carried no evidence.
    assertThatThrownBy(() -> identify(3, row("u", "C", 1), row("w", "B", 1), row("u", "B", 1)))
        .hasMessageContaining("user u");
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> new RoleIdentification(0)).hasMessageContaining("topK");
    assertThatThrownBy(() -> new EngagedVideo("u", "v", 1, 0, List.of())).hasMessageContaining("weight");
    assertThatThrownBy(() -> new EngagedVideo("u", "v", 1, Double.NaN, List.of())).hasMessageContaining("weight");
    assertThatThrownBy(() -> new EngagedVideo("u", "v", 1, Double.POSITIVE_INFINITY, List.of()))
        .hasMessageContaining("weight");
    assertThatThrownBy(() -> new EngagedVideo("u", "v", 0, 1, List.of())).hasMessageContaining("engagements");
    assertThatThrownBy(() -> new EngagedVideo(" ", "v", 1, 1, List.of())).hasMessageContaining("userId");
    assertThatThrownBy(() -> new EngagedVideo("u", null, 1, 1, List.of())).hasMessageContaining("videoId");
    assertThatThrownBy(() -> new EngagedVideo("u", "v", 1, 1, Arrays.asList((WeightedTag) null)))
        .hasMessageContaining("tags");
    assertThatThrownBy(() -> new WeightedTag(1, 0)).hasMessageContaining("score");
    assertThatThrownBy(() -> new WeightedTag(1, Double.POSITIVE_INFINITY)).hasMessageContaining("score");
    assertThatThrownBy(() -> new RoleScore(1, 1.5, 1)).hasMessageContaining("probability");
    assertThatThrownBy(() -> new RoleScore(1, 0.5, 0)).hasMessageContaining("rank");
    RoleIdentification ri = new RoleIdentification(3);
    assertThatThrownBy(() -> ri.identify(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ri.identify(Arrays.asList((EngagedVideo) null).iterator()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
