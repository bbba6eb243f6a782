package io.tagcf.activities.roles;

import static io.tagcf.store.TestEngagements.engagement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tagcf.models.interactions.Exposure;
import io.tagcf.models.logic.LogicDirection;
import io.tagcf.models.logic.LogicEdge;
import io.tagcf.models.logic.LogicRequest;
import io.tagcf.models.logic.LogicRunSummary;
import io.tagcf.models.ranking.ExpandedRole;
import io.tagcf.models.ranking.ItemTags;
import io.tagcf.models.ranking.RankingProfileSummary;
import io.tagcf.models.ranking.TagScorer;
import io.tagcf.models.ranking.TagScores;
import io.tagcf.models.ranking.UserTagProfile;
import io.tagcf.models.roles.RoleRequest;
import io.tagcf.models.roles.RoleRunSummary;
import io.tagcf.store.Database;
import io.tagcf.store.TestDatabase;
import io.tagcf.store.TestEngagements;
import io.tagcf.store.TestSql;
import io.tagcf.store.logic.LogicEdgeRepository;
import io.tagcf.store.logic.StoredLogicEdge;
import io.tagcf.store.roles.EngagementRepository;
import io.tagcf.store.roles.UserRole;
import io.tagcf.store.ranking.RankingProfileRepository;
import io.tagcf.store.roles.UserRoleRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Roles and the statistical logic graph from the interaction log on the real PostgreSQL, checked
 * against hand-computed values: the view's strengths, the decay in SQL and the models together.
 */
class UserRoleActivitiesTest {

  private static final Instant NOW = Instant.parse("2026-10-20T00:00:00Z");
  private static final Duration WEEK = Duration.ofDays(7);
  private static final long COOKS = 1;
  private static final long CAT_LOVERS = 2;
  private static final long COOKING = 3;
  private static final long CATS = 4;
  private static final long EVERYWHERE = 5;

  private static Database db;
  private static UserRoleRepository roles;
  private static LogicEdgeRepository edges;
  private static RankingProfileRepository profiles;
  private static UserRoleActivitiesImpl activities;

  /**
   * Cooking videos c1, c2 (audience: cooks; items: cooking 0.8, a tag on every video 0.5), cat
   * videos k1, k2 likewise, and an untagged video. Three cooks each engage with c1 now (strength
   * 1, weight 1), with c2 one half-life ago (4, weight 2) and with k1 two half-lives ago (2, weight
   * 1/2); three cat lovers the mirror image; a lurker only with the untagged video.
   */
  @BeforeAll
  static void setUp() {
    db = TestDatabase.fresh();
    roles = new UserRoleRepository(db.dataSource());
    edges = new LogicEdgeRepository(db.dataSource());
    profiles = new RankingProfileRepository(db.dataSource());
    activities = new UserRoleActivitiesImpl(new EngagementRepository(db.dataSource()), roles, edges, profiles,
        Clock.fixed(NOW, ZoneOffset.UTC));
    sql("INSERT INTO videos (video_id, creator_id, title, language, content_hash) VALUES ('c1', 'x', 't', 'en', 'h'),"
        + " ('c2', 'x', 't', 'en', 'h'), ('k1', 'x', 't', 'en', 'h'), ('k2', 'x', 't', 'en', 'h'), ('plain', 'x', 't', 'en', 'h')");
    sql("INSERT INTO tags (tag_id, kind, slug, label_en, status, origin) VALUES"
        + " (1, 'audience', 'cooks', 'cooks', 'vocabulary', 'test'), (2, 'audience', 'cat-lovers', 'cat lovers', 'vocabulary', 'test'),"
        + " (3, 'item', 'cooking', 'cooking', 'vocabulary', 'test'), (4, 'item', 'cats', 'cats', 'vocabulary', 'test'),"
        + " (5, 'item', 'everywhere', 'everywhere', 'vocabulary', 'test')");
    for (String[] v : new String[][] {{"c1", "1", "3"}, {"c2", "1", "3"}, {"k1", "2", "4"}, {"k2", "2", "4"}}) {
      sql("INSERT INTO video_tags (video_id, tag_id, kind, score, rank, raw_label, match_similarity, tagger, content_hash)"
          + " VALUES ('" + v[0] + "', " + v[1] + ", 'audience', 0.9, 1, 'r', 1, 'offline', 'h'),"
          + " ('" + v[0] + "', " + v[2] + ", 'item', 0.8, 1, 'r', 1, 'offline', 'h'),"
          + " ('" + v[0] + "', 5, 'item', 0.5, 2, 'r', 1, 'offline', 'h')");
    }
    List<Exposure> log = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      fan(log, "cook" + i, "c1", "c2", "k1");
      fan(log, "cat" + i, "k1", "k2", "c1");
    }
    // Neither a view without a click nor an engagement before the window changes cook0's roles.
    log.add(new Exposure("cook0-unclicked", "cook0", "k2", NOW, false, 1.0, true, true, false, null));
    log.add(engagement("cook0-old", "cook0", "k2", NOW.minus(Duration.ofDays(31)), 4));
    log.add(engagement("lurker", "lurker", "plain", NOW, 4));
    TestEngagements.load(db.dataSource(), log);
  }

  private static void fan(List<Exposure> log, String user, String now, String weekAgo, String twoWeeksAgo) {
    log.add(engagement(user + "-1", user, now, NOW, 1));
    log.add(engagement(user + "-2", user, weekAgo, NOW.minus(WEEK), 4));
    log.add(engagement(user + "-3", user, twoWeeksAgo, NOW.minus(WEEK.multipliedBy(2)), 2));
  }

  @AfterAll
  static void tearDown() {
    db.close();
  }

  @Test
  void rolesWeighTheLogsEngagementsByStrengthAndRecency() {
    RoleRunSummary summary = activities.identifyRoles(new RoleRequest(30, 7, 10));
    // Six users with audience evidence, nineteen engagements in the window, two roles each.
    assertThat(summary).isEqualTo(new RoleRunSummary(6, 19, 12));
    List<UserRole> cook = roles.rolesOf("cook0");
    assertThat(cook).extracting(UserRole::tagId).containsExactly(COOKS, CAT_LOVERS);
    assertThat(cook.get(0).probability()).isCloseTo(3 / 3.5, within(1e-12));
    assertThat(cook.get(1).probability()).isCloseTo(0.5 / 3.5, within(1e-12));
    assertThat(roles.rolesOf("cat2")).extracting(UserRole::tagId).containsExactly(CAT_LOVERS, COOKS);
    assertThat(roles.rolesOf("lurker")).isEmpty();
  }

  @Test
  void theStatisticalLogicGraphComesFromTheSameLog() {
    activities.identifyRoles(new RoleRequest(30, 7, 10));
    LogicRunSummary summary = activities.fitStatisticalLogic(new LogicRequest(30, 7, 5.0, 2.0, 20));
    assertThat(summary).isEqualTo(new LogicRunSummary("stats", 2, 2));
    // The tag on every video has lift 1 for both roles: no edge. Cooks → cooking:
    // N(cooks, cooking) = 3 · (6/7 · 0.8 · 3 + 1/7 · 0.8 · 0.5), N(cooks) = 3 · 3.5 · 1.3 (the item
    // tag mass of each user), N = 2 · N(cooks), P(cooking) = N(cooking) / N with α = 5.
    double n = 3 * (6.0 / 7 * 2.4 + 1.0 / 7 * 0.4);
    double roleTotal = 3 * 3.5 * 1.3;
    double pCooking = (n + 3 * (1.0 / 7 * 2.4 + 6.0 / 7 * 0.4)) / (2 * roleTotal);
    double weight = (n + 5 * pCooking) / (roleTotal + 5);
    List<StoredLogicEdge> fromCooks = edges.outgoing(COOKS, 20);
    assertThat(fromCooks).extracting(s -> s.edge().targetTagId()).containsExactly(COOKING);
    LogicEdge e = fromCooks.get(0).edge();
    assertThat(e.direction()).isEqualTo(LogicDirection.U2I);
    assertThat(e.support()).isCloseTo(n, within(1e-9));
    assertThat(e.weight()).isCloseTo(weight, within(1e-12));
    assertThat(edges.outgoing(CAT_LOVERS, 20)).extracting(s -> s.edge().targetTagId()).containsExactly(CATS);
    assertThat(edges.outgoing(COOKING, 20)).extracting(s -> s.edge().targetTagId()).containsExactly(COOKS);
    assertThat(edges.outgoing(EVERYWHERE, 20)).isEmpty();
    assertThat(Set.of(COOKING, CATS, EVERYWHERE)).allSatisfy(tag ->
        assertThat(edges.outgoing(tag, 20)).allMatch(s -> s.edge().direction() == LogicDirection.I2U));
  }

  @Test
  void rankingProfilesHoldTheInterestInItemTagsAndTheExpansionWithItsPaths() {
    activities.identifyRoles(new RoleRequest(30, 7, 10));
    activities.fitStatisticalLogic(new LogicRequest(30, 7, 5.0, 2.0, 20));
    RankingProfileSummary summary = activities.buildRankingProfiles(new RoleRequest(30, 7, 10));

    // Six users: three item tags of interest each, two expanded roles each.
    assertThat(summary).isEqualTo(new RankingProfileSummary(6, 18, 12));
    UserTagProfile cook = profiles.profileOf("cook0").orElseThrow();
    // cook0: c1 (weight 1), c2 (2), k1 (1/2); each video's item tags 0.8 + 0.5, normalised per video
    assertThat(cook.interest().get(COOKING)).isCloseTo(3 * (0.8 / 1.3) / 3.5, within(1e-12));
    assertThat(cook.interest().get(CATS)).isCloseTo(0.5 * (0.8 / 1.3) / 3.5, within(1e-12));
    assertThat(cook.interest().get(EVERYWHERE)).isCloseTo(0.5 / 1.3, within(1e-12));
    assertThat(cook.roles()).containsOnlyKeys(COOKS, CAT_LOVERS);
    // The graph is symmetric between cooks and cat lovers: each role is reached through its own
    // item tag, with half the weight.
    assertThat(cook.expanded()).extracting(ExpandedRole::roleId).containsExactlyInAnyOrder(COOKS, CAT_LOVERS);
    assertThat(cook.expanded()).allSatisfy(r -> assertThat(r.weight()).isCloseTo(0.5, within(1e-9)));
    assertThat(cook.expanded()).anySatisfy(r ->
        assertThat(r).isEqualTo(new ExpandedRole(COOKS, r.weight(), COOKS, COOKING)));
    assertThat(profiles.profileOf("lurker")).isEmpty();
    // The candidates' tags as the scores read them.
    Map<String, ItemTags> tags = profiles.itemTags(List.of("c1", "plain", "missing"));
    assertThat(tags).containsOnlyKeys("c1", "plain");
    assertThat(tags.get("plain")).isEqualTo(ItemTags.NONE);
    assertThat(tags.get("c1").itemTags().get(COOKING)).isCloseTo(0.8 / 1.3, within(1e-12));
    assertThat(tags.get("c1").audienceTags()).containsEntry(COOKS, 1.0);
    TagScores scores = TagScorer.score(cook, tags.get("c1"));
    assertThat(scores.tag0()).isCloseTo(cook.interest().get(COOKING) * 0.8 / 1.3 + cook.interest().get(EVERYWHERE) * 0.5 / 1.3,
        within(1e-12));
    assertThat(scores.interestPath().tagId()).isEqualTo(COOKING);
    assertThat(scores.logicPath()).isEqualTo(new TagScores.LogicPath(COOKS, COOKING, COOKS, scores.tag1()));
  }

  private static void sql(String statement) {
    TestSql.execute(db.dataSource(), statement);
  }
}
