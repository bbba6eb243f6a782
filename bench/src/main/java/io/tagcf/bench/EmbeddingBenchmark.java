package io.tagcf.bench;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import io.tagcf.activities.embedding.OnnxEmbedder;
import io.tagcf.activities.embedding.OnnxModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Texts per second of the platform's {@link OnnxEmbedder} against the baseline, a plain ONNX
 * Runtime session on the same model file and tokenizer ({@link PlainOrtEmbedder}), and for
 * reference LangChain4j's own in-process model (one session call per text). Each invocation embeds
 * the next {@value #TEXTS_PER_INVOCATION} video texts of the bundled corpus (what the embedding
 * activity really embeds), one by one at batch 1 or as one padded batch at batch 32, so the score
 * reads directly as texts/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EmbeddingBenchmark {

  static final int TEXTS_PER_INVOCATION = 32;
  private static final int CORPUS_TEXTS = 256;

  /** tagcf, plain-ort or langchain4j. */
  @Param({"tagcf", "plain-ort"})
  public String contender;

  @Param({"1", "32"})
  public int batch;

  /** ONNX Runtime intra-op threads for both ONNX contenders; 0 keeps ONNX Runtime's default. */
  @Param({"0"})
  public int threads;

  private List<List<String>> chunks;
  private int next;
  private OnnxEmbedder tagcf;
  private PlainOrtEmbedder plain;
  private BgeSmallZhV15QuantizedEmbeddingModel langchain4j;

  @Setup(Level.Trial)
  public void load() throws Exception {
    if (batch != 1 && batch != TEXTS_PER_INVOCATION) {
      throw new IllegalArgumentException("batch must be 1 or " + TEXTS_PER_INVOCATION);
    }
    List<String> texts = BenchCorpus.videoTexts(CORPUS_TEXTS);
    chunks = new ArrayList<>();
    for (int i = 0; i < texts.size(); i += TEXTS_PER_INVOCATION) {
      chunks.add(texts.subList(i, i + TEXTS_PER_INVOCATION));
    }
    OnnxModelSpec spec = OnnxModelSpec.DEFAULT;
    switch (contender) {
      case "tagcf" -> tagcf = OnnxEmbedder.load(spec, threads, OnnxEmbedder.DEFAULT_MAX_BATCH);
      case "plain-ort" -> plain = new PlainOrtEmbedder(spec, threads);
      case "langchain4j" -> langchain4j = new BgeSmallZhV15QuantizedEmbeddingModel();
      default -> throw new IllegalArgumentException("unknown contender " + contender);
    }
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    if (tagcf != null) {
      tagcf.close();
    }
    if (plain != null) {
      plain.close();
    }
  }

  @Benchmark
  @OperationsPerInvocation(TEXTS_PER_INVOCATION)
  public void embed(Blackhole sink) throws Exception {
    List<String> chunk = chunks.get(next);
    next = (next + 1) % chunks.size();
    if (batch == 1) {
      for (String text : chunk) {
        sink.consume(embedOne(text));
      }
    } else {
      sink.consume(embedAll(chunk));
    }
  }

  private Object embedOne(String text) throws Exception {
    return switch (contender) {
      case "tagcf" -> tagcf.embedOne(text);
      case "plain-ort" -> plain.embed(List.of(text));
      default -> langchain4j.embed(TextSegment.from(text.toLowerCase(Locale.ROOT)));
    };
  }

  private Object embedAll(List<String> texts) throws Exception {
    return switch (contender) {
      case "tagcf" -> tagcf.embedBatch(texts);
      case "plain-ort" -> plain.embed(texts);
      default -> langchain4j.embedAll(texts.stream().map(t -> TextSegment.from(t.toLowerCase(Locale.ROOT))).toList());
    };
  }
}
