package io.tagcf.activities.roles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.service.AiServices;
import io.tagcf.activities.SharedEmbedder;
import io.tagcf.activities.llm.ChatModels;
import io.tagcf.activities.llm.LlmProvider;
import io.tagcf.activities.llm.LlmSettings;
import io.tagcf.activities.llm.LogicAssistant;
import io.tagcf.activities.llm.ScriptedLlmServer;
import io.tagcf.activities.llm.ScriptedLlmServer.Reply;
import io.tagcf.activities.vocabulary.VocabularyBootstrap;
import io.tagcf.models.coverset.CoverSet;
import io.tagcf.models.logic.LlmLogicRequest;
import io.tagcf.models.logic.LogicDirection;
import io.tagcf.models.logic.LogicEdge;
import io.tagcf.models.logic.LogicRunSummary;
import io.tagcf.models.tags.TagKind;
import io.tagcf.models.tags.TagVocabulary;
import io.tagcf.store.Database;
import io.tagcf.store.TestDatabase;
import io.tagcf.store.coverset.CoverSetRepository;
import io.tagcf.store.logic.LogicEdgeRepository;
import io.tagcf.store.logic.StoredLogicEdge;
import io.tagcf.store.tags.TagRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The paper's logic prompts through the real OpenAI client against the scripted server, with the
 * generated phrases projected onto a real cover set in pgvector.
 */
class LlmLogicActivitiesTest {

  private static Database db;
  private static ScriptedLlmServer server;
  private static TagRepository tags;
  private static Map<String, Long> ids;
  private static List<String> progress;

  @BeforeAll
  static void setUp() throws Exception {
    db = TestDatabase.fresh();
    tags = new TagRepository(db.dataSource());
    new VocabularyBootstrap(tags, SharedEmbedder.get()).ensureLoaded(TagVocabulary.seed());
    server = new ScriptedLlmServer();
    ids = new java.util.HashMap<>();
    for (var t : tags.vocabularyVectors(SharedEmbedder.get().model().name())) {
      ids.put(t.entry().kind().wireName() + ":" + t.entry().id(), t.tagId());
    }
    CoverSetRepository covers = new CoverSetRepository(db.dataSource());
    covers.save(TagKind.AUDIENCE, 30, 0.99, cover("audience:new-parents", "audience:cat-lovers"));
    covers.save(TagKind.ITEM, 30, 0.99, cover("item:parenting-baby", "item:parenting-tips", "item:cats",
        "item:home-cooking", "item:street-food", "item:budget-travel"));
    progress = Collections.synchronizedList(new ArrayList<>());
  }

  private static CoverSet cover(String... keys) {
    List<Long> tagIds = new ArrayList<>();
    for (String k : keys) {
      tagIds.add(java.util.Objects.requireNonNull(ids.get(k), k));
    }
    return new CoverSet(tagIds, Collections.nCopies(tagIds.size(), 1), tagIds.size(), tagIds.size(), 1.0);
  }

  @AfterAll
  static void tearDown() {
    server.close();
    db.close();
  }

  @Test
  void generatedPhrasesAreProjectedOntoTheCoverSet() {
    server.script(c -> {
      String u = c.user();
      if (u.contains("\"new parents\"")) {
        return Reply.tags(List.of("baby care tips", "parenting advice", "newborn routines", "toddler activities",
            "family vlogs", "baby food recipes", "sleep training", "home safety"));
      }
      if (u.contains("\"cat lovers\"")) {
        return Reply.tags(List.of("funny cats", "kitten care", "cat toys", "cat behaviour", "pet grooming",
            "cat food reviews", "rescue cats", "cat cafes"));
      }
      if (u.contains("Potential Audience")) {
        return Reply.tags(List.of("new parents", "young families", "first-time mothers", "pregnant women",
            "grandparents", "nannies", "parents of toddlers", "family bloggers"));
      }
      return Reply.status(500, "{}");
    });
    LogicAssistant assistant = AiServices.builder(LogicAssistant.class)
        .chatModel(ChatModels.create(new LlmSettings(LlmProvider.OPENAI, server.openAiBaseUrl(), "k", "m",
            Duration.ofSeconds(5), 1, Duration.ofMillis(100), 2, 10)))
        .build();
    LogicEdgeRepository edges = new LogicEdgeRepository(db.dataSource());
    var activity = new LlmLogicActivitiesImpl(assistant, new CoverSetRepository(db.dataSource()), tags, edges,
        SharedEmbedder.get(), progress::add);

    LogicRunSummary summary = activity.generateLlmLogic(new LlmLogicRequest(20, 3, 0.6, 100));

    assertThat(summary.source()).isEqualTo("llm");
    assertThat(summary.u2iEdges()).isPositive();
    assertThat(summary.i2uEdges()).isPositive();
    assertThat(progress).last().isEqualTo("8/8");
    List<StoredLogicEdge> fromParents = edges.outgoing(ids.get("audience:new-parents"), 20);
    assertThat(fromParents).isNotEmpty();
    assertThat(fromParents.subList(0, Math.min(2, fromParents.size())))
        .extracting(StoredLogicEdge::otherSlug).containsAnyOf("parenting-baby", "parenting-tips");
    assertThat(fromParents).allSatisfy(e -> {
      assertThat(e.edge().direction()).isEqualTo(LogicDirection.U2I);
      assertThat(e.source().wireName()).isEqualTo("llm");
    });
    assertThat(fromParents.stream().mapToDouble(e -> e.edge().weight()).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    List<StoredLogicEdge> fromCats = edges.outgoing(ids.get("audience:cat-lovers"), 20);
    assertThat(fromCats.get(0).otherSlug()).isEqualTo("cats");
    // Every item tag's I2U edges point at audience tags of the cover set.
    List<LogicEdge> i2u = edges.from(LogicDirection.I2U, List.of(ids.get("item:parenting-baby")));
    assertThat(i2u).isNotEmpty().allSatisfy(e -> assertThat(e.targetTagId())
        .isIn(ids.get("audience:new-parents"), ids.get("audience:cat-lovers")));
    assertThat(i2u.stream().max(java.util.Comparator.comparingDouble(LogicEdge::weight)).orElseThrow().targetTagId())
        .isEqualTo(ids.get("audience:new-parents"));
  }
}
