package io.tagcf.models.simulation;

import java.util.ArrayDeque;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

/**
 * Streams exposures from a {@link World} through the logging policy, in fixed-size blocks that are
 * generated in parallel but delivered in order, so output and truth are identical whatever the
 * thread count and memory stays constant however many exposures are asked for.
 *
 * <p>Logging policy, per exposure: draw a user in proportion to activity; the user opens a
 * category feed with probability proportional to exp(taste_u[k]) (who sees what depends on
 * taste); inside the feed the recommender picks a video with probability proportional to
 * exp(0.8 z_size + sum of the segment's tag boosts) (depends on creator size and tags), except in
 * the 5% exploration slice, flagged per exposure, where the video is uniform within the feed.
 *
 * <p>Why adjustment works on the video-level design: the users who see a video are drawn by
 * taste for its category and by segment only, never by its tags, creator or exploration status.
 * So, within a segment and given the video's category, creator size, duration and other tags,
 * carrying tag t is unrelated to who watched and to the latent quality: every confounder of a
 * tag is observable. The naive contrast is still biased, because tags cluster in categories
 * (which users with a taste for them open and engage with more) and in big or small creators.
 *
 * <p>Truth: for every exposure, and every tag with a non-zero effect in the user's segment, the
 * funnel probabilities are recomputed with the tag switched on and off; the differences, summed
 * per (tag, segment, outcome) over all exposures (ATE) and over exposures whose video carries the
 * tag (ATT), are the true effects on the probability scale.
 */
public final class ExposureSimulator {
  public static final int BLOCK = 1 << 16;
  private static final int OUTCOMES = 3;
  private final World world;

  public ExposureSimulator(World world) {
    this.world = world;
  }

  /**
   * Generates all configured exposures and hands them to {@code sink} in order.
   *
   * @param threads worker threads (1 runs inline)
   * @param progress called with the number of exposures delivered so far; may be null
   */
  public void run(ExposureSink sink, int threads, LongConsumer progress) {
    long total = world.config.exposures();
    long blocks = (total + BLOCK - 1) / BLOCK;
    if (threads <= 1) {
      for (long b = 0; b < blocks; b++) {
        ExposureBlock block = generate(b);
        sink.accept(block);
        if (progress != null) {
          progress.accept(block.firstId + block.size);
        }
      }
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "exposure-simulator");
      t.setDaemon(true);
      return t;
    });
    try {
      ArrayDeque<Future<ExposureBlock>> window = new ArrayDeque<>();
      long next = 0;
      int inFlight = threads * 2;
      while (next < blocks || !window.isEmpty()) {
        while (next < blocks && window.size() < inFlight) {
          long b = next++;
          window.add(pool.submit(() -> generate(b)));
        }
        ExposureBlock block = window.poll().get();
        sink.accept(block);
        if (progress != null) {
          progress.accept(block.firstId + block.size);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("simulation interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("simulation failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Block b is a pure function of (world, b): its random stream is seeded by the block index. */
  ExposureBlock generate(long b) {
    SimulationConfig config = world.config;
    long first = b * BLOCK;
    int size = (int) Math.min(BLOCK, config.exposures() - first);
    int tags = config.tags();
    int segments = config.segments();
    int categories = config.categories();
    ExposureBlock block = new ExposureBlock(first, size, OUTCOMES, segments * tags, segments);
    SplittableRandom random = new SplittableRandom(Seeds.mix(config.seed(), b));
    double[] eta = new double[OUTCOMES];
    double[] base = new double[OUTCOMES];
    double[] toggled = new double[OUTCOMES];
    double[] negExp = new double[OUTCOMES];
    int cells = segments * tags;
    double[][] tau = world.tau;
    for (int i = 0; i < size; i++) {
      int u = AliasTable.draw(world.userAliasProbability, world.userAlias, random);
      int s = world.userSegment[u];
      double[] taste = world.userTaste[u];
      float[] categoryCumulative = world.userCategoryCumulative[u];
      float r = (float) (random.nextDouble() * categoryCumulative[categories - 1]);
      int k = 0;
      // Skip empty feeds (zero width) and stop at the first bucket above r.
      while (k < categories - 1 && (r >= categoryCumulative[k] || world.categoryVideos[k].length == 0)) {
        k++;
      }
      while (world.categoryVideos[k].length == 0) {
        k--;
      }
      boolean explore = random.nextDouble() < SimulationConfig.EXPLORATION_SHARE;
      int[] feed = world.categoryVideos[k];
      int v;
      if (explore) {
        v = feed[random.nextInt(feed.length)];
      } else {
        v = feed[AliasTable.draw(world.policyProbability[s][k], world.policyAlias[s][k], random)];
      }
      int cell = s * tags;
      for (int o = 0; o < OUTCOMES; o++) {
        double e = world.videoStatic[o][v] + world.segmentTerm[o][s] + World.TASTE[o] * taste[k];
        for (int c : world.videoTags[v]) {
          e += tau[o][cell + c];
        }
        eta[o] = e;
      }
      // exp(-eta) once per exposure; toggling tag c multiplies it by exp(-+tau), precomputed per
      // (segment, tag), so the truth for every tag costs no further exp().
      for (int o = 0; o < OUTCOMES; o++) {
        negExp[o] = Math.exp(-eta[o]);
      }
      funnel(negExp[0], negExp[1], negExp[2], base);
      // Draw the funnel stage by stage: completion given click, like given completion.
      double u1 = random.nextDouble();
      double u2 = random.nextDouble();
      double u3 = random.nextDouble();
      boolean clicked = u1 < base[0];
      boolean completed = clicked && u2 < base[1] / base[0];
      boolean liked = completed && u3 < base[2] / base[1];
      block.user[i] = u;
      block.video[i] = v;
      block.explore[i] = explore;
      block.clicked[i] = clicked;
      block.completed[i] = completed;
      block.liked[i] = liked;
      block.segmentCount[s]++;
      double[] up = world.tauExpNeg;
      double[] down = world.tauExpPos;
      for (int c : world.activeTags[s]) {
        boolean has = world.hasTag(v, c);
        int index = cell + c;
        double[] factor = has ? down : up;
        funnel(negExp[0] * factor[index], negExp[1] * factor[cells + index], negExp[2] * factor[2 * cells + index],
            toggled);
        for (int o = 0; o < OUTCOMES; o++) {
          double diff = has ? base[o] - toggled[o] : toggled[o] - base[o];
          block.effectSum[o][index] += diff;
          if (has) {
            block.treatedEffectSum[o][index] += diff;
          }
        }
      }
      for (int c : world.videoTags[v]) {
        block.treatedCount[cell + c]++;
      }
    }
    return block;
  }

  /** Funnel probabilities from exp(-eta) of each stage: sigmoid(eta) = 1 / (1 + exp(-eta)). */
  private static void funnel(double e0, double e1, double e2, double[] out) {
    double click = 1.0 / (1.0 + e0);
    double complete = click / (1.0 + e1);
    out[0] = click;
    out[1] = complete;
    out[2] = complete / (1.0 + e2);
  }

}
