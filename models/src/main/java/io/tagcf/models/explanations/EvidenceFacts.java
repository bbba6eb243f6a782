package io.tagcf.models.explanations;

import io.tagcf.models.effects.CellEstimate;
import io.tagcf.models.effects.CellStatus;
import io.tagcf.models.effects.VideoAttribution;
import io.tagcf.models.effects.VideoDesign;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the effect pipeline's results into evidence: rates to percent, effects to percentage
 * points, tag ids to slugs, and only the cells an explanation of this video may speak of (its
 * tags, in its segments and over all viewers).
 */
public final class EvidenceFacts {

  private EvidenceFacts() {}

  /** An estimated cell as evidence; the cell must be estimated. */
  public static Evidence.Effect effect(String slug, CellEstimate c) {
    if (c.status() != CellStatus.ESTIMATED) {
      throw new IllegalArgumentException("cell of tag " + c.tagId() + " was not estimated");
    }
    return new Evidence.Effect(slug, c.segment(), c.outcome().label(), 100 * c.aipw().estimate(),
        100 * c.aipw().ciLow(), 100 * c.aipw().ciHigh(), 100 * c.controlMean(), c.treatedVideos(), c.treatedExposures(),
        Math.min(c.overlap().essTreated(), c.overlap().essControl()), c.placebo().passed(), c.sensitivity(), c.robust());
  }

  public static Evidence.Attribution attribution(String slug, VideoAttribution a) {
    return new Evidence.Attribution(slug, a.segment(), a.outcome().label(), a.exposures(), 100 * a.observed(),
        100 * a.withTag().estimate(), 100 * a.withoutTag().estimate(), 100 * a.effect().estimate(),
        100 * a.effect().ciLow(), 100 * a.effect().ciHigh());
  }

  /** Observed rates from counts; null when there were no exposures. */
  public static Evidence.Metrics metrics(long exposures, long clicks, long completions, long likes) {
    if (exposures <= 0) {
      return null;
    }
    return new Evidence.Metrics(exposures, 100.0 * clicks / exposures, 100.0 * completions / exposures,
        100.0 * likes / exposures);
  }

  /** A robust cell of a tag the video lacks, as a suggestion lead. */
  public static Evidence.Lead lead(String slug, String labelEn, String labelZh, CellEstimate c, int carriedBy,
      int neighbourCount) {
    Evidence.Effect e = effect(slug, c);
    return new Evidence.Lead(slug, labelEn, labelZh, e.segment(), e.outcome(), e.effectPp(), e.lowPp(), e.highPp(),
        carriedBy, neighbourCount);
  }

  /**
   * The evidence of one video from its snapshot's results.
   *
   * @param slugs the slug of every tag id the cells and attributions name
   * @param cells estimated and insufficient cells of (at least) the video's tags
   * @param attributions the video's attributions
   */
  public static Evidence assemble(String videoId, String title, String language, Evidence.Snapshot snapshot,
      List<Evidence.Tag> tags, Map<Long, String> slugs, List<CellEstimate> cells, List<VideoAttribution> attributions,
      Evidence.Baseline baseline, List<Evidence.Role> audience, List<Evidence.Lead> leads) {
    Set<String> carried = new LinkedHashSet<>();
    tags.forEach(t -> carried.add(t.slug()));
    List<Evidence.Attribution> attributed = new ArrayList<>();
    Set<String> segments = new LinkedHashSet<>();
    for (VideoAttribution a : attributions) {
      String slug = slugs.get(a.tagId());
      if (slug != null && carried.contains(slug)) {
        attributed.add(attribution(slug, a));
        segments.add(a.segment());
      }
    }
    segments.add(VideoDesign.ALL_SEGMENTS);
    List<Evidence.Effect> effects = new ArrayList<>();
    for (CellEstimate c : cells) {
      String slug = slugs.get(c.tagId());
      if (c.status() == CellStatus.ESTIMATED && slug != null && carried.contains(slug)
          && segments.contains(c.segment())) {
        effects.add(effect(slug, c));
      }
    }
    return new Evidence(Evidence.VERSION, videoId, title, language, snapshot, tags, effects, attributed, baseline,
        audience, leads);
  }
}
