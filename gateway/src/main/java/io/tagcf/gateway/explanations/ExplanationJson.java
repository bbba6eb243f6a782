package io.tagcf.gateway.explanations;

import io.tagcf.models.explanations.Evidence;
import io.tagcf.models.explanations.Explanation;
import io.tagcf.models.explanations.Verdict;
import io.tagcf.store.explanations.StoredExplanation;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** The explanation API's JSON, as the contract describes it: public fields and finding codes only. */
final class ExplanationJson {

  private ExplanationJson() {}

  static JsonObject explanation(StoredExplanation s) {
    Explanation x = s.explanation();
    Evidence e = s.evidence();
    JsonArray drivers = new JsonArray();
    for (Explanation.Driver d : x.drivers()) {
      // The LLM may name a driver's tag by a label; the evidence knows it by its slug.
      String slug = e.tagNamed(d.tag()).map(Evidence.Tag::slug).orElse(d.tag());
      Evidence.Effect effect = e.effect(slug, d.segment(), d.outcome()).orElse(null);
      drivers.add(new JsonObject()
          .put("tag", slug)
          .put("label", e.tag(slug).map(t -> t.label(s.language())).orElse(slug))
          .put("segment", d.segment())
          .put("outcome", d.outcome())
          .put("effectPp", d.effectPp())
          .put("lowPp", d.lowPp())
          .put("highPp", d.highPp())
          .put("established", effect != null && effect.robust())
          .put("text", d.text()));
    }
    JsonArray suggestions = new JsonArray();
    x.suggestions().forEach(g -> suggestions.add(new JsonObject().put("tag", g.tag()).put("text", g.text())));
    return new JsonObject()
        .put("videoId", s.videoId())
        .put("snapshotId", s.snapshotId())
        .put("language", s.language())
        .put("text", x.fullText())
        .put("summary", x.summary())
        .put("drivers", drivers)
        .put("suggestions", suggestions)
        .put("evidence", evidence(e))
        .put("writer", s.writer())
        .put("writerModel", s.writerModel())
        .put("promptVersion", s.promptVersion())
        .put("verdict", new JsonObject().put("passed", s.verdict().passed()).put("findings", codes(s.verdict().findings())))
        .put("llm", new JsonObject().put("outcome", s.llmOutcome()).put("findings", codes(s.llmFindings()))
            .put("failure", s.llmFailure()))
        .put("createdAt", s.createdAt().toString());
  }

  static JsonObject accepted(String videoId, long snapshotId, String language, String workflowId, String status) {
    return new JsonObject().put("videoId", videoId).put("snapshotId", snapshotId).put("language", language)
        .put("workflowId", workflowId).put("status", status);
  }

  private static JsonObject evidence(Evidence e) {
    JsonArray audience = new JsonArray();
    e.audience().forEach(r -> audience.add(r.slug()));
    return new JsonObject()
        .put("version", e.version())
        .put("windowStart", e.snapshot().windowStart())
        .put("windowEnd", e.snapshot().windowEnd())
        .put("segmentScheme", e.snapshot().segmentScheme())
        .put("segments", new JsonArray(e.segments()))
        .put("tags", e.tags().size())
        .put("effects", e.effects().size())
        .put("establishedEffects", e.effects().stream().filter(Evidence.Effect::robust).count())
        .put("attributions", e.attributions().size())
        .put("neighbours", e.baseline() == null ? 0 : e.baseline().neighbourCount())
        .put("audience", audience)
        .put("leads", e.leads().size());
  }

  private static JsonArray codes(List<Verdict.Finding> findings) {
    return new JsonArray(findings.stream().map(Verdict.Finding::code).distinct().toList());
  }
}
