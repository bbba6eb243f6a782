package io.tagcf.models.explanations;

import io.tagcf.models.effects.VideoDesign;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything an explanation of one video may say, and nothing else: the only source of both
 * writers, and what the verifier checks their text against. Stored, as JSON, next to the
 * explanation it produced. Rates are in percent and effects in percentage points, the units the
 * text uses, so that every number the text states can be looked up here after its rounding.
 *
 * @param version the evidence format ({@link #VERSION}); part of the stored JSON
 * @param title the uploader's title: untrusted text, data for the writer, never instructions
 * @param language the video's language (zh or en)
 * @param tags the video's tags of both kinds, strongest first
 * @param effects the published snapshot's estimated cells for the video's tags in its segments
 * @param attributions what each tag did for this video in each of its segments
 * @param baseline the video's observed rates against its nearest neighbours'
 * @param audience the user roles of the users who engaged with it, with their logic-graph links
 * @param leads robust effects of tags that similar videos carry and this one lacks
 */
public record Evidence(
    int version, String videoId, String title, String language, Snapshot snapshot, List<Tag> tags,
    List<Effect> effects, List<Attribution> attributions, Baseline baseline, List<Role> audience, List<Lead> leads) {

  public static final int VERSION = 1;
  /** The pooled segment of every viewer. */
  public static final String ALL_VIEWERS = VideoDesign.ALL_SEGMENTS;

  public Evidence {
    tags = List.copyOf(tags);
    effects = List.copyOf(effects);
    attributions = List.copyOf(attributions);
    audience = List.copyOf(audience);
    leads = List.copyOf(leads);
  }

  /**
   * The published effect snapshot the evidence comes from.
   *
   * @param segments every segment of the snapshot, not only the video's
   */
  public record Snapshot(long id, String windowStart, String windowEnd, String segmentScheme, List<String> segments) {
    public Snapshot {
      segments = List.copyOf(segments);
    }
  }

  /** One of the video's tags with its provenance (which tagger, model and prompt produced it). */
  public record Tag(String slug, String kind, String labelEn, String labelZh, String category, double score,
      String tagger, String model, String promptVersion) {

    public String label(String language) {
      return Names.label(slug, labelEn, labelZh, language);
    }
  }

  /**
   * A tag's estimated effect in one segment on one outcome, for the videos that carry it.
   *
   * @param controlRatePct the tagged videos' predicted rate without the tag
   * @param overlapEss the smaller of the two arms' effective sample sizes (Kish) under the
   *     propensity weights; an estimated cell passed the overlap check, so it is at least the
   *     snapshot's minimum
   * @param sensitivity E-value of the interval limit closest to no effect; null when not computed
   * @param robust the snapshot's verdict: significant, placebo passed, overlap fine, sensitivity at the floor
   */
  public record Effect(String tag, String segment, String outcome, double effectPp, double lowPp, double highPp,
      double controlRatePct, int treatedVideos, long exposures, double overlapEss, boolean placeboPassed,
      Double sensitivity, boolean robust) {

    /** The interval excludes zero. */
    public boolean significant() {
      return lowPp > 0 || highPp < 0;
    }

    /**
     * Whether the text may call this effect a cause: significant, placebo refuter passed, and
     * sensitivity at or above {@code sensitivityFloor} (estimated cells passed the overlap check).
     */
    public boolean established(double sensitivityFloor) {
      return significant() && placeboPassed && sensitivity != null && sensitivity >= sensitivityFloor;
    }
  }

  /**
   * What one tag did for this video in one segment: its predicted rate with and without the tag.
   */
  public record Attribution(String tag, String segment, String outcome, int exposures, double observedPct,
      double withPct, double withoutPct, double effectPp, double lowPp, double highPp) {}

  /** Observed rates over a set of exposures. */
  public record Metrics(long exposures, double clickPct, double completionPct, double likePct) {

    public double ratePct(String outcome) {
      return switch (outcome) {
        case "click" -> clickPct;
        case "completion" -> completionPct;
        case "like" -> likePct;
        default -> throw new IllegalArgumentException("unknown outcome " + outcome);
      };
    }
  }

  /**
   * The video's rates in the snapshot's window against those of its nearest neighbours by
   * embedding (pooled over the neighbours' exposures).
   *
   * @param video null when the video had no exposures in the window
   * @param neighbours null when no neighbour had exposures
   * @param neighbourCount how many neighbours the pooled rates come from
   */
  public record Baseline(Metrics video, Metrics neighbours, int neighbourCount) {}

  /**
   * A user role among the video's engaged users: its share of their role mass, and the item tags
   * the logic graph links it to (the paper's "who you are" reading).
   */
  public record Role(String slug, String labelEn, String labelZh, double sharePct, List<LinkedTag> leadsTo) {
    public Role {
      leadsTo = List.copyOf(leadsTo);
    }

    public String label(String language) {
      return Names.label(slug, labelEn, labelZh, language);
    }
  }

  /** An item tag a role links to, and whether this video carries it. */
  public record LinkedTag(String slug, String labelEn, String labelZh, double weight, boolean carried) {
    public String label(String language) {
      return Names.label(slug, labelEn, labelZh, language);
    }
  }

  /**
   * A tag with a robust effect in one of the video's segments that {@code carriedBy} of its
   * {@code neighbourCount} nearest neighbours carry and the video does not.
   */
  public record Lead(String tag, String labelEn, String labelZh, String segment, String outcome, double effectPp,
      double lowPp, double highPp, int carriedBy, int neighbourCount) {

    public String label(String language) {
      return Names.label(tag, labelEn, labelZh, language);
    }
  }

  public Optional<Tag> tag(String slug) {
    return tags.stream().filter(t -> t.slug().equals(slug)).findFirst();
  }

  /** The tag a text names by its slug or either label (as a writer may), however spaced or cased. */
  public Optional<Tag> tagNamed(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String key = NameIndex.normalise(name);
    return tags.stream().filter(t -> {
      for (String form : new String[] {t.slug(), t.labelEn(), t.labelZh()}) {
        if (form != null && NameIndex.normalise(form).equals(key)) {
          return true;
        }
      }
      return false;
    }).findFirst();
  }

  /** The estimated effect of a tag (by slug) on an outcome in a segment. */
  public Optional<Effect> effect(String slug, String segment, String outcome) {
    return effects.stream()
        .filter(f -> f.tag().equals(slug) && f.segment().equals(segment) && f.outcome().equals(outcome))
        .findFirst();
  }

  /**
   * The video's own segments, most exposures first: those its attributions cover, without the
   * pooled segment of all viewers.
   */
  public List<String> segments() {
    Map<String, Integer> exposures = new LinkedHashMap<>();
    for (Attribution a : attributions) {
      if (!a.segment().equals(ALL_VIEWERS)) {
        exposures.merge(a.segment(), a.exposures(), Math::max);
      }
    }
    List<String> out = new ArrayList<>(exposures.keySet());
    out.sort(Comparator.comparing((String s) -> -exposures.get(s)).thenComparing(s -> s));
    return out;
  }

  /** Every segment the evidence speaks of: the video's, and those of its attributions, effects and leads. */
  public List<String> namedSegments() {
    List<String> out = new ArrayList<>(segments());
    for (Attribution a : attributions) {
      if (!out.contains(a.segment())) {
        out.add(a.segment());
      }
    }
    for (Effect e : effects) {
      if (!out.contains(e.segment())) {
        out.add(e.segment());
      }
    }
    for (Lead l : leads) {
      if (!out.contains(l.segment())) {
        out.add(l.segment());
      }
    }
    return out;
  }
}
