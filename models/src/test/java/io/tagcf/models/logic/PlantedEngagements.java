package io.tagcf.models.logic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A generated engagement log with known role → item-tag associations. Each role prefers a few
 * item tags; every engagement is driven by one of the user's roles (drawn from their role
 * distribution) and, with probability {@code rho}, shows one of that role's preferred tags among
 * background tags drawn from a Zipf popularity law, which is the confounder: popular tags show up
 * in every role's videos without being associated with any role. Users of some roles are also
 * more active than others.
 */
record PlantedEngagements(EngagementLog log, Map<Long, Set<Long>> preferredByRole, long[] itemTagsByPopularity) {

  static final long ROLE_BASE = 1000;

  List<LogicEdge> fit(CoEngagementLogic logic) {
    return log.fit(logic);
  }

  static PlantedEngagements generate(
      long seed, int roles, int itemTags, int preferredPerRole, int users, double rho, double zipfExponent) {
    Random rnd = new Random(seed);
    // Popularity rank -> tag id, shuffled so that planted tags are not tied to popularity.
    long[] byPopularity = new long[itemTags];
    for (int i = 0; i < itemTags; i++) {
      byPopularity[i] = i + 1;
    }
    shuffle(byPopularity, rnd);
    double[] cdf = new double[itemTags];
    double acc = 0;
    for (int i = 0; i < itemTags; i++) {
      acc += 1 / Math.pow(i + 1, zipfExponent);
      cdf[i] = acc;
    }
    for (int i = 0; i < itemTags; i++) {
      cdf[i] /= acc;
    }
    Map<Long, Set<Long>> preferred = new HashMap<>();
    for (int r = 0; r < roles; r++) {
      Set<Long> tags = new LinkedHashSet<>();
      while (tags.size() < preferredPerRole) {
        tags.add(1L + rnd.nextInt(itemTags));
      }
      preferred.put(ROLE_BASE + r, tags);
    }
    EngagementLog out = new EngagementLog();
    for (int u = 0; u < users; u++) {
      // A main role with 50–80% of the mass, two others sharing the rest.
      int main = rnd.nextInt(roles);
      Map<Long, Double> p = new HashMap<>();
      double mainP = 0.5 + 0.3 * rnd.nextDouble();
      p.put(ROLE_BASE + main, mainP);
      int second = (main + 1 + rnd.nextInt(roles - 1)) % roles;
      int third;
      do {
        third = rnd.nextInt(roles);
      } while (third == main || third == second);
      double split = rnd.nextDouble();
      p.put(ROLE_BASE + second, (1 - mainP) * split);
      p.put(ROLE_BASE + third, (1 - mainP) * (1 - split));
      long[] roleIds = p.keySet().stream().mapToLong(Long::longValue).sorted().toArray();

      int videos = (main % 2 == 0 ? 15 : 8) + rnd.nextInt(10);
      List<Map<Long, Double>> engaged = new ArrayList<>();
      for (int v = 0; v < videos; v++) {
        long driver = draw(roleIds, p, rnd);
        Map<Long, Double> tags = new HashMap<>();
        int background = 3 + rnd.nextInt(3);
        if (rnd.nextDouble() < rho) {
          List<Long> pref = new ArrayList<>(preferred.get(driver));
          tags.put(pref.get(rnd.nextInt(pref.size())), 0.5 + 0.5 * rnd.nextDouble());
          background--;
        }
        while (background > 0) {
          int idx = Arrays.binarySearch(cdf, rnd.nextDouble());
          long tag = byPopularity[idx < 0 ? -idx - 1 : idx];
          if (tags.putIfAbsent(tag, 0.5 + 0.5 * rnd.nextDouble()) == null) {
            background--;
          }
        }
        engaged.add(tags);
      }
      out.user("u" + u, p, engaged);
    }
    return new PlantedEngagements(out, preferred, byPopularity);
  }

  private static long draw(long[] ids, Map<Long, Double> p, Random rnd) {
    double x = rnd.nextDouble();
    for (long id : ids) {
      x -= p.get(id);
      if (x < 0) {
        return id;
      }
    }
    return ids[ids.length - 1];
  }

  private static void shuffle(long[] a, Random rnd) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      long tmp = a[i];
      a[i] = a[j];
      a[j] = tmp;
    }
  }
}
