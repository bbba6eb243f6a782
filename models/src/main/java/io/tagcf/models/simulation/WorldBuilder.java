package io.tagcf.models.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws a {@link World} from a {@link SimulationConfig}. Every random choice comes from streams
 * seeded by the configuration's seed, so the same configuration always gives the same world.
 */
public final class WorldBuilder {
  private static final int OUTCOMES = 3;
  private static final double[] EFFECT_SD = {0.30, 0.25, 0.25};
  private static final double EFFECT_HETEROGENEITY_SD = 0.12;
  private static final double TAG_POWER = 0.9;
  private static final double SAME_CATEGORY_TAG_LOGIT = 2.0;
  private static final double MEAN_TAGS = 4.0;
  static final double QUALITY_SD = 0.15;

  private WorldBuilder() {}

  public static World build(SimulationConfig config) {
    return build(config, (b, random) -> buildVideos(b, config, random));
  }

  /**
   * A world on a given catalog: its videos carry the catalog's tags, categories, creators and
   * durations instead of drawn ones; users, effects (including exact zeros), the logging policy
   * and the outcome model are drawn as in {@link #build(SimulationConfig)}. A creator's follower
   * count is a function of how many catalog videos they have, so that creator size is observable
   * from the catalog; the world's category is the catalog category folded onto
   * {@link SimulationConfig#categories()} feeds, so it is observable too.
   *
   * @throws IllegalArgumentException when the catalog does not match the configuration's sizes
   */
  public static World build(SimulationConfig config, Catalog catalog) {
    if (catalog.videos() != config.videos()) {
      throw new IllegalArgumentException("the catalog has " + catalog.videos() + " videos, the configuration "
          + config.videos());
    }
    for (int[] tags : catalog.videoTags()) {
      for (int t : tags) {
        if (t < 0 || t >= config.tags()) {
          throw new IllegalArgumentException("catalog tag " + t + " is outside 0.." + (config.tags() - 1));
        }
      }
    }
    return build(config, (b, random) -> catalogVideos(b, config, catalog, random));
  }

  private interface VideoSource {
    void fill(World.Builder b, SplittableRandom random);
  }

  private static World build(SimulationConfig config, VideoSource videos) {
    World.Builder b = new World.Builder();
    b.config = config;
    b.segments = Segment.all(config.segments());
    int segments = config.segments();
    int categories = config.categories();
    int tags = config.tags();
    SplittableRandom parameters = stream(config.seed(), 1);
    b.segmentTerm = new double[OUTCOMES][segments];
    b.categoryTerm = new double[OUTCOMES][categories];
    for (int o = 0; o < OUTCOMES; o++) {
      for (int s = 0; s < segments; s++) {
        b.segmentTerm[o][s] = (o == 0 ? 0.2 : 0.1) * parameters.nextGaussian();
      }
      for (int k = 0; k < categories; k++) {
        b.categoryTerm[o][k] = 0.6 * parameters.nextGaussian();
      }
    }
    double[][] segmentTaste = new double[segments][categories];
    for (int s = 0; s < segments; s++) {
      for (int k = 0; k < categories; k++) {
        segmentTaste[s][k] = 0.5 * parameters.nextGaussian();
      }
    }
    buildUsers(b, config, segmentTaste, stream(config.seed(), 2));
    buildTags(b, config, stream(config.seed(), 3));
    videos.fill(b, stream(config.seed(), 4));
    buildPolicy(b, config, stream(config.seed(), 5));
    b.videoStatic = new double[OUTCOMES][config.videos()];
    for (int v = 0; v < config.videos(); v++) {
      double zSize = sizeScore(b.creatorFollowers[b.videoCreator[v]]);
      double zDuration = durationScore(b.videoDuration[v]);
      for (int o = 0; o < OUTCOMES; o++) {
        b.videoStatic[o][v] = World.BASE[o] + b.categoryTerm[o][b.videoCategory[v]] + World.SIZE[o] * zSize
            + World.DURATION[o] * zDuration + World.QUALITY[o] * b.videoQuality[v];
      }
    }
    return new World(b);
  }

  private static SplittableRandom stream(long seed, int purpose) {
    return new SplittableRandom(Seeds.mix(seed, -purpose));
  }

  private static void buildUsers(World.Builder b, SimulationConfig config, double[][] segmentTaste,
      SplittableRandom random) {
    int users = config.users();
    int segments = config.segments();
    int categories = config.categories();
    double[] segmentWeight = new double[segments];
    double total = 0;
    for (int s = 0; s < segments; s++) {
      segmentWeight[s] = Math.exp(0.3 * random.nextGaussian());
      total += segmentWeight[s];
    }
    b.userSegment = new int[users];
    b.userActivity = new double[users];
    b.userTaste = new double[users][categories];
    for (int u = 0; u < users; u++) {
      double r = random.nextDouble() * total;
      int s = 0;
      while (s < segments - 1 && r >= segmentWeight[s]) {
        r -= segmentWeight[s];
        s++;
      }
      b.userSegment[u] = s;
      b.userActivity[u] = Math.exp(0.7 * random.nextGaussian());
      for (int k = 0; k < categories; k++) {
        b.userTaste[u][k] = segmentTaste[s][k] + 0.7 * random.nextGaussian();
      }
    }
    AliasTable alias = AliasTable.of(b.userActivity);
    b.userAliasProbability = alias.probability();
    b.userAlias = alias.alias();
  }

  private static void buildTags(World.Builder b, SimulationConfig config, SplittableRandom random) {
    int tags = config.tags();
    int segments = config.segments();
    b.tagCategory = new int[tags];
    for (int c = 0; c < tags; c++) {
      b.tagCategory[c] = c % config.categories();
    }
    b.placeboTag = new boolean[tags];
    int placebo = Math.max(1, (int) Math.round(SimulationConfig.PLACEBO_TAG_SHARE * tags));
    int[] order = new int[tags];
    for (int c = 0; c < tags; c++) {
      order[c] = c;
    }
    for (int i = tags - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
    for (int i = 0; i < placebo; i++) {
      b.placeboTag[order[i]] = true;
    }
    b.tau = new double[OUTCOMES][segments * tags];
    for (int c = 0; c < tags; c++) {
      if (b.placeboTag[c]) {
        continue;
      }
      for (int o = 0; o < OUTCOMES; o++) {
        double mean = EFFECT_SD[o] * random.nextGaussian();
        for (int s = 0; s < segments; s++) {
          double v = mean + EFFECT_HETEROGENEITY_SD * random.nextGaussian();
          if (random.nextDouble() < SimulationConfig.ZERO_CELL_SHARE) {
            v = 0.0;
          }
          b.tau[o][s * tags + c] = v;
        }
      }
    }
    b.activeTags = new int[segments][];
    for (int s = 0; s < segments; s++) {
      List<Integer> active = new ArrayList<>();
      for (int c = 0; c < tags; c++) {
        boolean any = false;
        for (int o = 0; o < OUTCOMES; o++) {
          any |= b.tau[o][s * tags + c] != 0.0;
        }
        if (any) {
          active.add(c);
        }
      }
      b.activeTags[s] = active.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  private static void buildVideos(World.Builder b, SimulationConfig config, SplittableRandom random) {
    int creators = config.creators();
    int categories = config.categories();
    int videos = config.videos();
    int tags = config.tags();
    b.creatorFollowers = new double[creators];
    int[] creatorCategory = new int[creators];
    for (int c = 0; c < creators; c++) {
      double log10 = Math.max(1.0, Math.min(7.5, 3.5 + random.nextGaussian()));
      b.creatorFollowers[c] = Math.rint(Math.pow(10, log10));
      creatorCategory[c] = random.nextInt(categories);
    }
    double[] sizeAffinity = new double[tags];
    for (int c = 0; c < tags; c++) {
      sizeAffinity[c] = 0.5 * random.nextGaussian();
    }
    b.videoCreator = new int[videos];
    b.videoCategory = new int[videos];
    b.videoDuration = new double[videos];
    b.videoQuality = new double[videos];
    b.videoTags = new int[videos][];
    b.videoTagMask = new long[videos][(tags + 63) / 64];
    double[] baseLogit = tagBaseLogits(b.tagCategory, categories);
    for (int v = 0; v < videos; v++) {
      int creator = random.nextInt(creators);
      int category = random.nextDouble() < 0.7 ? creatorCategory[creator] : random.nextInt(categories);
      b.videoCreator[v] = creator;
      b.videoCategory[v] = category;
      double logDuration = Math.log(30) + 0.3 * (category % 3 - 1) + 0.5 * random.nextGaussian();
      b.videoDuration[v] = Math.rint(Math.max(5, Math.min(600, Math.exp(logDuration))));
      b.videoQuality[v] = QUALITY_SD * random.nextGaussian();
      double zSize = sizeScore(b.creatorFollowers[creator]);
      // Each tag is drawn independently given the video's category and creator: a logistic in
      // (power-law popularity, same-category boost, the tag's affinity for big creators).
      int[] chosen = new int[tags];
      int count = 0;
      for (int c = 0; c < tags; c++) {
        double logit = baseLogit[c] + (b.tagCategory[c] == category ? SAME_CATEGORY_TAG_LOGIT : 0.0)
            + sizeAffinity[c] * zSize;
        if (random.nextDouble() < io.tagcf.models.causal.regression.Sigmoid.of(logit)) {
          chosen[count++] = c;
        }
      }
      chosen = java.util.Arrays.copyOf(chosen, count);
      b.videoTags[v] = chosen;
      for (int c : chosen) {
        b.videoTagMask[v][c >>> 6] |= 1L << (c & 63);
      }
    }
  }

  private static void catalogVideos(World.Builder b, SimulationConfig config, Catalog catalog,
      SplittableRandom random) {
    int videos = config.videos();
    int tags = config.tags();
    int creators = 0;
    for (int c : catalog.videoCreator()) {
      creators = Math.max(creators, c + 1);
    }
    int[] perCreator = new int[creators];
    for (int c : catalog.videoCreator()) {
      perCreator[c]++;
    }
    b.creatorFollowers = new double[creators];
    for (int c = 0; c < creators; c++) {
      b.creatorFollowers[c] = Math.rint(Math.pow(10, Catalog.log10Followers(perCreator[c])));
    }
    b.videoCreator = catalog.videoCreator().clone();
    b.videoCategory = new int[videos];
    b.videoDuration = new double[videos];
    b.videoQuality = new double[videos];
    b.videoTags = new int[videos][];
    b.videoTagMask = new long[videos][(tags + 63) / 64];
    for (int v = 0; v < videos; v++) {
      b.videoCategory[v] = Math.floorMod(catalog.videoCategory()[v], config.categories());
      double seconds = catalog.durationSeconds()[v];
      b.videoDuration[v] = seconds > 0 && Double.isFinite(seconds) ? seconds : 30;
      b.videoQuality[v] = QUALITY_SD * random.nextGaussian();
      b.videoTags[v] = java.util.Arrays.stream(catalog.videoTags()[v]).distinct().sorted().toArray();
      for (int c : b.videoTags[v]) {
        b.videoTagMask[v][c >>> 6] |= 1L << (c & 63);
      }
    }
  }

  /**
   * Base log-odds of each tag: popularity proportional to (rank + 1)^-0.9, scaled so a typical
   * video (median creator) carries 4 tags on average.
   */
  static double[] tagBaseLogits(int[] tagCategory, int categories) {
    int tags = tagCategory.length;
    double lo = 1e-3;
    double hi = 50;
    double[] logits = new double[tags];
    for (int iteration = 0; iteration < 100; iteration++) {
      double scale = Math.sqrt(lo * hi);
      double expected = 0;
      for (int c = 0; c < tags; c++) {
        double p = Math.min(0.9, scale * Math.pow(c + 1, -TAG_POWER));
        logits[c] = Math.log(p / (1 - p));
      }
      for (int k = 0; k < categories; k++) {
        for (int c = 0; c < tags; c++) {
          expected += io.tagcf.models.causal.regression.Sigmoid.of(
              logits[c] + (tagCategory[c] == k ? SAME_CATEGORY_TAG_LOGIT : 0.0));
        }
      }
      expected /= categories;
      if (expected > MEAN_TAGS) {
        hi = scale;
      } else {
        lo = scale;
      }
    }
    return logits;
  }

  /** Creator size on a standard scale: log10 followers centred at 3.5. */
  static double sizeScore(double followers) {
    return Math.log10(followers) - 3.5;
  }

  static double durationScore(double seconds) {
    return (Math.log(seconds) - Math.log(30)) / 0.5;
  }

  private static void buildPolicy(World.Builder b, SimulationConfig config, SplittableRandom random) {
    int segments = config.segments();
    int categories = config.categories();
    int tags = config.tags();
    int videos = config.videos();
    // The recommender partly learned which tags work for which segment, plus noise.
    double[] boost = new double[segments * tags];
    for (int s = 0; s < segments; s++) {
      for (int c = 0; c < tags; c++) {
        boost[s * tags + c] = 0.8 * b.tau[0][s * tags + c] + 0.3 * random.nextGaussian();
      }
    }
    List<List<Integer>> byCategory = new ArrayList<>();
    for (int k = 0; k < categories; k++) {
      byCategory.add(new ArrayList<>());
    }
    for (int v = 0; v < videos; v++) {
      byCategory.get(b.videoCategory[v]).add(v);
    }
    b.categoryVideos = new int[categories][];
    for (int k = 0; k < categories; k++) {
      b.categoryVideos[k] = byCategory.get(k).stream().mapToInt(Integer::intValue).toArray();
    }
    b.policyCumulative = new double[segments][categories][];
    for (int s = 0; s < segments; s++) {
      for (int k = 0; k < categories; k++) {
        int[] list = b.categoryVideos[k];
        double[] cumulative = new double[list.length];
        double total = 0;
        for (int i = 0; i < list.length; i++) {
          int v = list[i];
          double score = 0.8 * sizeScore(b.creatorFollowers[b.videoCreator[v]]);
          for (int c : b.videoTags[v]) {
            score += boost[s * tags + c];
          }
          total += Math.exp(score);
          cumulative[i] = total;
        }
        b.policyCumulative[s][k] = cumulative;
      }
    }
  }
}
