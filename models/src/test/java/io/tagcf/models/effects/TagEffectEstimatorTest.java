package io.tagcf.models.effects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tagcf.models.causal.regression.DenseAlgebra;
import io.tagcf.models.causal.regression.Sigmoid;
import io.tagcf.models.causal.sensitivity.EValue;
import io.tagcf.models.interactions.Outcome;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The estimator's branches on small designs with known answers: the reasons a cell is held back;
 * AIPW against the truth when the tag is randomised, confounded, and when only the propensity is
 * right; the placebo refuter (centred, calibrated, the size of a real random tag's estimate, not
 * passed when it could not be formed); the exploration instrument recomputed from the counts; the
 * per-video attributions against the delta method of the full model; the robust flag; determinism.
 *
 * <p>Each mutation of the estimator tried while writing these (no segment recalibration of the
 * propensity, the sign of AIPW's control correction, m0 of tagged videos, the placebo's control
 * divisor, the covariance term of the instrument's SE, the shared-feature term of an
 * attribution's SE, the placebo in the robust flag, the propensity weights in the effective sample
 * size, no co-occurring tags in the propensity, the attribution exposure bound) fails at least one.
 */
class TagEffectEstimatorTest {
  private static final int[] NONE = new int[Outcome.values().length];

  private static EffectSettings settings(long seed) {
    return EffectSettings.defaults(seed);
  }

  private static CellEstimate cell(TagEffects effects, String segment, Outcome outcome) {
    return effects.cells().stream().filter(c -> c.segment().equals(segment) && c.outcome() == outcome).findFirst()
        .orElseThrow();
  }

  /**
   * 60 videos in two segments; the tag (id 10) on the videos {@code v < treated}. In "young" a
   * tagged video has {@code youngTreatedExposures} exposures, in "old" 40; an untagged one 20 in
   * each; videos 50 to 59 are seen in "old" only. Rates near 0.3 with no effect.
   */
  private static VideoDesign handBuilt(int treated, int youngTreatedExposures) {
    SplittableRandom random = new SplittableRandom(treated * 31L + youngTreatedExposures);
    VideoDesign.Builder b = VideoDesign.builder(EffectWorld.SEGMENTS, new long[] {10, 11}, List.of("x"));
    for (int v = 0; v < 60; v++) {
      boolean tagged = v < treated;
      b.video("v" + v, tagged ? new long[] {10} : new long[] {11}, null, new double[] {random.nextGaussian()});
      for (String segment : EffectWorld.SEGMENTS) {
        if (segment.equals("young") && v >= 50) {
          continue;
        }
        int exposures = tagged ? (segment.equals("young") ? youngTreatedExposures : 40) : 20;
        int[] successes = new int[NONE.length];
        for (int o = 0; o < successes.length; o++) {
          for (int e = 0; e < exposures; e++) {
            successes[o] += random.nextDouble() < 0.3 ? 1 : 0;
          }
        }
        b.cell("v" + v, segment, exposures, successes, 0, NONE);
      }
    }
    return b.build();
  }

  private static void assertInsufficient(CellEstimate c, String reason, int videos, int treated, long exposures,
      long treatedExposures) {
    assertThat(c.status()).isEqualTo(CellStatus.INSUFFICIENT);
    assertThat(c.reason()).isEqualTo(reason);
    assertThat(c.videos()).isEqualTo(videos);
    assertThat(c.treatedVideos()).isEqualTo(treated);
    assertThat(c.controlVideos()).isEqualTo(videos - treated);
    assertThat(c.exposures()).isEqualTo(exposures);
    assertThat(c.treatedExposures()).isEqualTo(treatedExposures);
    assertThat(c.aipw()).isNull();
    assertThat(c.naive()).isNull();
    assertThat(c.ipw()).isNull();
    assertThat(c.iv()).isNull();
    assertThat(c.overlap()).isNull();
    assertThat(c.placebo()).isNull();
    assertThat(c.controlMean()).isNull();
    assertThat(c.sensitivity()).isNull();
    assertThat(c.robust()).isFalse();
  }

  @Test
  void tooFewTaggedVideosHoldsEveryCellBack() {
    TagEffects effects = new TagEffectEstimator(handBuilt(10, 40), settings(1)).estimate(0);
    assertThat(effects.tagId()).isEqualTo(10);
    assertThat(effects.cells()).hasSize(3 * Outcome.values().length);
    for (Outcome o : Outcome.values()) {
      String reason = "too few videos carry the tag in this segment (10 < 20)";
      assertInsufficient(cell(effects, "young", o), reason, 50, 10, 10 * 40 + 40 * 20, 400);
      assertInsufficient(cell(effects, "old", o), reason, 60, 10, 10 * 40 + 50 * 20, 400);
      assertInsufficient(cell(effects, VideoDesign.ALL_SEGMENTS, o), reason, 60, 10, 800 + 40 * 40 + 10 * 20, 800);
    }
    assertThat(effects.attributions()).isEmpty();
  }

  @Test
  void tooFewUntaggedVideosHoldsTheCellBack() {
    // 45 tagged: "young" (videos 0-49) has 5 without the tag, "old" and "all" 15.
    TagEffects effects = new TagEffectEstimator(handBuilt(45, 40), settings(1)).estimate(0);
    for (Outcome o : Outcome.values()) {
      assertInsufficient(cell(effects, "young", o), "too few videos without the tag in this segment (5 < 20)", 50, 45,
          45 * 40 + 5 * 20, 1800);
      assertInsufficient(cell(effects, "old", o), "too few videos without the tag in this segment (15 < 20)", 60, 45,
          45 * 40 + 15 * 20, 1800);
    }
    assertThat(effects.attributions()).isEmpty();
    // The other tag (on the 15 videos without tag 10) has too few videos itself.
    assertThat(new TagEffectEstimator(handBuilt(45, 40), settings(1)).estimate(1).cells())
        .allSatisfy(c -> assertThat(c.reason()).startsWith("too few videos carry the tag"));
  }

  @Test
  void tooFewTaggedExposuresHoldsOnlyThatSegmentBack() {
    TagEffects effects = new TagEffectEstimator(handBuilt(25, 2), settings(1)).estimate(0);
    for (Outcome o : Outcome.values()) {
      assertInsufficient(cell(effects, "young", o), "too few exposures of videos with the tag (50 < 200)", 50, 25,
          50 + 25 * 20, 50);
      CellEstimate old = cell(effects, "old", o);
      assertThat(old.status()).isEqualTo(CellStatus.ESTIMATED);
      assertThat(old.reason()).isNull();
      assertThat(old.treatedExposures()).isEqualTo(25 * 40);
      assertThat(old.exposures()).isEqualTo(25 * 40 + 35 * 20);
      assertThat(old.aipw()).isNotNull();
      assertThat(cell(effects, VideoDesign.ALL_SEGMENTS, o).status()).isEqualTo(CellStatus.ESTIMATED);
    }
    // Attributions: the 25 tagged videos in "old" (40 exposures) and "all" (42), none in "young".
    assertThat(effects.attributions()).hasSize(2 * 25 * Outcome.values().length);
    assertThat(effects.attributions()).noneMatch(a -> a.segment().equals("young"));
  }

  @Test
  void aSegmentNobodyWatchedIsInsufficientAndADesignWithoutCovariatesWorks() {
    // No numeric covariate, no category, one tag on half the videos; "old" has no exposure at all.
    SplittableRandom random = new SplittableRandom(2);
    VideoDesign.Builder b = VideoDesign.builder(EffectWorld.SEGMENTS, new long[] {10}, List.of());
    for (int v = 0; v < 400; v++) {
      boolean tagged = v % 2 == 0;
      b.video("v" + v, tagged ? new long[] {10} : new long[0], null, new double[0]);
      int[] successes = new int[NONE.length];
      for (int o = 0; o < successes.length; o++) {
        for (int e = 0; e < 40; e++) {
          successes[o] += random.nextDouble() < (tagged ? 0.4 : 0.3) ? 1 : 0;
        }
      }
      b.cell("v" + v, "young", 40, successes, 0, NONE);
    }
    TagEffects effects = new TagEffectEstimator(b.build(), settings(1)).estimate(0);
    for (Outcome o : Outcome.values()) {
      assertInsufficient(cell(effects, "old", o), "too few videos carry the tag in this segment (0 < 20)", 0, 0, 0, 0);
      for (String segment : List.of("young", VideoDesign.ALL_SEGMENTS)) {
        CellEstimate c = cell(effects, segment, o);
        assertThat(c.status()).isEqualTo(CellStatus.ESTIMATED);
        // Nothing to adjust for and equal exposures: the propensity is the constant tagged share, so
        // IPW is the difference in means, and AIPW is too up to the folds' tagged shares.
        assertThat(c.ipw().estimate()).isCloseTo(c.naive().estimate(), within(1e-9));
        assertThat(c.aipw().estimate()).isCloseTo(c.naive().estimate(), within(0.1 * c.aipw().se()));
        assertThat(c.aipw().se()).isCloseTo(c.naive().se(), within(0.05 * c.naive().se()));
        assertThat(c.aipw().estimate()).isCloseTo(0.1, within(4 * c.aipw().se()));
        assertThat(c.overlap().essTreated()).isCloseTo(200, within(1e-6));
        assertThat(c.overlap().clippedShare()).isZero();
      }
    }
    assertThat(effects.attributions()).hasSize(2 * 200 * Outcome.values().length);
  }

  /**
   * 200 videos with x from -2 to 2; the tag on every video with x > 0 but one, at x = 1.6, whose
   * propensity is then near 1: for the ATT the untagged videos stand in for the tagged ones by
   * their propensity odds, and that one video's odds dominate the control arm, while the tagged
   * videos at large x have no comparable untagged ones at all.
   */
  private static VideoDesign nearlySeparated() {
    SplittableRandom random = new SplittableRandom(3);
    VideoDesign.Builder b = VideoDesign.builder(List.of("everyone"), new long[] {10}, List.of("x"));
    for (int v = 0; v < 200; v++) {
      double x = (v - 100) / 50.0;
      boolean tagged = x > 0 && v != 180;
      b.video("v" + v, tagged ? new long[] {10} : new long[0], null, new double[] {x});
      int[] successes = new int[NONE.length];
      for (int o = 0; o < successes.length; o++) {
        for (int e = 0; e < 30; e++) {
          successes[o] += random.nextDouble() < 0.2 + 0.1 * x ? 1 : 0;
        }
      }
      b.cell("v" + v, "everyone", 30, successes, 0, NONE);
    }
    return b.build();
  }

  @Test
  void poorOverlapHoldsTheCellBack() {
    VideoDesign design = nearlySeparated();
    TagEffects effects = new TagEffectEstimator(design, settings(1)).estimate(0);
    Pattern reason = Pattern.compile("poor overlap: (\\d+)% of the tagged videos' exposures are on videos whose"
        + " propensity is above 0.99 \\(at most 10% allowed\\)");
    for (CellEstimate c : effects.cells()) {
      Matcher m = reason.matcher(c.reason() == null ? "" : c.reason());
      assertThat(m.matches()).as(c.reason()).isTrue();
      assertThat(Integer.parseInt(m.group(1))).isGreaterThan(10);
      assertInsufficient(c, c.reason(), 200, 98, 6000, 2940);
    }
    assertThat(effects.attributions()).isEmpty();
  }

  @Test
  void aRandomisedTagIsEstimatedCloseToItsTruthAndCloseToTheNaiveContrast() {
    EffectWorld world = EffectWorld.generate(EffectWorld.Spec.randomised(2500, 41));
    TagEffectEstimator estimator = new TagEffectEstimator(world.design, settings(5));
    TagEffects effects = estimator.estimate(world.tag());
    for (String segment : world.design.segments()) {
      for (Outcome o : Outcome.values()) {
        CellEstimate c = cell(effects, segment, o);
        double truth = world.truth(segment, o);
        String what = segment + " " + o + " truth " + truth + ": " + c;
        assertThat(c.status()).as(what).isEqualTo(CellStatus.ESTIMATED);
        assertThat(c.aipw().se()).as(what).isBetween(0.001, 0.02);
        assertThat(Math.abs(c.aipw().estimate() - truth)).as(what).isLessThan(3.5 * c.aipw().se());
        assertThat(Math.abs(c.ipw().estimate() - truth)).as(what).isLessThan(3.5 * c.ipw().se());
        assertThat(Math.abs(c.naive().estimate() - truth)).as(what).isLessThan(3.5 * c.naive().se());
        // Randomised: adjustment moves the estimate by no more than noise.
        assertThat(Math.abs(c.aipw().estimate() - c.naive().estimate())).as(what).isLessThan(2.5 * c.naive().se());
        // Adjusting for covariates that predict the outcome makes it more precise, not less.
        assertThat(c.aipw().se()).as(what).isLessThan(c.naive().se() * 1.05);
        assertThat(c.controlMean()).as(what).isCloseTo(world.controlRate(segment, o), within(0.02));
        assertThat(c.aipw().ciLow()).isCloseTo(c.aipw().estimate() - Estimate.Z95 * c.aipw().se(), within(1e-12));
      }
    }
    assertThat(cell(effects, "young", Outcome.CLICK).aipw().estimate()).isGreaterThan(0.05);
    assertThat(cell(effects, "young", Outcome.LIKE).aipw().estimate()).isLessThan(-0.02);
  }

  @Test
  void confoundingBiasesTheNaiveContrastButNotAipw() {
    // The tag is more likely on videos with high x or the confounding tag, both of which raise the
    // rates; in "old" the recommender also shows tagged videos three times as often.
    EffectWorld world = EffectWorld.generate(EffectWorld.Spec.randomised(3000, 43).confounded(1.5).favouredIn(3));
    TagEffects effects = new TagEffectEstimator(world.design, settings(5)).estimate(world.tag());
    for (String segment : world.design.segments()) {
      for (Outcome o : List.of(Outcome.CLICK, Outcome.LIKE)) {
        CellEstimate c = cell(effects, segment, o);
        double truth = world.truth(segment, o);
        String what = segment + " " + o + " truth " + truth + ": " + c;
        assertThat(c.status()).as(what).isEqualTo(CellStatus.ESTIMATED);
        assertThat(Math.abs(c.aipw().estimate() - truth)).as(what).isLessThan(3.5 * c.aipw().se());
        // IPW leans on the propensity alone, with its intercept recalibrated to the segment.
        assertThat(Math.abs(c.ipw().estimate() - truth)).as(what).isLessThan(3.5 * c.ipw().se());
        assertThat(c.naive().estimate() - truth).as(what).isGreaterThan(4 * c.naive().se());
      }
      // Completion falls with x: there the naive contrast is biased downwards.
      CellEstimate completion = cell(effects, segment, Outcome.COMPLETION);
      double truth = world.truth(segment, Outcome.COMPLETION);
      assertThat(Math.abs(completion.aipw().estimate() - truth)).isLessThan(3.5 * completion.aipw().se());
      assertThat(completion.naive().estimate() - truth).isLessThan(-4 * completion.naive().se());
    }
  }

  @Test
  void aRightPropensityCorrectsAWrongOutcomeModel() {
    // Every logit curves in x, which the outcome model (linear in x) cannot follow; the propensity
    // is right once its intercept is moved to the segment (in "old" tagged videos are shown five
    // times as often). AIPW's weighted residuals then carry the correction.
    EffectWorld world = EffectWorld.generate(
        EffectWorld.Spec.randomised(3000, 83).confounded(1.5).favouredIn(5).curved(0.7));
    TagEffects effects = new TagEffectEstimator(world.design, settings(5)).estimate(world.tag());
    for (String segment : world.design.segments()) {
      for (Outcome o : Outcome.values()) {
        CellEstimate c = cell(effects, segment, o);
        double truth = world.truth(segment, o);
        String what = segment + " " + o + " truth " + truth + ": " + c;
        assertThat(Math.abs(c.aipw().estimate() - truth)).as(what).isLessThan(3.5 * c.aipw().se());
        assertThat(Math.abs(c.ipw().estimate() - truth)).as(what).isLessThan(3.5 * c.ipw().se());
      }
      CellEstimate click = cell(effects, segment, Outcome.CLICK);
      assertThat(click.naive().estimate() - world.truth(segment, Outcome.CLICK)).isGreaterThan(4 * click.naive().se());
    }
  }

  @Test
  void thePlaceboOfARealEffectIsAboutZeroAndPassesMostOfTheTime() {
    // A tag on about a quarter of the videos: the placebo's two arms differ in size.
    EffectWorld world = EffectWorld.generate(
        EffectWorld.Spec.randomised(2000, 47).confounded(1).rarer(-1.2).withEffects(1, 0.5, -0.8));
    int checks = 0;
    int passed = 0;
    double zSum = 0;
    double zSquares = 0;
    for (long seed = 0; seed < 20; seed++) {
      for (CellEstimate c : new TagEffectEstimator(world.design, settings(seed)).estimate(world.tag()).cells()) {
        assertThat(c.status()).isEqualTo(CellStatus.ESTIMATED);
        assertThat(c.aipw().significant()).as(c.toString()).isTrue();
        Estimate placebo = c.placebo().placebo();
        assertThat(c.placebo().passed()).isEqualTo(!placebo.significant());
        assertThat(Math.abs(placebo.estimate())).as(c.toString()).isLessThan(4 * placebo.se());
        assertThat(placebo.se()).isBetween(0.0005, 0.05);
        // Every effect here is significant and far from the null: the placebo decides.
        assertThat(c.robust()).as(c.toString()).isEqualTo(c.placebo().passed());
        checks++;
        passed += c.placebo().passed() ? 1 : 0;
        double z = placebo.estimate() / placebo.se();
        zSum += z;
        zSquares += z * z;
      }
    }
    assertThat(world.design.tagVideos[world.tag()].length).isBetween(350, 650);
    // About one in twenty fails by chance, as a 95% interval should.
    assertThat(passed).isBetween((int) (0.88 * checks), checks - 1);
    // Centred on zero with standard errors of the right size: the z's of 180 placebo estimates
    // (correlated within a seed) have mean about 0 and root mean square about 1.
    assertThat(Math.abs(zSum / checks)).isLessThan(0.5);
    assertThat(Math.sqrt(zSquares / checks)).isBetween(0.75, 1.3);
  }

  @Test
  void aPlaceboThatMissesTheSegmentHasNotPassed() {
    // 3,000 videos, the tag on 100; a niche segment sees 25 of them and 25 others. The placebo
    // moves the tag to 100 random videos of the 3,000: for about one seed in five none is in the
    // niche, and there is no placebo to compare.
    SplittableRandom random = new SplittableRandom(1);
    VideoDesign.Builder b = VideoDesign.builder(List.of("main", "niche"), new long[] {10}, List.of("x"));
    for (int v = 0; v < 3000; v++) {
      boolean tagged = v < 100;
      b.video("v" + v, tagged ? new long[] {10} : new long[0], null, new double[] {random.nextGaussian()});
      int[] successes = new int[NONE.length];
      for (int o = 0; o < successes.length; o++) {
        for (int e = 0; e < 20; e++) {
          successes[o] += random.nextDouble() < (tagged ? 0.45 : 0.3) ? 1 : 0;
        }
      }
      b.cell("v" + v, "main", 20, successes, 0, NONE);
      if (v < 25 || (v >= 100 && v < 125)) {
        b.cell("v" + v, "niche", 20, successes, 0, NONE);
      }
    }
    VideoDesign design = b.build();
    int missed = 0;
    int formed = 0;
    for (long seed = 0; seed < 30 && (missed == 0 || formed == 0); seed++) {
      for (CellEstimate c : new TagEffectEstimator(design, settings(seed)).estimate(0).cells()) {
        assertThat(c.status()).isEqualTo(CellStatus.ESTIMATED);
        assertThat(c.aipw().significant()).isTrue();
        if (c.placebo().placebo() == null) {
          assertThat(c.segment()).isEqualTo("niche");
          assertThat(c.placebo().passed()).isFalse();
          assertThat(c.robust()).isFalse();
          missed++;
        } else {
          assertThat(c.placebo().placebo().se()).isPositive();
          formed += c.segment().equals("niche") ? 1 : 0;
        }
      }
    }
    assertThat(missed).isPositive();
    assertThat(formed).isPositive();
  }

  @Test
  void thePlaceboIsTheEstimatorOnARandomTagOfTheSameSize() {
    // The noise tag is on a random 30% of the videos and does nothing: its own AIPW estimate is
    // what its placebo (the tag moved to as many random videos) should look like.
    EffectWorld world = EffectWorld.generate(EffectWorld.Spec.randomised(2500, 97).confounded(1));
    int noise = 2;
    assertThat(world.design.tagId(noise)).isEqualTo(EffectWorld.NOISE);
    TagEffects effects = new TagEffectEstimator(world.design, settings(1)).estimate(noise);
    int significant = 0;
    for (CellEstimate c : effects.cells()) {
      assertThat(c.status()).isEqualTo(CellStatus.ESTIMATED);
      significant += c.aipw().significant() ? 1 : 0;
      assertThat(c.placebo().placebo().se() / c.aipw().se()).as(c.toString()).isBetween(0.85, 1.15);
    }
    assertThat(significant).isLessThanOrEqualTo(1);
  }

  @Test
  void withoutExplorationTrafficThereIsNoInstrument() {
    EffectWorld world = EffectWorld.generate(EffectWorld.Spec.randomised(800, 53));
    assertThat(new TagEffectEstimator(world.design, settings(1)).estimate(world.tag()).cells())
        .allSatisfy(c -> {
          assertThat(c.status()).isEqualTo(CellStatus.ESTIMATED);
          assertThat(c.iv()).isNull();
        });
  }

  @Test
  void explorationThatShowsTheTagMoreOftenIdentifiesTheEffect() {
    // Exploration traffic is 40% of a tagged video's exposures and 10% of an untagged one's.
    EffectWorld world = EffectWorld.generate(EffectWorld.Spec.randomised(2500, 59).exploring(0.4, 0.1));
    TagEffects effects = new TagEffectEstimator(world.design, settings(1)).estimate(world.tag());
    for (String segment : world.design.segments()) {
      for (Outcome o : Outcome.values()) {
        CellEstimate c = cell(effects, segment, o);
        InstrumentEstimate iv = c.iv();
        assertThat(iv).isNotNull();
        assertThat(iv.firstStageF()).isGreaterThan(100);
        assertThat(iv.weak()).isFalse();
        assertWald(world.design, world.design.segments().indexOf(segment), o, world.treated, iv);
        // Exploration picks exposures at random within each arm, so the Wald ratio identifies the
        // difference between the arms' exposure-weighted true rates. Its SE counts exposures, not
        // videos, so it does not include how the tagged videos happened to fall (against the ATE
        // the same worlds give an rms z of about 1.4).
        double contrast = world.armContrast(segment, o);
        assertThat(Math.abs(iv.estimate().estimate() - contrast)).as(segment + " " + o + " " + contrast + " " + iv)
            .isLessThan(3.5 * iv.estimate().se());
        assertThat(Math.abs(contrast - world.truth(segment, o))).isLessThan(3.5 * c.naive().se());
        // Unadjusted and at exposure level, the instrument is far less precise than AIPW.
        assertThat(iv.estimate().se()).isGreaterThan(c.aipw().se());
      }
    }
  }

  @Test
  void explorationBlindToTheTagIsAWeakInstrument() {
    EffectWorld world = EffectWorld.generate(EffectWorld.Spec.randomised(1500, 61).exploring(0.2, 0.2));
    TagEffects effects = new TagEffectEstimator(world.design, settings(1)).estimate(world.tag());
    int weak = 0;
    int instruments = 0;
    for (CellEstimate c : effects.cells()) {
      if (c.iv() == null) {
        continue;
      }
      instruments++;
      assertThat(c.iv().weak()).isEqualTo(c.iv().firstStageF() < 10);
      weak += c.iv().weak() ? 1 : 0;
      assertWald(world.design, world.design.segments().indexOf(c.segment()), c.outcome(), world.treated, c.iv());
    }
    assertThat(instruments).isEqualTo(effects.cells().size());
    assertThat(weak).isEqualTo(instruments);
  }

  /** The Wald estimate and first-stage F recomputed from the exposure counts. */
  private static void assertWald(VideoDesign d, int s, Outcome o, boolean[] treatedOriginal, InstrumentEstimate iv) {
    double explore = 0;
    double policy = 0;
    double exploreTreated = 0;
    double policyTreated = 0;
    double exploreY = 0;
    double policyY = 0;
    double exploreYTreated = 0;
    double policyYTreated = 0;
    for (int v = 0; v < d.videoCount(); v++) {
      int e = d.exploreExposures[s][v];
      int all = d.exposures(s, v);
      int ye = d.exploreSuccesses[o.ordinal()][s][v];
      int y = d.successes(o, s, v);
      boolean t = treatedOriginal[Integer.parseInt(d.videoId(v).substring(1))];
      assertThat(d.carries(v, 0)).isEqualTo(t);
      explore += e;
      policy += all - e;
      exploreY += ye;
      policyY += y - ye;
      if (t) {
        exploreTreated += e;
        policyTreated += all - e;
        exploreYTreated += ye;
        policyYTreated += y - ye;
      }
    }
    double shift = exploreTreated / explore - policyTreated / policy;
    double wald = (exploreY / explore - policyY / policy) / shift;
    double p1 = exploreTreated / explore;
    double p0 = policyTreated / policy;
    double f = shift * shift / (p1 * (1 - p1) / explore + p0 * (1 - p0) / policy);
    assertThat(iv.estimate().estimate()).isCloseTo(wald, within(1e-9 * (1 + Math.abs(wald))));
    assertThat(iv.firstStageF()).isCloseTo(f, within(1e-9 * f));
    // Delta method for a ratio: the variance of the mean of y - wald t in each traffic, over the
    // squared shift; y and t are 0/1, so E (y - b t)^2 = E y - 2 b E yt + b^2 E t.
    double variance = 0;
    double[][] traffic = {{explore, exploreY, exploreTreated, exploreYTreated}, {policy, policyY, policyTreated, policyYTreated}};
    for (double[] k : traffic) {
      double ey = k[1] / k[0];
      double et = k[2] / k[0];
      double eyt = k[3] / k[0];
      double mean = ey - wald * et;
      variance += (ey - 2 * wald * eyt + wald * wald * et - mean * mean) / k[0];
    }
    double se = Math.sqrt(variance) / Math.abs(shift);
    assertThat(iv.estimate().se()).isCloseTo(se, within(1e-9 * se));
  }

  @Test
  void attributionsGoToTaggedVideosWithEnoughExposuresAndBracketTheirPoints() {
    EffectWorld world = EffectWorld.generate(EffectWorld.Spec.randomised(2000, 67).withEffects(0.8, 0, -0.6));
    VideoDesign d = world.design;
    EffectSettings settings = settings(1);
    TagEffects effects = new TagEffectEstimator(d, settings).estimate(world.tag());

    Set<String> expected = new HashSet<>();
    for (int s = 0; s < d.segments().size(); s++) {
      for (int v = 0; v < d.videoCount(); v++) {
        if (d.carries(v, world.tag()) && d.exposures(s, v) >= settings.minAttributionExposures()) {
          for (Outcome o : Outcome.values()) {
            expected.add(d.videoId(v) + "/" + d.segments().get(s) + "/" + o);
          }
        }
      }
    }
    Set<String> got = new HashSet<>();
    int covered = 0;
    int effectCovered = 0;
    for (VideoAttribution a : effects.attributions()) {
      assertThat(got.add(a.videoId() + "/" + a.segment() + "/" + a.outcome())).isTrue();
      int v = indexOf(d, a.videoId());
      int s = d.segments().indexOf(a.segment());
      assertThat(a.tagId()).isEqualTo(EffectWorld.TAG);
      assertThat(a.exposures()).isEqualTo(d.exposures(s, v));
      assertThat(a.observed()).isEqualTo(d.successes(a.outcome(), s, v) / (double) d.exposures(s, v));
      for (Estimate e : List.of(a.withTag(), a.withoutTag())) {
        assertThat(e.estimate()).isBetween(e.ciLow(), e.ciHigh());
        assertThat(e.ciLow()).isGreaterThanOrEqualTo(0);
        assertThat(e.ciHigh()).isLessThanOrEqualTo(1);
        assertThat(e.ciHigh()).isGreaterThan(e.ciLow());
      }
      assertThat(a.effect().estimate()).isCloseTo(a.withTag().estimate() - a.withoutTag().estimate(), within(1e-12));
      assertThat(a.effect().estimate()).isBetween(a.effect().ciLow(), a.effect().ciHigh());
      switch (a.outcome()) {
        case CLICK -> assertThat(a.withTag().estimate()).isGreaterThan(a.withoutTag().estimate());
        case LIKE -> assertThat(a.withTag().estimate()).isLessThan(a.withoutTag().estimate());
        default -> { }
      }
      double with = world.rate(v, a.outcome(), true);
      double without = world.rate(v, a.outcome(), false);
      covered += a.withTag().ciLow() <= with && with <= a.withTag().ciHigh() ? 1 : 0;
      effectCovered += a.effect().ciLow() <= with - without && with - without <= a.effect().ciHigh() ? 1 : 0;
    }
    assertThat(got).isEqualTo(expected);
    assertThat(expected.size()).isGreaterThan(1000);
    // The model is right, so its intervals for a video's rate cover the true rate (the videos share
    // one fitted model, so they miss together: a loose bound).
    int count = effects.attributions().size();
    assertThat(covered / (double) count).isGreaterThan(0.75);
    assertThat(effectCovered / (double) count).isGreaterThan(0.75);
  }

  @Test
  void attributionIntervalsAreTheDeltaMethodOfTheFullOutcomeModel() {
    EffectWorld world = EffectWorld.generate(EffectWorld.Spec.randomised(700, 89).withEffects(0.8, 0.3, -0.6));
    VideoDesign d = world.design;
    EffectSettings settings = settings(1);
    TagEffects effects = new TagEffectEstimator(d, settings).estimate(world.tag());
    // The outcome model's features, written out densely: intercept, covariates, categories but the
    // first, tags.
    int categories = d.categories().size() - 1;
    int tagOffset = 1 + d.dense.length + categories;
    int p = tagOffset + d.tagCount();
    int n = d.videoCount();
    int[][] idx = new int[n][];
    double[][] val = new double[n][];
    for (int v = 0; v < n; v++) {
      idx[v] = new int[p];
      val[v] = new double[p];
      for (int j = 0; j < p; j++) {
        idx[v][j] = j;
      }
      val[v][0] = 1;
      for (int f = 0; f < d.dense.length; f++) {
        val[v][1 + f] = d.dense[f][v];
      }
      if (d.category[v] > 0) {
        val[v][d.dense.length + d.category[v]] = 1;
      }
      for (int t = 0; t < d.tagCount(); t++) {
        val[v][tagOffset + t] = d.carries(v, t) ? 1 : 0;
      }
    }
    int checked = 0;
    for (int s = 0; s < d.segments().size(); s++) {
      for (Outcome o : Outcome.values()) {
        double[] trials = new double[n];
        double[] successes = new double[n];
        for (int v = 0; v < n; v++) {
          trials[v] = d.exposures(s, v);
          successes[v] = d.successes(o, s, v);
        }
        SparseLogistic.Fit fit = SparseLogistic.fit(idx, val, trials, successes, p,
            settings.ridge() * Arrays.stream(trials).sum(), null);
        double[] covariance = DenseAlgebra.invertSpd(fit.hessian(), p);
        for (int a = 0; a < covariance.length; a++) {
          covariance[a] *= fit.dispersion();
        }
        String segment = d.segments().get(s);
        for (VideoAttribution a : effects.attributions()) {
          if (!a.segment().equals(segment) || a.outcome() != o) {
            continue;
          }
          int v = indexOf(d, a.videoId());
          double[] x1 = val[v];
          double[] x0 = x1.clone();
          x0[tagOffset + world.tag()] = 0;
          double eta1 = 0;
          double eta0 = 0;
          for (int j = 0; j < p; j++) {
            eta1 += fit.beta()[j] * x1[j];
            eta0 += fit.beta()[j] * x0[j];
          }
          double mu1 = Sigmoid.of(eta1);
          double mu0 = Sigmoid.of(eta0);
          double se1 = Math.sqrt(quadratic(covariance, x1, x1, p));
          double se0 = Math.sqrt(quadratic(covariance, x0, x0, p));
          double[] g = new double[p];
          for (int j = 0; j < p; j++) {
            g[j] = mu1 * (1 - mu1) * x1[j] - mu0 * (1 - mu0) * x0[j];
          }
          double seEffect = Math.sqrt(quadratic(covariance, g, g, p));
          assertThat(a.withTag().estimate()).isCloseTo(mu1, within(1e-7));
          assertThat(a.withoutTag().estimate()).isCloseTo(mu0, within(1e-7));
          assertThat(a.withTag().se()).isCloseTo(mu1 * (1 - mu1) * se1, within(1e-6 * a.withTag().se()));
          assertThat(a.withTag().ciLow())
              .isCloseTo(Sigmoid.of(eta1 - Estimate.Z95 * se1), within(1e-7));
          assertThat(a.withoutTag().ciHigh())
              .isCloseTo(Sigmoid.of(eta0 + Estimate.Z95 * se0), within(1e-7));
          assertThat(a.effect().se()).isCloseTo(seEffect, within(1e-6 * seEffect));
          checked++;
        }
      }
    }
    assertThat(checked).isEqualTo(effects.attributions().size()).isGreaterThan(500);
  }

  private static double quadratic(double[] m, double[] a, double[] b, int p) {
    double s = 0;
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        s += a[i] * m[i * p + j] * b[j];
      }
    }
    return s;
  }

  private static int indexOf(VideoDesign d, String videoId) {
    for (int v = 0; v < d.videoCount(); v++) {
      if (d.videoId(v).equals(videoId)) {
        return v;
      }
    }
    throw new AssertionError(videoId);
  }

  @Test
  void robustMeansSignificantPlaceboPassedAndSensitivityAboveTheFloor() {
    EffectWorld world = EffectWorld.generate(EffectWorld.Spec.randomised(2000, 71).confounded(0.5).withEffects(1, 0, -0.8));
    TagEffects effects = new TagEffectEstimator(world.design, settings(3)).estimate(world.tag());
    for (CellEstimate c : effects.cells()) {
      double low = Math.max(1e-9, (c.controlMean() + c.aipw().ciLow()) / c.controlMean());
      double high = Math.max(1e-9, (c.controlMean() + c.aipw().ciHigh()) / c.controlMean());
      assertThat(c.sensitivity()).isEqualTo(EValue.ofInterval(low, high));
      assertThat(c.robust()).as(c.toString())
          .isEqualTo(c.aipw().significant() && c.placebo().passed() && c.sensitivity() >= 1.1);
      assertThat(c.sensitivity() > 1).isEqualTo(c.aipw().significant());
    }
    for (String segment : world.design.segments()) {
      // A large effect is robust; no effect is not significant, so not robust.
      assertThat(cell(effects, segment, Outcome.CLICK).robust()).isTrue();
      assertThat(cell(effects, segment, Outcome.LIKE).robust()).isTrue();
      CellEstimate none = cell(effects, segment, Outcome.COMPLETION);
      assertThat(none.aipw().significant()).isFalse();
      assertThat(none.sensitivity()).isEqualTo(1.0);
      assertThat(none.robust()).isFalse();
    }

    // A floor above every E-value takes the flag from every cell, and nothing else changes.
    EffectSettings d = settings(3);
    EffectSettings strict = new EffectSettings(d.minTreatedVideos(), d.minControlVideos(), d.minTreatedExposures(),
        d.minEss(), d.cooccurringTags(), d.ridge(), d.propensityClip(), d.minAttributionExposures(), 1000, d.seed());
    TagEffects strictEffects = new TagEffectEstimator(world.design, strict).estimate(world.tag());
    for (int i = 0; i < effects.cells().size(); i++) {
      CellEstimate c = effects.cells().get(i);
      CellEstimate s = strictEffects.cells().get(i);
      assertThat(s.robust()).isFalse();
      assertThat(s.aipw()).isEqualTo(c.aipw());
      assertThat(s.sensitivity()).isEqualTo(c.sensitivity());
    }
  }

  @Test
  void theSameSeedGivesTheSameResultsAndAnotherSeedOtherPlacebos() {
    EffectWorld world = EffectWorld.generate(EffectWorld.Spec.randomised(1200, 73).confounded(1).exploring(0.3, 0.1));
    TagEffects first = new TagEffectEstimator(world.design, settings(9)).estimate(world.tag());
    TagEffectEstimator again = new TagEffectEstimator(world.design, settings(9));
    assertThat(again.estimate(world.tag())).isEqualTo(first);
    assertThat(again.estimate(world.tag())).isEqualTo(first);
    assertThat(first.attributions()).isNotEmpty();

    TagEffects other = new TagEffectEstimator(world.design, settings(10)).estimate(world.tag());
    for (int i = 0; i < first.cells().size(); i++) {
      CellEstimate a = first.cells().get(i);
      CellEstimate b = other.cells().get(i);
      assertThat(b.placebo().placebo().estimate()).isNotEqualTo(a.placebo().placebo().estimate());
      // Other folds too, but the same data: the estimates move by a fraction of their SE.
      assertThat(b.aipw().estimate()).isCloseTo(a.aipw().estimate(), within(0.5 * a.aipw().se()));
      // Neither the naive contrast nor the instrument depends on the seed.
      assertThat(b.naive()).isEqualTo(a.naive());
      assertThat(b.iv()).isEqualTo(a.iv());
    }
  }

  @Test
  void settingsRefuseRulesThatCannotWork() {
    EffectSettings d = EffectSettings.defaults(1);
    assertThat(d).isEqualTo(new EffectSettings(20, 20, 200, 10, 20, 1e-4, 0.01, 30, 1.1, 1));
    assertRefused("each arm needs at least 2 videos", () -> new EffectSettings(1, 20, 200, 10, 20, 1e-4, 0.01, 30, 1.1, 1));
    assertRefused("each arm needs at least 2 videos", () -> new EffectSettings(20, 1, 200, 10, 20, 1e-4, 0.01, 30, 1.1, 1));
    assertRefused("exposure minimums must be >= 1", () -> new EffectSettings(20, 20, 0, 10, 20, 1e-4, 0.01, 30, 1.1, 1));
    assertRefused("exposure minimums must be >= 1", () -> new EffectSettings(20, 20, 200, 10, 20, 1e-4, 0.01, 0, 1.1, 1));
    String bounds = "need minEss >= 1, cooccurringTags >= 0 and ridge >= 0";
    assertRefused(bounds, () -> new EffectSettings(20, 20, 200, 0.5, 20, 1e-4, 0.01, 30, 1.1, 1));
    assertRefused(bounds, () -> new EffectSettings(20, 20, 200, Double.NaN, 20, 1e-4, 0.01, 30, 1.1, 1));
    assertRefused(bounds, () -> new EffectSettings(20, 20, 200, 10, -1, 1e-4, 0.01, 30, 1.1, 1));
    assertRefused(bounds, () -> new EffectSettings(20, 20, 200, 10, 20, -1e-4, 0.01, 30, 1.1, 1));
    assertRefused(bounds, () -> new EffectSettings(20, 20, 200, 10, 20, Double.NaN, 0.01, 30, 1.1, 1));
    for (double clip : new double[] {0, 0.5, -0.1, Double.NaN}) {
      assertRefused("propensityClip must be in (0, 0.5)",
          () -> new EffectSettings(20, 20, 200, 10, 20, 1e-4, clip, 30, 1.1, 1));
    }
    for (double floor : new double[] {0.99, Double.NaN}) {
      assertRefused("sensitivityFloor is an E-value: >= 1",
          () -> new EffectSettings(20, 20, 200, 10, 20, 1e-4, 0.01, 30, floor, 1));
    }
    // The edges that are allowed.
    new EffectSettings(2, 2, 1, 1, 0, 0, 0.49, 1, 1, -5);
  }

  private static void assertRefused(String message, Runnable construct) {
    assertThatThrownBy(construct::run).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @Test
  void cellsComeInSegmentThenOutcomeOrderWithTheirCounts() {
    EffectWorld world = EffectWorld.generate(EffectWorld.Spec.randomised(600, 79));
    VideoDesign d = world.design;
    TagEffects effects = new TagEffectEstimator(d, settings(1)).estimate(world.tag());
    int i = 0;
    for (int s = 0; s < d.segments().size(); s++) {
      int videos = 0;
      int treated = 0;
      long exposures = 0;
      long treatedExposures = 0;
      for (int v = 0; v < d.videoCount(); v++) {
        if (d.exposures(s, v) > 0) {
          videos++;
          exposures += d.exposures(s, v);
          if (d.carries(v, world.tag())) {
            treated++;
            treatedExposures += d.exposures(s, v);
          }
        }
      }
      for (Outcome o : Outcome.values()) {
        CellEstimate c = effects.cells().get(i++);
        assertThat(c.segment()).isEqualTo(d.segments().get(s));
        assertThat(c.outcome()).isEqualTo(o);
        assertThat(c.status().wireName()).isEqualTo("estimated");
        assertThat(List.of(c.videos(), c.treatedVideos(), c.controlVideos()))
            .containsExactly(videos, treated, videos - treated);
        assertThat(List.of(c.exposures(), c.treatedExposures())).containsExactly(exposures, treatedExposures);
        assertThat(c.overlap().clippedShare()).isBetween(0.0, 1.0);
      }
    }
    assertThat(i).isEqualTo(effects.cells().size());
  }
}
