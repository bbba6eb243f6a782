package io.tagcf.activities.roles;

import io.tagcf.activities.llm.LlmFailure;
import io.tagcf.activities.llm.LlmFailureClassifier;
import io.tagcf.activities.llm.LogicAssistant;
import io.tagcf.activities.llm.TagListReply;
import io.tagcf.activities.llm.TemporalLlmFailures;
import io.tagcf.models.embedding.Embedder;
import io.tagcf.models.logic.LlmLogicRequest;
import io.tagcf.models.logic.LogicDirection;
import io.tagcf.models.logic.LogicEdge;
import io.tagcf.models.logic.LogicRunSummary;
import io.tagcf.models.tagging.llm.TagReplyCheck;
import io.tagcf.models.tagging.llm.TagReplyValidator;
import io.tagcf.models.tags.TagKind;
import io.tagcf.store.coverset.CoverSetRepository;
import io.tagcf.store.logic.LogicEdgeRepository;
import io.tagcf.store.logic.LogicSource;
import io.tagcf.store.tags.TagMatch;
import io.tagcf.store.tags.TagRepository;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For each cover-set role tag, the U2I prompt names eight kinds of content; for each cover-set
 * item tag, the I2U prompt names eight audiences. Generated phrases rarely match a tag, so each
 * is projected onto the nearest cover-set tags of the target kind by label embedding (pgvector);
 * a target's weight is the sum over phrases of similarity × rank weight, normalised over the
 * top-b targets of the source so that weights read as P(target | source).
 *
 * <p>Progress ("done/total") goes to {@code progress}: the worker passes the activity heartbeat,
 * which also lets Temporal notice a stuck run.
 *
 * <p>A source whose reply fails validation is skipped and counted, not retried: one bad reply
 * must not throw away hundreds of good ones. If most replies fail the activity fails and
 * Temporal retries it.
 */
public final class LlmLogicActivitiesImpl implements LlmLogicActivities {

  private static final Logger log = LoggerFactory.getLogger(LlmLogicActivitiesImpl.class);

  private final LogicAssistant assistant;
  private final CoverSetRepository coverSets;
  private final TagRepository tags;
  private final LogicEdgeRepository edges;
  private final Embedder embedder;
  private final Consumer<String> progress;
  private final TagReplyValidator validator =
      new TagReplyValidator(new TagReplyValidator.Limits(4, 12, 8, 40));

  public LlmLogicActivitiesImpl(
      LogicAssistant assistant, CoverSetRepository coverSets, TagRepository tags,
      LogicEdgeRepository edges, Embedder embedder, Consumer<String> progress) {
    this.assistant = assistant;
    this.progress = progress;
    this.coverSets = coverSets;
    this.tags = tags;
    this.edges = edges;
    this.embedder = embedder;
  }

  @Override
  public LogicRunSummary generateLlmLogic(LlmLogicRequest r) {
    List<Long> roles = limit(coverSets.latestMembers(TagKind.AUDIENCE), r.maxSourcesPerDirection());
    List<Long> items = limit(coverSets.latestMembers(TagKind.ITEM), r.maxSourcesPerDirection());
    if (roles.isEmpty() || items.isEmpty()) {
      return new LogicRunSummary(LogicSource.LLM.wireName(), 0, 0);
    }
    Map<Long, String> labels = tags.labels(concat(roles, items));
    List<LogicEdge> out = new ArrayList<>();
    int[] failures = {0};
    int[] done = {0};
    int total = roles.size() + items.size();
    for (long role : roles) {
      out.addAll(edgesFrom(role, LogicDirection.U2I, labels.get(role), items, r, failures));
      progress.accept(++done[0] + "/" + total);
    }
    for (long item : items) {
      out.addAll(edgesFrom(item, LogicDirection.I2U, labels.get(item), roles, r, failures));
      progress.accept(++done[0] + "/" + total);
    }
    if (failures[0] * 2 > total) {
      throw ApplicationFailure.newFailure(
          "LLM logic generation failed for " + failures[0] + " of " + total + " tags",
          LlmFailure.Kind.INVALID_REPLY.typeName());
    }
    edges.replace(LogicSource.LLM, out);
    log.info("LLM logic graph: {} edges from {} source tags ({} skipped)", out.size(), total, failures[0]);
    return new LogicRunSummary(LogicSource.LLM.wireName(),
        (int) out.stream().filter(e -> e.direction() == LogicDirection.U2I).count(),
        (int) out.stream().filter(e -> e.direction() == LogicDirection.I2U).count());
  }

  private List<LogicEdge> edgesFrom(
      long source, LogicDirection direction, String label, List<Long> targets, LlmLogicRequest r, int[] failures) {
    String quoted = "\"" + label.replace("\"", "'").replace("\n", " ") + "\"";
    List<String> phrases;
    try {
      TagListReply reply = direction == LogicDirection.U2I
          ? assistant.preferencesOf(quoted) : assistant.audiencesOf(quoted);
      TagReplyCheck check = validator.check(reply == null ? null : reply.tags(), false, "");
      if (!check.valid()) {
        failures[0]++;
        return List.of();
      }
      phrases = check.accepted();
    } catch (RuntimeException e) {
      LlmFailure f = LlmFailureClassifier.classify(e);
      if (!f.retryable()) {
        throw TemporalLlmFailures.toApplicationFailure(f);
      }
      failures[0]++;
      return List.of();
    }
    Map<Long, Double> score = new HashMap<>();
    List<float[]> vectors = embedder.embedBatch(phrases);
    for (int i = 0; i < phrases.size(); i++) {
      double rankWeight = 1.0 - 0.5 * i / phrases.size();
      for (TagMatch m : tags.nearestAmong(embedder.model().name(), vectors.get(i), targets, r.projectionsPerOutput())) {
        if (m.similarity() >= r.minSimilarity() && m.tagId() != source) {
          score.merge(m.tagId(), m.similarity() * rankWeight, Double::sum);
        }
      }
    }
    List<Map.Entry<Long, Double>> top = score.entrySet().stream()
        .sorted(Map.Entry.<Long, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(r.topB())
        .toList();
    double sum = top.stream().mapToDouble(Map.Entry::getValue).sum();
    List<LogicEdge> out = new ArrayList<>(top.size());
    for (Map.Entry<Long, Double> e : top) {
      out.add(new LogicEdge(source, e.getKey(), direction, e.getValue() / sum, 0, 0));
    }
    out.sort(Comparator.comparingDouble(LogicEdge::weight).reversed());
    return out;
  }

  private static List<Long> limit(List<Long> ids, int max) {
    return ids.subList(0, Math.min(max, ids.size()));
  }

  private static List<Long> concat(List<Long> a, List<Long> b) {
    List<Long> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
