package io.tagcf.models.logic;

import io.tagcf.models.roles.EngagedVideo;
import io.tagcf.models.roles.WeightedTag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The tag-logic graph (TagCF paper's U2I and I2U) estimated from observed co-engagement.
 *
 * <p>For role tag t and item tag c, with P(t | u) the user's role probability and a(v, c) =
 * score(v, c) · W(u, v) the weight of item tag c on video v engaged with by u (W as in
 * {@link io.tagcf.models.roles.RoleIdentification}):
 *
 * <pre>
 *   N(t, c) = Σ_u Σ_{v engaged by u} P(t | u) · a(v, c)          co-engagement mass (= support)
 *   N(t) = Σ_c N(t, c),   N(c) = Σ_t N(t, c),   N = Σ_t N(t)
 *   P(c) = N(c) / N,      P(t) = N(t) / N                         base rates
 *   U2I t → c:  weight = P(c | t) = (N(t, c) + α · P(c)) / (N(t) + α),   lift = P(c | t) / P(c)
 *   I2U c → t:  weight = P(t | c) = (N(t, c) + α · P(t)) / (N(c) + α),   lift = P(t | c) / P(t)
 * </pre>
 *
 * The prior of strength α pulls the conditional of a source tag with little mass towards the base
 * rate, so a role seen on two videos does not claim P(c | t) = 1/2 for a tag that appeared once:
 * lift − 1 shrinks by the factor N(source) / (N(source) + α). The shrinkage never flips lift across
 * 1, so the filter below does not depend on α; α = 0 gives the raw estimates.
 *
 * <p>A pair yields an edge in both directions when its support N(t, c) ≥ minSupport and its lift
 * exceeds 1 (beyond rounding). Per source tag the best {@code topB} edges are kept, ordered by
 * {@link EdgeRanking} (default: added value P(target | source) − P(target), which within one
 * source orders by the excess mass N(t, c) − N(t)·N(c)/N), ties to the smaller target id. Ranking by
 * the weight itself fills every role's list with the most popular item tags: on the planted test
 * data (Zipf-popular background tags) its precision@5 is 0.12 against 0.98 for added value.
 *
 * <p>Output order: U2I edges, then I2U; within each by source id, then by rank. Cost is
 * Σ_u |roles(u)| · |item tags(u)| for the pair masses, plus sorting each source's candidates;
 * memory is the pair masses, the role distributions and one user's item tags, never the log.
 */
public final class CoEngagementLogic {

  private final double smoothing;
  private final double minSupport;
  private final int topB;
  private final EdgeRanking ranking;

  public CoEngagementLogic(double smoothing, double minSupport, int topB) {
    this(smoothing, minSupport, topB, EdgeRanking.ADDED_VALUE);
  }

  public CoEngagementLogic(double smoothing, double minSupport, int topB, EdgeRanking ranking) {
    if (!(smoothing >= 0) || Double.isInfinite(smoothing)) {
      throw new IllegalArgumentException("smoothing must be finite and non-negative: " + smoothing);
    }
    if (!(minSupport >= 0) || Double.isInfinite(minSupport)) {
      throw new IllegalArgumentException("minSupport must be finite and non-negative: " + minSupport);
    }
    if (topB < 1) {
      throw new IllegalArgumentException("topB must be at least 1: " + topB);
    }
    if (ranking == null) {
      throw new IllegalArgumentException("ranking is required");
    }
    this.smoothing = smoothing;
    this.minSupport = minSupport;
    this.topB = topB;
    this.ranking = ranking;
  }

  /**
   * Fits the graph in one pass over the engaged videos.
   *
   * @param rolesByUser each user's role distribution P(t | u) (possibly cut to the top roles, so it
   *     may sum to less than 1); users without one are skipped
   * @param engagedVideos one row per (user, video) with the video's item tags; a(v, c) = score(v, c)
   *     · W(u, v). Rows grouped by user are summed per user first, which is what makes the pass
   *     cheap; ungrouped rows give the same edges, only more slowly.
   */
  public List<LogicEdge> fit(Map<String, Map<Long, Double>> rolesByUser, Iterator<EngagedVideo> engagedVideos) {
    if (rolesByUser == null) {
      throw new IllegalArgumentException("rolesByUser must not be null");
    }
    if (engagedVideos == null) {
      throw new IllegalArgumentException("engagedVideos must not be null");
    }
    rolesByUser.forEach(CoEngagementLogic::checkRoles);
    TagIndex roles = new TagIndex();
    TagIndex items = new TagIndex();
    PairMass pairs = new PairMass(1 << 12);
    // N(t, c) needs only each user's total weight per item tag: a user's videos are summed first.
    Map<Integer, Double> itemMass = new HashMap<>();
    String user = null;
    Map<Long, Double> userRoles = null;
    while (engagedVideos.hasNext()) {
      EngagedVideo e = engagedVideos.next();
      if (e == null) {
        throw new IllegalArgumentException("engagedVideos must not contain null");
      }
      if (!e.userId().equals(user)) {
        addUser(userRoles, itemMass, roles, pairs);
        user = e.userId();
        userRoles = rolesByUser.get(user);
        itemMass.clear();
      }
      if (userRoles != null) {
        for (WeightedTag t : e.tags()) {
          itemMass.merge(items.of(t.tagId()), t.score() * e.weight(), Double::sum);
        }
      }
    }
    addUser(userRoles, itemMass, roles, pairs);
    return edges(pairs, roles.ids(), items.ids());
  }

  private static void checkRoles(String user, Map<Long, Double> roles) {
    if (user == null || roles == null) {
      throw new IllegalArgumentException("rolesByUser must not contain null users or distributions");
    }
    roles.forEach((tag, p) -> {
      if (tag == null || p == null || !(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException(
            "role probability of user " + user + " must be in [0, 1]: " + tag + " -> " + p);
      }
    });
  }

  private static void addUser(
      Map<Long, Double> userRoles, Map<Integer, Double> itemMass, TagIndex roles, PairMass pairs) {
    if (userRoles == null || itemMass.isEmpty()) {
      return;
    }
    userRoles.forEach((t, p) -> {
      if (p > 0) {
        int role = roles.of(t);
        itemMass.forEach((item, m) -> pairs.add(role, item, p * m));
      }
    });
  }

  private List<LogicEdge> edges(PairMass pairs, long[] roleIds, long[] itemIds) {
    double[] roleTotal = new double[roleIds.length];
    double[] itemTotal = new double[itemIds.length];
    double[] grand = new double[1];
    pairs.forEach((t, c, n) -> {
      roleTotal[t] += n;
      itemTotal[c] += n;
      grand[0] += n;
    });
    if (!(grand[0] > 0)) {
      return List.of();
    }
    double total = grand[0];
    double a = smoothing;
    List<List<Candidate>> u2i = lists(roleIds.length);
    List<List<Candidate>> i2u = lists(itemIds.length);
    pairs.forEach((t, c, n) -> {
      double expected = roleTotal[t] * itemTotal[c] / total;
      if (n < minSupport || !(n > expected * (1 + 1e-9))) {
        return;
      }
      double pc = itemTotal[c] / total;
      double pt = roleTotal[t] / total;
      // The marginals are sums of the same masses in another order: clamp the ulp they may differ by.
      double u2iWeight = Math.min(1, (n + a * pc) / (roleTotal[t] + a));
      double i2uWeight = Math.min(1, (n + a * pt) / (itemTotal[c] + a));
      u2i.get(t).add(new Candidate(
          new LogicEdge(roleIds[t], itemIds[c], LogicDirection.U2I, u2iWeight, n, u2iWeight / pc), u2iWeight - pc));
      i2u.get(c).add(new Candidate(
          new LogicEdge(itemIds[c], roleIds[t], LogicDirection.I2U, i2uWeight, n, i2uWeight / pt), i2uWeight - pt));
    });
    List<LogicEdge> out = new ArrayList<>();
    keepTop(u2i, roleIds, out);
    keepTop(i2u, itemIds, out);
    return out;
  }

  private void keepTop(List<List<Candidate>> bySource, long[] sourceIds, List<LogicEdge> out) {
    Comparator<Candidate> order =
        ranking == EdgeRanking.WEIGHT
            ? Comparator.comparingDouble((Candidate x) -> x.edge().weight()).reversed()
            : Comparator.comparingDouble(Candidate::addedValue).reversed();
    order = order.thenComparingLong(x -> x.edge().targetTagId());
    // Indices follow the order tags were first seen; the output follows the source ids.
    Integer[] sources = new Integer[sourceIds.length];
    for (int i = 0; i < sources.length; i++) {
      sources[i] = i;
    }
    Arrays.sort(sources, Comparator.comparingLong(i -> sourceIds[i]));
    for (int source : sources) {
      List<Candidate> candidates = bySource.get(source);
      candidates.sort(order);
      candidates.stream().limit(topB).forEach(x -> out.add(x.edge()));
    }
  }

  private static List<List<Candidate>> lists(int n) {
    List<List<Candidate>> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new ArrayList<>());
    }
    return out;
  }

  private record Candidate(LogicEdge edge, double addedValue) {}
}
