package io.tagcf.models.ranking.evaluation;

import io.tagcf.models.ranking.ItemTags;
import io.tagcf.models.ranking.UserTagProfile;
import io.tagcf.models.ranking.evaluation.RankingReport.Blend;
import io.tagcf.models.ranking.evaluation.RankingReport.Candidate;
import io.tagcf.models.ranking.evaluation.RankingReport.Metrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * The offline protocol of the TagCF ranking scores: ŷ = ŷ_base + β0 · ŷ_tag0 + β1 · ŷ_tag1 against
 * ŷ_base alone, leave-one-out, full ranking over all items with each user's training items
 * excluded.
 *
 * <ol>
 *   <li>Validation round (training = everything before each user's validation event): every base
 *       candidate is fitted and the best by NDCG@10 kept; profiles (interest, roles, logic graph,
 *       expansion) are built; β0, β1 are chosen on the grid, once with β1 = 0 ("util", the paper's
 *       variant without exploration) and once free ("expl").
 *   <li>Test round (training = everything before each user's test event): the chosen base and the
 *       profiles are fitted again, and the base, util and expl rankings scored on the test events.
 * </ol>
 *
 * Every stage reads its data through a {@link LeakGuard}; nothing in the test round is tuned. The
 * base score is divided by its maximum over the user's candidates, so β reads on one scale across
 * recommenders and users. A user whose held-out item is already in their training history cannot
 * be ranked (training items are excluded) and is left out of both arms; the report counts them.
 */
public final class RankingEvaluation {

  private final Split split;
  private final List<Map<Long, Double>> itemScores;
  private final List<Map<Long, Double>> audienceScores;
  private final ItemTagMatrix matrix;
  private final EvaluationSettings settings;
  private final Consumer<String> progress;
  private final LeakGuard guard;

  public RankingEvaluation(Split split, List<Map<Long, Double>> itemScores, List<Map<Long, Double>> audienceScores,
      EvaluationSettings settings, Consumer<String> progress) {
    if (itemScores.size() != split.data().itemCount() || audienceScores.size() != split.data().itemCount()) {
      throw new IllegalArgumentException("one tag list per item is required");
    }
    this.split = split;
    this.itemScores = List.copyOf(itemScores);
    this.audienceScores = List.copyOf(audienceScores);
    List<ItemTags> tags = new ArrayList<>(itemScores.size());
    for (int i = 0; i < itemScores.size(); i++) {
      tags.add(ItemTags.fromScores(itemScores.get(i), audienceScores.get(i)));
    }
    this.matrix = new ItemTagMatrix(tags);
    this.settings = settings;
    this.progress = progress;
    this.guard = new LeakGuard(split);
  }

  public RankingReport run() {
    return run(split.validation(), split.test());
  }

  /** The protocol on given rounds; {@link #run()} passes the split's own. Rounds that hold held-out events fail. */
  public RankingReport run(Phase validation, Phase test) {
    return test(test, tune(validation));
  }

  /** What the validation round chose. */
  private record Tuned(List<Candidate> candidates, BaseRecommender base, Blend util, Blend expl, int tunedOn) {}

  /** The validation round: the base, then β0, β1 and the half-life, each on validation NDCG@10. */
  private Tuned tune(Phase validation) {
    int n = split.data().itemCount();
    List<UserHistory> vTraining = guard.training("base recommender", validation);
    int[] vTargets = guard.targets("base selection", validation);
    int[] tuneUsers = sample(rankable(vTraining, vTargets));
    List<Candidate> candidates = new ArrayList<>();
    BaseRecommender chosen = null;
    double bestBase = -1;
    for (BaseRecommender base : settings.bases()) {
      long t0 = System.nanoTime();
      BaseRecommender.Fitted fitted = base.fit(vTraining, n);
      double[][] ndcg = grid(tuneUsers, vTraining, vTargets, fitted, null, new double[] {0}, new double[] {0});
      double mean = mean(column(ndcg, 0));
      candidates.add(new Candidate(base.describe(), mean));
      progress.accept(String.format(java.util.Locale.ROOT, "validation: %s NDCG@10 %.4f (%.1f s)", base.describe(), mean,
          (System.nanoTime() - t0) / 1e9));
      if (mean > bestBase) {
        bestBase = mean;
        chosen = base;
      }
    }
    BaseRecommender.Fitted vBase = chosen.fit(vTraining, n);
    List<UserHistory> vProfileTraining = guard.training("profiles (tag interest, roles, logic graph)", validation);
    int[] tuneTargets = guard.targets("β tuning", validation);
    double[] b0 = settings.beta0();
    double[] b1 = settings.beta1();
    Blend util = null;
    Blend expl = null;
    for (double halfLife : settings.halfLives()) {
      TrainingProfiles.Built vProfiles = TrainingProfiles.build(vProfileTraining, itemScores, audienceScores,
          settings.profile().withHalfLife(halfLife));
      progress.accept("validation, half-life " + halfLife + ": logic graph " + vProfiles.u2iEdges() + " U2I / "
          + vProfiles.i2uEdges() + " I2U edges");
      double[][] perUser = grid(tuneUsers, vTraining, tuneTargets, vBase, vProfiles.profiles(), b0, b1);
      for (int a = 0; a < b0.length; a++) {
        StringBuilder row = new StringBuilder(String.format(java.util.Locale.ROOT, "validation grid β0=%-5s", b0[a]));
        for (int b = 0; b < b1.length; b++) {
          double m = mean(column(perUser, a * b1.length + b));
          row.append(String.format(java.util.Locale.ROOT, " %.4f", m));
          // Strictly better only: on ties the earlier (smaller β, shorter half-life) setting stays.
          if (b == 0 && (util == null || m > util.validationNdcg() + 1e-12)) {
            util = new Blend(b0[a], 0, halfLife, m);
          }
          if (expl == null || m > expl.validationNdcg() + 1e-12) {
            expl = new Blend(b0[a], b1[b], halfLife, m);
          }
        }
        progress.accept(row.toString());
      }
    }
    progress.accept(String.format(java.util.Locale.ROOT, "validation: base %.4f, util β0=%s (half-life %s) %.4f,"
            + " expl β0=%s β1=%s (half-life %s) %.4f", bestBase, util.beta0(), util.halfLife(), util.validationNdcg(),
        expl.beta0(), expl.beta1(), expl.halfLife(), expl.validationNdcg()));
    return new Tuned(candidates, chosen, util, expl, tuneUsers.length);
  }

  /** The test round: the chosen base and profiles refitted on everything before the test events; nothing tuned. */
  private RankingReport test(Phase test, Tuned tuned) {
    int n = split.data().itemCount();
    Blend util = tuned.util();
    Blend expl = tuned.expl();
    BaseRecommender chosen = tuned.base();
    List<UserHistory> tTraining = guard.training("base recommender", test);
    int[] tTargets = guard.targets("scoring", test);
    BaseRecommender.Fitted tBase = chosen.fit(tTraining, n);
    List<UserHistory> tProfileTraining = guard.training("profiles (tag interest, roles, logic graph)", test);
    Map<Double, TrainingProfiles.Built> byHalfLife = new java.util.TreeMap<>();
    for (double h : new double[] {util.halfLife(), expl.halfLife()}) {
      byHalfLife.computeIfAbsent(h, x -> TrainingProfiles.build(tProfileTraining, itemScores, audienceScores,
          settings.profile().withHalfLife(x)));
    }
    List<UserTagProfile> utilProfiles = byHalfLife.get(util.halfLife()).profiles();
    boolean separateExpl = expl.halfLife() != util.halfLife();
    TrainingProfiles.Built tProfiles = byHalfLife.get(expl.halfLife());
    int[] testUsers = rankable(tTraining, tTargets);
    // base, util, expl; and, as a diagnostic of what the tags alone know, ŷ_tag0 with no base at all
    double[] betas0 = {0, util.beta0(), expl.beta0(), 1};
    double[] betas1 = {0, 0, expl.beta1(), 0};
    int arms = betas0.length;
    int[][] ranks = new int[testUsers.length][];
    int[][][] tops = new int[testUsers.length][][];
    forEach(testUsers.length, k -> {
      Workspace w = Workspace.local(matrix);
      int u = testUsers[k];
      ranks[k] = new int[arms];
      tops[k] = new int[arms][];
      // base and util read the util half-life's profiles (the base ignores them), expl its own
      for (int c = 0; c < arms; c++) {
        if (c == 0 || (c == 2 && separateExpl) || (c == 3 && separateExpl)) {
          w.clear(tTraining.get(u));
          w.prepare(tTraining.get(u), tBase, (c == 2 ? tProfiles.profiles() : utilProfiles).get(u), matrix);
        }
        float[] base = c == 3 ? w.none : w.base;
        ranks[k][c] = RankMetrics.rank(tTargets[u], base, w.tag0, w.tag1, w.excluded, betas0[c], betas1[c]);
        tops[k][c] = RankMetrics.top(base, w.tag0, w.tag1, w.excluded, betas0[c], betas1[c]);
      }
      w.clear(tTraining.get(u));
    });
    Metrics[] metrics = new Metrics[arms];
    double[][] ndcg = new double[arms][testUsers.length];
    double[][] recall = new double[arms][testUsers.length];
    for (int c = 0; c < arms; c++) {
      BitSet shown = new BitSet(n);
      for (int k = 0; k < testUsers.length; k++) {
        ndcg[c][k] = RankMetrics.ndcg(ranks[k][c]);
        recall[c][k] = RankMetrics.recall(ranks[k][c]);
        for (int item : tops[k][c]) {
          shown.set(item);
        }
      }
      metrics[c] = new Metrics(mean(ndcg[c]), mean(recall[c]), shown.cardinality() / (double) n);
    }
    long withInterest = tProfiles.profiles().stream().filter(p -> !p.interest().isEmpty()).count();
    long withExpansion = tProfiles.profiles().stream().filter(p -> !p.expanded().isEmpty()).count();
    int evaluated = split.evaluatedUsers();
    return new RankingReport(split.data().name(), split.data().users().size(), n, split.data().interactionCount(),
        tuned.candidates(), chosen.describe(), util, expl, tuned.tunedOn(), testUsers.length, evaluated - testUsers.length,
        tProfiles.u2iEdges(), tProfiles.i2uEdges(), withInterest / (double) tProfiles.profiles().size(),
        withExpansion / (double) tProfiles.profiles().size(), metrics[0], metrics[1], metrics[2], metrics[3],
        LiftInterval.of(ndcg[0], ndcg[1], settings.resamples(), settings.seed()),
        LiftInterval.of(ndcg[0], ndcg[2], settings.resamples(), settings.seed()),
        LiftInterval.of(recall[0], recall[2], settings.resamples(), settings.seed()));
  }

  /** NDCG@10 per user (rows) and grid point (columns, β0-major). */
  private double[][] grid(int[] users, List<UserHistory> training, int[] targets, BaseRecommender.Fitted base,
      List<UserTagProfile> profiles, double[] b0, double[] b1) {
    double[][] out = new double[users.length][b0.length * b1.length];
    forEach(users.length, k -> {
      Workspace w = Workspace.local(matrix);
      int u = users[k];
      w.prepare(training.get(u), base, profiles == null ? UserTagProfile.EMPTY : profiles.get(u), matrix);
      for (int a = 0; a < b0.length; a++) {
        for (int b = 0; b < b1.length; b++) {
          out[k][a * b1.length + b] = RankMetrics.ndcg(RankMetrics.rank(targets[u], w.base, w.tag0, w.tag1, w.excluded, b0[a], b1[b]));
        }
      }
      w.clear(training.get(u));
    });
    return out;
  }

  /** Users with a target that is not already in their training history. */
  private static int[] rankable(List<UserHistory> training, int[] targets) {
    return IntStream.range(0, targets.length)
        .filter(u -> targets[u] >= 0 && Arrays.stream(training.get(u).items()).noneMatch(i -> i == targets[u]))
        .toArray();
  }

  private int[] sample(int[] users) {
    if (users.length <= settings.tuneUsers()) {
      return users;
    }
    int[] copy = users.clone();
    SplittableRandom random = new SplittableRandom(settings.seed());
    for (int i = 0; i < settings.tuneUsers(); i++) {
      int j = i + random.nextInt(copy.length - i);
      int t = copy[i];
      copy[i] = copy[j];
      copy[j] = t;
    }
    int[] out = Arrays.copyOf(copy, settings.tuneUsers());
    Arrays.sort(out);
    return out;
  }

  private void forEach(int count, IntConsumer work) {
    ForkJoinPool pool = new ForkJoinPool(settings.threads());
    try {
      pool.submit(() -> IntStream.range(0, count).parallel().forEach(work)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdown();
    }
  }

  private static double[] column(double[][] m, int c) {
    double[] out = new double[m.length];
    for (int r = 0; r < m.length; r++) {
      out[r] = m[r][c];
    }
    return out;
  }

  private static double mean(double[] x) {
    return x.length == 0 ? 0 : Arrays.stream(x).sum() / x.length;
  }

  /** One thread's score arrays, reused across users. */
  private static final class Workspace {
    private static final ThreadLocal<Workspace> LOCAL = new ThreadLocal<>();
    final float[] base;
    /** All zero: the base of the tags-alone diagnostic. */
    final float[] none;
    final float[] tag0;
    final float[] tag1;
    final boolean[] excluded;
    final double[] buffer;
    final ItemTagMatrix owner;

    private Workspace(ItemTagMatrix m) {
      int n = m.itemCount();
      base = new float[n];
      none = new float[n];
      tag0 = new float[n];
      tag1 = new float[n];
      excluded = new boolean[n];
      buffer = m.newTagBuffer();
      owner = m;
    }

    static Workspace local(ItemTagMatrix m) {
      Workspace w = LOCAL.get();
      if (w == null || w.owner != m) {
        w = new Workspace(m);
        LOCAL.set(w);
      }
      return w;
    }

    void prepare(UserHistory history, BaseRecommender.Fitted fitted, UserTagProfile profile, ItemTagMatrix m) {
      Arrays.fill(base, 0f);
      fitted.score(history, base);
      for (int i : history.items()) {
        excluded[i] = true;
      }
      float max = Float.NEGATIVE_INFINITY;
      for (int j = 0; j < base.length; j++) {
        if (!excluded[j] && base[j] > max) {
          max = base[j];
        }
      }
      if (max > 0) {
        for (int j = 0; j < base.length; j++) {
          base[j] /= max;
        }
      }
      m.score(profile, buffer, tag0, tag1);
    }

    void clear(UserHistory history) {
      for (int i : history.items()) {
        excluded[i] = false;
      }
    }
  }
}
