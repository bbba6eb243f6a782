package io.tagcf.models.explanations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes an explanation from evidence with fixed sentences, in Chinese or English: the answer when no
 * LLM is configured or when the LLM's text fails verification. Deterministic, so the same evidence
 * always reads the same.
 *
 * <p>Drivers: the established effects of the video's tags in its segments (and over all viewers),
 * largest first, one per tag; when fewer than three are established, the best-scored tags' effects
 * in the video's main segment fill up, described as not established. Suggestions: tags with a
 * robust effect that similar videos carry and this one lacks, then keeping its best established
 * tag or rethinking its worst.
 */
public final class TemplateWriter {

  public static final String WRITER = "template";
  private static final int MIN_DRIVERS = 3;
  private static final int MAX_ROLES = 2;
  private static final int MAX_LINKED = 2;

  private final double sensitivityFloor;

  public TemplateWriter(double sensitivityFloor) {
    this.sensitivityFloor = sensitivityFloor;
  }

  public Explanation write(Evidence e, String language) {
    if (!"zh".equals(language) && !"en".equals(language)) {
      throw new IllegalArgumentException("language must be zh or en, got " + language);
    }
    TemplatePhrases say = TemplatePhrases.of(language);
    List<Evidence.Effect> drivers = drivers(e);
    List<Explanation.Driver> out = new ArrayList<>();
    for (Evidence.Effect f : drivers) {
      String tag = label(e, f.tag(), language);
      String text = f.established(sensitivityFloor)
          ? say.established(tag, f.outcome(), f.segment(), f.effectPp(), f.lowPp(), f.highPp())
          : say.notEstablished(tag, f.outcome(), f.segment(), f.effectPp(), f.lowPp(), f.highPp());
      out.add(new Explanation.Driver(f.tag(), f.segment(), f.outcome(), round(f.effectPp()), round(f.lowPp()),
          round(f.highPp()), text));
    }
    return new Explanation(language, summary(e, say), out, suggestions(e, say, language, drivers));
  }

  private String summary(Evidence e, TemplatePhrases say) {
    StringBuilder b = new StringBuilder();
    Evidence.Baseline baseline = e.baseline();
    if (baseline != null && baseline.video() != null && baseline.video().exposures() > 0) {
      b.append(say.metrics(e.snapshot().id(), baseline.video()));
      if (baseline.neighbours() != null && baseline.neighbourCount() > 0) {
        b.append(say.neighbours(baseline.neighbourCount(), baseline.neighbours()));
      }
    } else {
      b.append(say.noViews(e.snapshot().id()));
    }
    int established = establishedTags(e).size();
    if (established > 0) {
      b.append(say.establishedCount(established, e.tags().size()));
    } else if (!e.effects().isEmpty()) {
      b.append(say.noneEstablished());
    } else {
      b.append(say.noEstimates());
    }
    List<Evidence.Role> roles = e.audience().stream().limit(MAX_ROLES).toList();
    if (!roles.isEmpty()) {
      b.append(say.audience(roles));
      List<Evidence.LinkedTag> linked = roles.get(0).leadsTo().stream().limit(MAX_LINKED).toList();
      if (!linked.isEmpty()) {
        b.append(say.logic(roles.get(0), linked));
      }
    }
    return b.toString().strip();
  }

  /** The effects the drivers report, in order. */
  List<Evidence.Effect> drivers(Evidence e) {
    List<String> segments = new ArrayList<>(e.segments());
    segments.add(Evidence.ALL_VIEWERS);
    Set<String> videoTags = new HashSet<>();
    e.tags().forEach(t -> videoTags.add(t.slug()));
    List<Evidence.Effect> candidates = e.effects().stream()
        .filter(f -> videoTags.contains(f.tag()) && segments.contains(f.segment())).toList();
    List<Evidence.Effect> out = new ArrayList<>();
    Set<String> named = new LinkedHashSet<>();
    candidates.stream()
        .filter(f -> f.established(sensitivityFloor))
        .sorted(Comparator.comparingDouble((Evidence.Effect f) -> -Math.abs(f.effectPp()))
            .thenComparing(Evidence.Effect::tag).thenComparing(Evidence.Effect::segment)
            .thenComparing(Evidence.Effect::outcome))
        .forEach(f -> {
          if (out.size() < Explanation.MAX_DRIVERS && named.add(f.tag())) {
            out.add(f);
          }
        });
    for (Evidence.Tag t : e.tags()) {
      if (out.size() >= MIN_DRIVERS) {
        break;
      }
      if (named.contains(t.slug())) {
        continue;
      }
      candidates.stream()
          .filter(f -> f.tag().equals(t.slug()))
          .min(Comparator.comparingInt((Evidence.Effect f) -> segments.indexOf(f.segment()))
              .thenComparingDouble(f -> -Math.abs(f.effectPp())).thenComparing(Evidence.Effect::outcome))
          .ifPresent(f -> {
            out.add(f);
            named.add(f.tag());
          });
    }
    return out;
  }

  private List<Explanation.Suggestion> suggestions(Evidence e, TemplatePhrases say, String language,
      List<Evidence.Effect> drivers) {
    List<Explanation.Suggestion> out = new ArrayList<>();
    Set<String> suggested = new HashSet<>();
    e.leads().stream()
        .sorted(Comparator.comparingDouble((Evidence.Lead l) -> -l.effectPp()).thenComparing(Evidence.Lead::tag))
        .forEach(l -> {
          if (out.size() < Explanation.MAX_SUGGESTIONS - 1 && suggested.add(l.tag())) {
            out.add(new Explanation.Suggestion(l.tag(), say.lead(l, l.label(language))));
          }
        });
    List<Evidence.Effect> established = drivers.stream().filter(f -> f.established(sensitivityFloor)).toList();
    established.stream().filter(f -> f.effectPp() > 0).findFirst().ifPresent(f ->
        out.add(new Explanation.Suggestion(f.tag(), say.keep(label(e, f.tag(), language), f))));
    established.stream().filter(f -> f.effectPp() < 0).findFirst().ifPresent(f -> {
      if (out.size() < Explanation.MAX_SUGGESTIONS) {
        out.add(new Explanation.Suggestion(f.tag(), say.rethink(label(e, f.tag(), language), f)));
      }
    });
    if (out.isEmpty()) {
      out.add(new Explanation.Suggestion(null, say.gatherViews()));
    }
    return out.size() > Explanation.MAX_SUGGESTIONS ? out.subList(0, Explanation.MAX_SUGGESTIONS) : out;
  }

  private Set<String> establishedTags(Evidence e) {
    Set<String> out = new LinkedHashSet<>();
    for (Evidence.Effect f : e.effects()) {
      if (f.established(sensitivityFloor) && e.tag(f.tag()).isPresent()) {
        out.add(f.tag());
      }
    }
    return out;
  }

  private static String label(Evidence e, String slug, String language) {
    return e.tag(slug).map(t -> t.label(language)).orElse(slug);
  }

  /** A driver's numbers as the text states them: one decimal. */
  private static double round(double points) {
    return Math.round(points * 10) / 10.0;
  }
}
