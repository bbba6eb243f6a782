package io.tagcf.activities.roles;

import io.tagcf.models.logic.CoEngagementLogic;
import io.tagcf.models.logic.LogicDirection;
import io.tagcf.models.logic.LogicEdge;
import io.tagcf.models.logic.LogicRequest;
import io.tagcf.models.logic.LogicRunSummary;
import io.tagcf.models.logic.UserEngagementProfile;
import io.tagcf.models.roles.Engagement;
import io.tagcf.models.roles.RoleIdentification;
import io.tagcf.models.roles.RoleRequest;
import io.tagcf.models.roles.RoleRunSummary;
import io.tagcf.models.roles.RoleScore;
import io.tagcf.models.roles.WeightedTag;
import io.tagcf.models.tags.TagKind;
import io.tagcf.store.logic.LogicEdgeRepository;
import io.tagcf.store.logic.LogicSource;
import io.tagcf.store.roles.EngagementRepository;
import io.tagcf.store.roles.UserRoleRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * P(role | user) from the audience tags of what each user engaged with; then the co-engagement
 * logic graph between those roles and the item tags of the same engagements.
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
    Instant now = clock.instant();
    Instant since = now.minus(Duration.ofDays(r.windowDays()));
    List<Engagement> recent = engagements.since(since);
    Map<String, List<WeightedTag>> audience = engagements.tagsOfEngagedVideos(TagKind.AUDIENCE, since);
    Map<String, List<RoleScore>> identified =
        new RoleIdentification(halfLife(r.halfLifeDays()), r.topK()).identify(recent, audience, now);
    int rows = roles.replaceAll(identified);
    return new RoleRunSummary(identified.size(), recent.size(), rows);
  }

  @Override
  public LogicRunSummary fitStatisticalLogic(LogicRequest r) {
    Instant now = clock.instant();
    Instant since = now.minus(Duration.ofDays(r.windowDays()));
    Map<String, Map<Long, Double>> userRoles = roles.allRoleDistributions();
    Map<String, List<WeightedTag>> itemTags = engagements.tagsOfEngagedVideos(TagKind.ITEM, since);
    double halfLifeSeconds = halfLife(r.halfLifeDays()).toSeconds();
    Map<String, List<Map<Long, Double>>> engagedTags = new HashMap<>();
    for (Engagement e : engagements.since(since)) {
      List<WeightedTag> tags = itemTags.get(e.videoId());
      if (tags == null || !userRoles.containsKey(e.userId())) {
        continue;
      }
      double age = Math.max(0, Duration.between(e.at(), now).toSeconds());
      double w = e.strength() * Math.pow(0.5, age / halfLifeSeconds);
      Map<Long, Double> weighted = new HashMap<>();
      tags.forEach(t -> weighted.merge(t.tagId(), t.score() * w, Double::sum));
      engagedTags.computeIfAbsent(e.userId(), k -> new ArrayList<>()).add(weighted);
    }
    List<UserEngagementProfile> profiles = new ArrayList<>();
    engagedTags.forEach((user, videos) -> profiles.add(new UserEngagementProfile(user, userRoles.get(user), videos)));
    List<LogicEdge> fitted = new CoEngagementLogic(r.smoothing(), r.minSupport(), r.topB()).fit(profiles);
    edges.replace(LogicSource.STATS, fitted);
    return new LogicRunSummary(LogicSource.STATS.wireName(),
        (int) fitted.stream().filter(e -> e.direction() == LogicDirection.U2I).count(),
        (int) fitted.stream().filter(e -> e.direction() == LogicDirection.I2U).count());
  }

  private static Duration halfLife(double days) {
    return Duration.ofSeconds(Math.max(1, Math.round(days * 86_400)));
  }
}
