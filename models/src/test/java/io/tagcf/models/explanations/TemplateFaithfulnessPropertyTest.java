package io.tagcf.models.explanations;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.models.effects.CellEstimate;
import io.tagcf.models.effects.CellStatus;
import io.tagcf.models.effects.EffectSettings;
import io.tagcf.models.effects.TagEffectEstimator;
import io.tagcf.models.effects.TagEffects;
import io.tagcf.models.effects.VideoAttribution;
import io.tagcf.models.effects.VideoDesign;
import io.tagcf.models.interactions.Outcome;
import io.tagcf.models.simulation.SimulatedStudy;
import io.tagcf.models.simulation.SimulationConfig;
import io.tagcf.models.simulation.StudyDesign;
import io.tagcf.models.tags.TagKind;
import io.tagcf.models.tags.TagVocabulary;
import io.tagcf.models.tags.VocabularyEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The template writer's text passes the verifier for every video of a simulated world with known
 * effects, in both languages: evidence built the way the platform builds it (estimator cells and
 * attributions of the snapshot, observed rates, neighbours of the same category, roles and their
 * logic-graph links, leads), with the seed vocabulary's real names on the simulated tags and every
 * other vocabulary name counting as an invented tag.
 */
class TemplateFaithfulnessPropertyTest {

  private static final int NEIGHBOURS = 10;
  private static final double FLOOR = EffectSettings.defaults(1).sensitivityFloor();
  private static final List<Evidence> RECORDS = new ArrayList<>();
  private static List<String> vocabularyNames;

  @BeforeAll
  static void simulate() {
    SimulationConfig config = new SimulationConfig(2_000, 40_000, 600_000, 15, 4, 31);
    SimulatedStudy study = SimulatedStudy.simulate(config, 2);
    VideoDesign design = StudyDesign.of(study);
    TagEffectEstimator estimator = new TagEffectEstimator(design, EffectSettings.defaults(3));
    List<CellEstimate> cells = new ArrayList<>();
    Map<String, List<VideoAttribution>> attributions = new HashMap<>();
    for (int t = 0; t < design.tagCount(); t++) {
      TagEffects effects = estimator.estimate(t);
      cells.addAll(effects.cells());
      for (VideoAttribution a : effects.attributions()) {
        attributions.computeIfAbsent(a.videoId(), k -> new ArrayList<>()).add(a);
      }
    }
    TagVocabulary vocabulary = TagVocabulary.seed();
    List<VocabularyEntry> items = vocabulary.ofKind(TagKind.ITEM);
    List<VocabularyEntry> roles = vocabulary.ofKind(TagKind.AUDIENCE);
    vocabularyNames = new ArrayList<>();
    for (VocabularyEntry v : vocabulary.entries()) {
      vocabularyNames.addAll(List.of(v.id(), v.en(), v.zh()));
    }
    Map<Long, String> slugs = new HashMap<>();
    for (int t = 0; t < design.tagCount(); t++) {
      slugs.put(design.tagId(t), items.get(t * 7).id());
    }
    var snapshot = new Evidence.Snapshot(42, "2026-01-01", "2026-01-31", "age_band,city_tier",
        design.segments().stream().filter(s -> !s.equals(VideoDesign.ALL_SEGMENTS)).toList());
    SplittableRandom random = new SplittableRandom(5);
    for (int v = 0; v < design.videoCount(); v++) {
      String id = design.videoId(v);
      List<Evidence.Tag> tags = new ArrayList<>();
      for (int t = 0; t < design.tagCount(); t++) {
        if (design.carries(v, t)) {
          VocabularyEntry entry = items.get(t * 7);
          tags.add(new Evidence.Tag(entry.id(), "item", entry.en(), entry.zh(), entry.category(),
              0.5 + 0.5 * random.nextDouble(), "offline", null, null));
        }
      }
      List<Integer> neighbours = neighbours(design, study, v);
      Evidence.Baseline baseline = new Evidence.Baseline(metrics(design, List.of(v)), metrics(design, neighbours),
          neighbours.size());
      List<Evidence.Role> audience = new ArrayList<>();
      for (int r = 0; r < random.nextInt(3); r++) {
        VocabularyEntry role = roles.get(random.nextInt(roles.size()));
        VocabularyEntry linked = items.get(random.nextInt(items.size()));
        audience.add(new Evidence.Role(role.id(), role.en(), role.zh(), 10 + 40 * random.nextDouble(),
            List.of(new Evidence.LinkedTag(linked.id(), linked.en(), linked.zh(), random.nextDouble(), false))));
      }
      String title = v % 3 == 0 ? EvidenceFixtures.INJECTION_TITLE : "video " + id;
      List<VideoAttribution> mine = attributions.getOrDefault(id, List.of());
      RECORDS.add(EvidenceFacts.assemble(id, title, v % 2 == 0 ? "zh" : "en", snapshot, tags, slugs, cells, mine,
          baseline, audience, leads(design, v, neighbours, cells, mine, slugs, items)));
    }
  }

  @Test
  void theTemplatesTextPassesTheVerifierForEveryVideoInBothLanguages() {
    FaithfulnessVerifier verifier = new FaithfulnessVerifier(FLOOR, vocabularyNames);
    TemplateWriter writer = new TemplateWriter(FLOOR);
    int texts = 0;
    int causal = 0;
    int notEstablished = 0;
    int withLeads = 0;
    for (Evidence e : RECORDS) {
      for (String language : List.of("en", "zh")) {
        Explanation x = writer.write(e, language);
        Verdict verdict = verifier.verify(x, e);
        assertThat(verdict.findings()).as("%s %s:%n%s", e.videoId(), language, x.fullText()).isEmpty();
        texts++;
        for (Explanation.Driver d : x.drivers()) {
          boolean established = e.effects().stream().anyMatch(f -> f.tag().equals(d.tag())
              && f.segment().equals(d.segment()) && f.outcome().equals(d.outcome()) && f.established(FLOOR));
          causal += established ? 1 : 0;
          notEstablished += established ? 0 : 1;
        }
        withLeads += e.leads().isEmpty() ? 0 : 1;
      }
    }
    // The world must exercise every kind of sentence, or passing says little.
    assertThat(texts).isEqualTo(4_000);
    assertThat(causal).isGreaterThan(1_000);
    assertThat(notEstablished).isGreaterThan(1_000);
    assertThat(withLeads).isGreaterThan(200);
  }

  @Test
  void theVerifierRejectsTheTemplateOnceANumberIsChanged() {
    // The same texts with one effect's number moved by a tenth of a point no longer pass.
    FaithfulnessVerifier verifier = new FaithfulnessVerifier(FLOOR, vocabularyNames);
    TemplateWriter writer = new TemplateWriter(FLOOR);
    int tried = 0;
    for (Evidence e : RECORDS.subList(0, 400)) {
      Explanation x = writer.write(e, "en");
      if (x.drivers().isEmpty()) {
        continue;
      }
      Explanation.Driver d = x.drivers().get(0);
      String shown = TemplateNumbers.pp(Math.abs(d.effectPp()));
      String wrong = TemplateNumbers.pp(Math.abs(d.effectPp()) + 0.7);
      String text = d.text().replaceFirst("by " + java.util.regex.Pattern.quote(shown) + " percentage",
          "by " + wrong + " percentage");
      if (text.equals(d.text()) || anyEffectNear(e, Math.abs(d.effectPp()) + 0.7)) {
        continue;
      }
      List<Explanation.Driver> drivers = new ArrayList<>(x.drivers());
      drivers.set(0, new Explanation.Driver(d.tag(), d.segment(), d.outcome(), d.effectPp(), d.lowPp(), d.highPp(), text));
      Verdict verdict = verifier.verify(new Explanation("en", x.summary(), drivers, x.suggestions()), e);
      assertThat(verdict.codes()).as(text).contains("number");
      tried++;
    }
    assertThat(tried).isGreaterThan(100);
  }

  private static boolean anyEffectNear(Evidence e, double value) {
    List<Double> all = new ArrayList<>();
    e.effects().forEach(f -> all.addAll(List.of(f.effectPp(), f.lowPp(), f.highPp())));
    e.attributions().forEach(a -> all.addAll(List.of(a.effectPp(), a.lowPp(), a.highPp(), a.observedPct() - a.withoutPct())));
    e.leads().forEach(l -> all.addAll(List.of(l.effectPp(), l.lowPp(), l.highPp())));
    if (e.baseline() != null && e.baseline().video() != null && e.baseline().neighbours() != null) {
      for (String o : List.of("click", "completion", "like")) {
        all.add(e.baseline().video().ratePct(o) - e.baseline().neighbours().ratePct(o));
      }
    }
    return all.stream().anyMatch(x -> Math.abs(Math.abs(x) - value) <= 0.051);
  }

  /** The next videos of the same category: a stand-in for embedding neighbours. */
  private static List<Integer> neighbours(VideoDesign design, SimulatedStudy study, int video) {
    List<Integer> out = new ArrayList<>();
    int category = category(design, study, video);
    for (int step = 1; step < design.videoCount() && out.size() < NEIGHBOURS; step++) {
      int other = (video + step) % design.videoCount();
      if (category(design, study, other) == category) {
        out.add(other);
      }
    }
    return out;
  }

  private static int category(VideoDesign design, SimulatedStudy study, int video) {
    return study.world().videoCategory(Integer.parseInt(design.videoId(video).substring(1)));
  }

  private static Evidence.Metrics metrics(VideoDesign design, List<Integer> videos) {
    long exposures = 0;
    long[] successes = new long[Outcome.values().length];
    int segments = design.segments().size();
    for (int v : videos) {
      for (int s = 0; s < segments; s++) {
        if (design.segments().get(s).equals(VideoDesign.ALL_SEGMENTS)) {
          continue;
        }
        exposures += design.exposures(s, v);
        for (Outcome o : Outcome.values()) {
          successes[o.ordinal()] += design.successes(o, s, v);
        }
      }
    }
    return EvidenceFacts.metrics(exposures, successes[0], successes[1], successes[2]);
  }

  private static List<Evidence.Lead> leads(VideoDesign design, int video, List<Integer> neighbours,
      List<CellEstimate> cells, List<VideoAttribution> attributions, Map<Long, String> slugs,
      List<VocabularyEntry> items) {
    if (attributions.isEmpty()) {
      return List.of();
    }
    String segment = attributions.stream().filter(a -> !a.segment().equals(Evidence.ALL_VIEWERS))
        .max(java.util.Comparator.comparingInt(VideoAttribution::exposures))
        .map(VideoAttribution::segment).orElse(Evidence.ALL_VIEWERS);
    List<Evidence.Lead> out = new ArrayList<>();
    for (CellEstimate c : cells) {
      int t = (int) c.tagId();
      if (c.status() != CellStatus.ESTIMATED || !c.robust() || c.aipw().estimate() <= 0 || !c.segment().equals(segment)
          || design.carries(video, t)) {
        continue;
      }
      int carriedBy = (int) neighbours.stream().filter(n -> design.carries(n, t)).count();
      if (carriedBy >= 2) {
        VocabularyEntry entry = items.get(t * 7);
        out.add(EvidenceFacts.lead(slugs.get(c.tagId()), entry.en(), entry.zh(), c, carriedBy, neighbours.size()));
      }
    }
    return out;
  }
}
