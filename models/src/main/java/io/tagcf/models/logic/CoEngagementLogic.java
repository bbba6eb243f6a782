package io.tagcf.models.logic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The tag-logic graph (TagCF paper's U2I and I2U) estimated from observed co-engagement.
 *
 * <p>For role tag t and item tag c, with P(t | u) the user's role probability and a(v, c) the
 * weight of item tag c on engaged video v:
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
 * Σ_u |roles(u)| · |item tags(u)| for the pair masses, plus sorting each source's candidates.
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

  public List<LogicEdge> fit(Collection<UserEngagementProfile> users) {
    if (users == null) {
      throw new IllegalArgumentException("users must not be null");
    }
    TreeSet<Long> roleSet = new TreeSet<>();
    TreeSet<Long> itemSet = new TreeSet<>();
    for (UserEngagementProfile u : users) {
      if (u == null) {
        throw new IllegalArgumentException("users must not contain null");
      }
      u.roleProbabilities().forEach((t, p) -> {
        if (p > 0) {
          roleSet.add(t);
        }
      });
      u.engagedItemTags().forEach(v -> v.forEach((c, w) -> {
        if (w > 0) {
          itemSet.add(c);
        }
      }));
    }
    long[] roleIds = roleSet.stream().mapToLong(Long::longValue).toArray();
    long[] itemIds = itemSet.stream().mapToLong(Long::longValue).toArray();
    PairMass pairs = pairMass(users, index(roleIds), index(itemIds));

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
    keepTop(u2i, out);
    keepTop(i2u, out);
    return out;
  }

  private static PairMass pairMass(
      Collection<UserEngagementProfile> users, Map<Long, Integer> roleIndex, Map<Long, Integer> itemIndex) {
    PairMass pairs = new PairMass(1 << 12);
    // A user's videos are summed first: N(t, c) needs only the user's total weight per item tag.
    Map<Integer, Double> itemMass = new HashMap<>();
    for (UserEngagementProfile u : users) {
      itemMass.clear();
      for (Map<Long, Double> video : u.engagedItemTags()) {
        video.forEach((c, w) -> {
          if (w > 0) {
            itemMass.merge(itemIndex.get(c), w, Double::sum);
          }
        });
      }
      u.roleProbabilities().forEach((t, p) -> {
        if (p > 0) {
          int role = roleIndex.get(t);
          itemMass.forEach((item, m) -> pairs.add(role, item, p * m));
        }
      });
    }
    return pairs;
  }

  private void keepTop(List<List<Candidate>> bySource, List<LogicEdge> out) {
    Comparator<Candidate> order =
        ranking == EdgeRanking.WEIGHT
            ? Comparator.comparingDouble((Candidate x) -> x.edge().weight()).reversed()
            : Comparator.comparingDouble(Candidate::addedValue).reversed();
    order = order.thenComparingLong(x -> x.edge().targetTagId());
    for (List<Candidate> candidates : bySource) {
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

  private static Map<Long, Integer> index(long[] ids) {
    Map<Long, Integer> m = new HashMap<>(ids.length * 2);
    for (int i = 0; i < ids.length; i++) {
      m.put(ids[i], i);
    }
    return m;
  }

  private record Candidate(LogicEdge edge, double addedValue) {}
}
