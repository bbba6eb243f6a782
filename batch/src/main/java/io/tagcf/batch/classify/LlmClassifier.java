package io.tagcf.batch.classify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.service.AiServices;
import io.tagcf.activities.llm.ChatModels;
import io.tagcf.activities.llm.LlmReplyRejectedException;
import io.tagcf.activities.llm.LlmSettings;
import io.tagcf.batch.ProblemReport;
import io.tagcf.batch.Progress;
import io.tagcf.batch.llm.LlmGaveUpException;
import io.tagcf.batch.llm.LlmRefusedException;
import io.tagcf.batch.llm.RetryingLlmCaller;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Classification by the LLM at temperature 0: one call per text, {@code TAGCF_LLM_CONCURRENCY} at
 * a time, under the {@link RetryingLlmCaller}. A reply naming no given label is rejected and retried
 * like any invalid reply; when a text still gets no valid label, the embedding method labels it
 * and stderr says so (the output line format has no room for a reason).
 */
public final class LlmClassifier implements Classifier {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ClassifyAssistant assistant;
  private final RetryingLlmCaller calls;
  private final LabelSet labels;
  private final LlmSettings settings;
  private final Supplier<EmbeddingClassifier> fallback;
  private final ProblemReport problems;
  private final boolean progress;
  private int fallbacks;
  /** Set when the LLM refused: the run is over, and what the other threads then hit is noise. */
  private final AtomicBoolean stopped = new AtomicBoolean();

  public LlmClassifier(LlmSettings settings, LabelSet labels, Supplier<EmbeddingClassifier> fallback, ProblemReport problems,
                boolean progress) {
    this.assistant = AiServices.builder(ClassifyAssistant.class).chatModel(ChatModels.create(settings)).build();
    this.calls = RetryingLlmCaller.of(settings);
    this.labels = labels;
    this.settings = settings;
    this.fallback = fallback;
    this.problems = problems;
    this.progress = progress;
  }

  @Override
  public List<Prediction> classify(List<TextItem> items) throws InterruptedException {
    String labelLines = String.join("\n", labels.labels().stream()
        .map(l -> l.description() == null ? l.name() : l.name() + ": " + l.description()).toList());
    ExecutorService pool = Executors.newFixedThreadPool(settings.concurrency(), r -> {
      Thread t = new Thread(r, "tagcf-classify");
      t.setDaemon(true);
      return t;
    });
    try (Progress bar = Progress.of("classify", items.size(), progress)) {
      List<Future<Prediction>> futures = new ArrayList<>(items.size());
      for (TextItem item : items) {
        futures.add(pool.submit(() -> {
          try {
            return one(item, labelLines);
          } finally {
            bar.step();
          }
        }));
      }
      List<Prediction> out = new ArrayList<>(items.size());
      for (Future<Prediction> f : futures) {
        try {
          out.add(f.get());
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException r) {
            throw r;
          }
          throw new IllegalStateException(e.getCause());
        }
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private Prediction one(TextItem item, String labelLines) {
    if (stopped.get()) {
      throw new CancellationException();
    }
    try {
      return calls.call(() -> {
        LabelChoice choice = assistant.classify(labelLines, payload(item.text()));
        return labels.find(choice == null || choice.label() == null ? "" : choice.label())
            .map(l -> new Prediction(l, null))
            .orElseThrow(() -> new LlmReplyRejectedException(List.of("the label is not one of the given labels")));
      });
    } catch (LlmRefusedException e) {
      stopped.set(true);
      throw e;
    } catch (LlmGaveUpException e) {
      if (stopped.get()) {
        throw new CancellationException();
      }
      synchronized (this) {
        fallbacks++;
      }
      problems.report(item.where() + " (id " + item.id().asText() + "): no valid label from the LLM ("
          + e.getMessage() + "); labelled by embedding");
      return fallback.get().classifyOne(item.text());
    }
  }

  public synchronized int fallbacks() {
    return fallbacks;
  }

  /** The text as a JSON value, so quotes and line breaks cannot end the data block. */
  private static String payload(String text) {
    try {
      return JSON.writeValueAsString(Map.of("text", text.replace("<<<TEXT_DATA", "").replace("TEXT_DATA>>>", "")));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String description() {
    return "llm (" + settings.provider().wireName() + " " + settings.model() + ", prompt "
        + ClassifyAssistant.PROMPT_VERSION + ")";
  }
}
