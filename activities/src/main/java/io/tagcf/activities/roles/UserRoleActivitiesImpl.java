package io.tagcf.activities.roles;

import io.tagcf.models.logic.CoEngagementLogic;
import io.tagcf.models.logic.LogicDirection;
import io.tagcf.models.logic.LogicEdge;
import io.tagcf.models.logic.LogicRequest;
import io.tagcf.models.logic.InMemoryLogicGraph;
import io.tagcf.models.logic.LogicEdgeLookup;
import io.tagcf.models.logic.LogicRunSummary;
import io.tagcf.models.ranking.ExpandedRole;
import io.tagcf.models.ranking.RankingProfileSummary;
import io.tagcf.models.ranking.RoleLogicPaths;
import io.tagcf.models.ranking.TagInterest;
import io.tagcf.models.roles.EngagementWindow;
import io.tagcf.models.roles.RoleIdentification;
import io.tagcf.models.roles.RoleRequest;
import io.tagcf.models.roles.RoleRunSummary;
import io.tagcf.models.roles.RoleScore;
import io.tagcf.models.tags.TagKind;
import io.tagcf.store.logic.LogicEdgeRepository;
import io.tagcf.store.logic.LogicSource;
import io.tagcf.store.roles.EngagementRepository;
import io.tagcf.store.ranking.RankingProfileRepository;
import io.tagcf.store.roles.UserRoleRepository;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * P(role | user) from the audience tags of what each user engaged with; then the co-engagement
 * logic graph between those roles and the item tags of the same engagements. Each reads the
 * interaction log once, summed per (user, video) in the database and streamed into the model. Last,
 * the ranking stage's profiles: item-tag interest and each user's logic expansion with its paths.
 */
public final class UserRoleActivitiesImpl implements UserRoleActivities {

  private final EngagementRepository engagements;
  private final UserRoleRepository roles;
  private final LogicEdgeRepository edges;
  private final RankingProfileRepository profiles;
  private final Clock clock;

  public UserRoleActivitiesImpl(EngagementRepository engagements, UserRoleRepository roles, LogicEdgeRepository edges,
      RankingProfileRepository profiles, Clock clock) {
    this.engagements = engagements;
    this.roles = roles;
    this.edges = edges;
    this.profiles = profiles;
    this.clock = clock;
  }

  @Override
  public RoleRunSummary identifyRoles(RoleRequest r) {
    EngagementWindow window = EngagementWindow.lastDays(clock.instant(), r.windowDays(), r.halfLifeDays());
    RoleIdentification identification = new RoleIdentification(r.topK());
    Identified run = engagements.read(TagKind.AUDIENCE, window,
        rows -> new Identified(identification.identify(rows), rows.engagements()));
    int rows = roles.replaceAll(run.roles());
    return new RoleRunSummary(run.roles().size(), (int) Math.min(Integer.MAX_VALUE, run.engagements()), rows);
  }

  @Override
  public LogicRunSummary fitStatisticalLogic(LogicRequest r) {
    EngagementWindow window = EngagementWindow.lastDays(clock.instant(), r.windowDays(), r.halfLifeDays());
    Map<String, Map<Long, Double>> userRoles = roles.allRoleDistributions();
    CoEngagementLogic logic = new CoEngagementLogic(r.smoothing(), r.minSupport(), r.topB());
    List<LogicEdge> fitted = engagements.read(TagKind.ITEM, window, rows -> logic.fit(userRoles, rows));
    edges.replace(LogicSource.STATS, fitted);
    return new LogicRunSummary(LogicSource.STATS.wireName(),
        (int) fitted.stream().filter(e -> e.direction() == LogicDirection.U2I).count(),
        (int) fitted.stream().filter(e -> e.direction() == LogicDirection.I2U).count());
  }

  @Override
  public RankingProfileSummary buildRankingProfiles(RoleRequest r) {
    EngagementWindow window = EngagementWindow.lastDays(clock.instant(), r.windowDays(), r.halfLifeDays());
    RoleIdentification identification = new RoleIdentification(TagInterest.TOP_TAGS);
    Map<String, List<RoleScore>> interest = engagements.read(TagKind.ITEM, window, identification::identify);
    Map<String, Map<Long, Double>> userRoles = roles.allRoleDistributions();
    // The graph is read once for all users (both hops, every source merged as the read API merges
    // them), then each user's expansion walks it in memory.
    Set<Long> allRoles = new HashSet<>();
    userRoles.values().forEach(m -> allRoles.addAll(m.keySet()));
    List<LogicEdge> u2i = allRoles.isEmpty() ? List.of() : edges.from(LogicDirection.U2I, allRoles);
    Set<Long> reached = new HashSet<>();
    u2i.forEach(e -> reached.add(e.targetTagId()));
    List<LogicEdge> i2u = reached.isEmpty() ? List.of() : edges.from(LogicDirection.I2U, reached);
    LogicEdgeLookup graph = new InMemoryLogicGraph(u2i, i2u);
    Map<String, List<ExpandedRole>> expansions = new HashMap<>();
    userRoles.forEach((user, distribution) -> expansions.put(user, RoleLogicPaths.expand(distribution, graph)));
    profiles.replaceAll(interest, expansions);
    Set<String> users = new HashSet<>(interest.keySet());
    users.addAll(userRoles.keySet());
    return new RankingProfileSummary(users.size(), interest.values().stream().mapToInt(List::size).sum(),
        expansions.values().stream().mapToInt(List::size).sum());
  }

  private record Identified(Map<String, List<RoleScore>> roles, long engagements) {}
}
