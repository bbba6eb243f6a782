package io.tagcf.activities.roles;

import io.tagcf.models.logic.CoEngagementLogic;
import io.tagcf.models.logic.LogicDirection;
import io.tagcf.models.logic.LogicEdge;
import io.tagcf.models.logic.LogicRequest;
import io.tagcf.models.logic.LogicRunSummary;
import io.tagcf.models.roles.EngagementWindow;
import io.tagcf.models.roles.RoleIdentification;
import io.tagcf.models.roles.RoleRequest;
import io.tagcf.models.roles.RoleRunSummary;
import io.tagcf.models.roles.RoleScore;
import io.tagcf.models.tags.TagKind;
import io.tagcf.store.logic.LogicEdgeRepository;
import io.tagcf.store.logic.LogicSource;
import io.tagcf.store.roles.EngagementRepository;
import io.tagcf.store.roles.UserRoleRepository;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * P(role | user) from the audience tags of what each user engaged with; then the co-engagement
 * logic graph between those roles and the item tags of the same engagements. Each reads the
 * interaction log once, summed per (user, video) in the database and streamed into the model.
 */
public final class UserRoleActivitiesImpl implements UserRoleActivities {

  private final EngagementRepository engagements;
  private final UserRoleRepository roles;
  private final LogicEdgeRepository edges;
  private final Clock clock;

  public UserRoleActivitiesImpl(
      EngagementRepository engagements, UserRoleRepository roles, LogicEdgeRepository edges, Clock clock) {
    this.engagements = engagements;
    this.roles = roles;
    this.edges = edges;
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

  private record Identified(Map<String, List<RoleScore>> roles, long engagements) {}
}
