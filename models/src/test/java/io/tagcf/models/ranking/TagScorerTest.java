package io.tagcf.models.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tagcf.models.logic.LogicDirection;
import io.tagcf.models.logic.LogicEdge;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TagScorerTest {

  private static final long COOKING = 1;
  private static final long BAKING = 2;
  private static final long VIOLIN = 3;
  private static final long PARENT = 101;
  private static final long MUSICIAN = 102;
  private static final long STUDENT = 103;

  private static LogicEdge edge(long from, long to, LogicDirection d, double w) {
    return new LogicEdge(from, to, d, w, 1, 1);
  }

  @Test
  void aUserWhoseHistoryIsAllOneTagScoresAnItemByThatTagsShare() {
    UserTagProfile user = new UserTagProfile(Map.of(COOKING, 1.0), Map.of(), List.of());
    // scores 0.6 and 0.4 normalise to themselves (they sum to 1): P(cooking | i) = 0.6
    ItemTags item = ItemTags.fromScores(Map.of(COOKING, 0.6, BAKING, 0.4), Map.of());

    TagScores s = TagScorer.score(user, item);

    assertThat(s.tag0()).isCloseTo(0.6, within(1e-12));
    assertThat(s.tag1()).isZero();
    assertThat(s.interestPath()).isEqualTo(new TagScores.InterestPath(COOKING, 0.6));
    assertThat(s.logicPath()).isNull();
    // an item without the tag gets nothing and no path
    TagScores other = TagScorer.score(user, ItemTags.fromScores(Map.of(BAKING, 1.0), Map.of()));
    assertThat(other).isEqualTo(TagScores.ZERO);
  }

  @Test
  void itemScoresAreNormalisedSoManyTagsDoNotOutweighFew() {
    UserTagProfile user = new UserTagProfile(Map.of(COOKING, 0.5, BAKING, 0.5), Map.of(), List.of());
    // raw scores 0.9 + 0.9 + 0.9 + 0.9 (four tags, two matched) against 0.9 (one tag, matched)
    double four = TagScorer.score(user, ItemTags.fromScores(Map.of(COOKING, 0.9, BAKING, 0.9, VIOLIN, 0.9, 4L, 0.9), Map.of())).tag0();
    double one = TagScorer.score(user, ItemTags.fromScores(Map.of(COOKING, 0.9), Map.of())).tag0();
    assertThat(four).isCloseTo(0.5 * 0.25 + 0.5 * 0.25, within(1e-12));
    assertThat(one).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void aRoleWhoseLogicEdgesPointToATagTheUserNeverSawScoresThroughTheExpansion() {
    // The user is a parent who only ever watched cooking. Parents' U2I edge points at violin (never
    // seen by this user); violin's audience is musicians (0.8) and students (0.2).
    List<LogicEdge> edges = List.of(
        edge(PARENT, VIOLIN, LogicDirection.U2I, 0.5),
        edge(VIOLIN, MUSICIAN, LogicDirection.I2U, 0.8),
        edge(VIOLIN, STUDENT, LogicDirection.I2U, 0.2));
    List<ExpandedRole> expanded = RoleLogicPaths.expand(Map.of(PARENT, 1.0), edges, 0.02, 10);
    // w_violin = 0.5 > δ; w_musician = 0.5 · 0.8 = 0.4, w_student = 0.1; normalised 0.8 and 0.2
    assertThat(expanded).containsExactly(
        new ExpandedRole(MUSICIAN, 0.8, PARENT, VIOLIN), new ExpandedRole(STUDENT, 0.2, PARENT, VIOLIN));
    UserTagProfile user = new UserTagProfile(Map.of(COOKING, 1.0), Map.of(PARENT, 1.0), expanded);
    // a violin video for musicians (3) and students (1): P = 0.75 and 0.25
    ItemTags violinVideo = ItemTags.fromScores(Map.of(VIOLIN, 1.0), Map.of(MUSICIAN, 3.0, STUDENT, 1.0));

    TagScores s = TagScorer.score(user, violinVideo);

    assertThat(s.tag0()).isZero();
    assertThat(s.tag1()).isCloseTo(0.8 * 0.75 + 0.2 * 0.25, within(1e-12));
    assertThat(s.logicPath()).isEqualTo(new TagScores.LogicPath(PARENT, VIOLIN, MUSICIAN, 0.8 * 0.75));
    assertThat(s.blended(1.0, 1.0, 0.01)).isCloseTo(1.0 + 0.01 * 0.65, within(1e-12));
  }

  @Test
  void theExpansionPathTakesTheStrongestItemTagAndRoleBehindIt() {
    List<LogicEdge> edges = List.of(
        edge(PARENT, COOKING, LogicDirection.U2I, 0.3),
        edge(STUDENT, COOKING, LogicDirection.U2I, 0.1),
        edge(STUDENT, VIOLIN, LogicDirection.U2I, 0.05),
        edge(COOKING, MUSICIAN, LogicDirection.I2U, 0.1),
        edge(VIOLIN, MUSICIAN, LogicDirection.I2U, 0.9),
        edge(BAKING, MUSICIAN, LogicDirection.I2U, 1.0)); // baking is not reached: no U2I edge into it
    List<ExpandedRole> expanded = RoleLogicPaths.expand(Map.of(PARENT, 0.6, STUDENT, 0.4), edges, 0.02, 10);
    // w_cooking = 0.4, w_violin = 0.05: terms 0.04 and 0.045, so violin carries musician; student points at violin
    assertThat(expanded).containsExactly(new ExpandedRole(MUSICIAN, 1.0, STUDENT, VIOLIN));
    // with δ above violin's 0.05, only cooking is left, reached most strongly from parent
    assertThat(RoleLogicPaths.expand(Map.of(PARENT, 0.6, STUDENT, 0.4), edges, 0.06, 10))
        .containsExactly(new ExpandedRole(MUSICIAN, 1.0, PARENT, COOKING));
  }

  @Test
  void anEmptyProfileOrUntaggedItemScoresZero() {
    assertThat(TagScorer.score(UserTagProfile.EMPTY, ItemTags.fromScores(Map.of(COOKING, 1.0), Map.of(PARENT, 1.0))))
        .isEqualTo(TagScores.ZERO);
    assertThat(TagScorer.score(new UserTagProfile(Map.of(COOKING, 1.0), Map.of(), List.of()), ItemTags.NONE))
        .isEqualTo(TagScores.ZERO);
    assertThat(RoleLogicPaths.expand(Map.of(), (d, s) -> List.of())).isEmpty();
  }

  @Test
  void badInputIsRefused() {
    assertThatThrownBy(() -> ItemTags.fromScores(Map.of(COOKING, 0.0), Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    assertThatThrownBy(() -> new UserTagProfile(Map.of(COOKING, 1.5), Map.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interest");
  }
}
