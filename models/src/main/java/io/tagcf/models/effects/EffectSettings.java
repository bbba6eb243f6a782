package io.tagcf.models.effects;

/**
 * The rules a snapshot estimates by.
 *
 * @param minTreatedVideos fewer videos carrying the tag in the segment: insufficient
 * @param minControlVideos fewer videos without it: insufficient
 * @param minTreatedExposures fewer exposures of the tagged videos in the segment: insufficient
 * @param minEss smallest Kish effective sample size of either arm's inverse-propensity weights
 * @param cooccurringTags how many of the tags most often seen with the treated tag are confounders
 * @param ridge relative ridge penalty of the outcome and propensity models (times the total weight)
 * @param propensityClip propensities are clipped into [clip, 1 - clip]
 * @param minAttributionExposures a video gets attributions in a segment from this many exposures on
 * @param sensitivityFloor the smallest E-value (of the interval) a robust effect may have
 * @param seed seeds the placebo refuter's permutations
 */
public record EffectSettings(
    int minTreatedVideos, int minControlVideos, long minTreatedExposures, double minEss, int cooccurringTags,
    double ridge, double propensityClip, int minAttributionExposures, double sensitivityFloor, long seed) {

  public EffectSettings {
    if (minTreatedVideos < 2 || minControlVideos < 2) {
      throw new IllegalArgumentException("each arm needs at least 2 videos");
    }
    if (minTreatedExposures < 1 || minAttributionExposures < 1) {
      throw new IllegalArgumentException("exposure minimums must be >= 1");
    }
    if (!(minEss >= 1) || cooccurringTags < 0 || !(ridge >= 0)) {
      throw new IllegalArgumentException("need minEss >= 1, cooccurringTags >= 0 and ridge >= 0");
    }
    if (!(propensityClip > 0 && propensityClip < 0.5)) {
      throw new IllegalArgumentException("propensityClip must be in (0, 0.5)");
    }
    if (!(sensitivityFloor >= 1)) {
      throw new IllegalArgumentException("sensitivityFloor is an E-value: >= 1");
    }
  }

  public static EffectSettings defaults(long seed) {
    return new EffectSettings(20, 20, 200, 10, 20, 1e-4, 0.01, 30, 1.1, seed);
  }
}
