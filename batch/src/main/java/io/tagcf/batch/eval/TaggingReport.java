package io.tagcf.batch.eval;

import io.tagcf.models.evaluation.KindScores;
import io.tagcf.models.evaluation.TaggingEvaluation;
import io.tagcf.models.tags.TagKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The figures of {@code tagcf eval-tagging}: {@link TaggingEvaluation} per tag kind and k, each
 * with a 95% percentile-bootstrap interval over gold videos (videos resampled with replacement,
 * F1 recomputed from each resample's mean precision and recall), because a tagging score on a
 * few hundred videos moves by points from one sample to the next. The seed is fixed, so the same
 * files always give the same report.
 */
final class TaggingReport {

  static final int RESAMPLES = 2_000;
  private static final long SEED = 20_251_128L;

  private TaggingReport() {}

  static List<EvalRow> evaluate(TagLabelsFile gold, TagLabelsFile pred, List<Integer> ks) {
    List<EvalRow> rows = new ArrayList<>();
    for (TagKind kind : TagKind.values()) {
      for (int k : ks) {
        rows.add(row(kind, k, gold.of(kind), pred.of(kind)));
      }
    }
    return rows;
  }

  private static EvalRow row(TagKind kind, int k, Map<String, List<String>> gold, Map<String, List<String>> pred) {
    KindScores all = TaggingEvaluation.atK(gold, pred, k);
    // Per-video scores from the same code path, so the interval is around exactly the figure shown.
    double[] p = new double[gold.size()];
    double[] r = new double[gold.size()];
    int n = 0;
    for (Map.Entry<String, List<String>> e : gold.entrySet()) {
      KindScores one = TaggingEvaluation.atK(Map.of(e.getKey(), e.getValue()), pred, k);
      if (one.videos() == 1) {
        p[n] = one.precision();
        r[n] = one.recall();
        n++;
      }
    }
    if (n == 0) {
      return new EvalRow(kind, k, 0, new Estimate(0, 0, 0), new Estimate(0, 0, 0), new Estimate(0, 0, 0));
    }
    double[] bp = new double[RESAMPLES];
    double[] br = new double[RESAMPLES];
    double[] bf = new double[RESAMPLES];
    SplittableRandom random = new SplittableRandom(SEED + 31L * k + kind.ordinal());
    for (int b = 0; b < RESAMPLES; b++) {
      double sp = 0;
      double sr = 0;
      for (int i = 0; i < n; i++) {
        int j = random.nextInt(n);
        sp += p[j];
        sr += r[j];
      }
      bp[b] = sp / n;
      br[b] = sr / n;
      bf[b] = f1(bp[b], br[b]);
    }
    return new EvalRow(kind, k, n, interval(all.precision(), bp), interval(all.recall(), br), interval(all.f1(), bf));
  }

  private static double f1(double p, double r) {
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }

  private static Estimate interval(double value, double[] resampled) {
    double[] s = resampled.clone();
    Arrays.sort(s);
    return new Estimate(value, s[(int) Math.floor(0.025 * (s.length - 1))], s[(int) Math.ceil(0.975 * (s.length - 1))]);
  }
}
