package io.tagcf.bench;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import io.tagcf.activities.embedding.OnnxEmbedder;
import io.tagcf.activities.embedding.OnnxModelSpec;
import io.tagcf.models.video.VideoSubmission;
import io.tagcf.models.video.VideoText;
import io.tagcf.ops.demo.CorpusVideo;
import io.tagcf.ops.demo.SampleCorpus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tagcf bench embed}: texts/s of the platform's embedder against a plain ONNX Runtime
 * session on the same model file and tokenizer, at batch 1 and batch 32, over the video texts of
 * the bundled corpus. The contenders alternate within every round so that both see the same
 * machine conditions.
 */
@Command(name = "embed", mixinStandardHelpOptions = true,
    description = "Embedding throughput: TagCF's OnnxEmbedder vs a plain ONNX Runtime session (same model and tokenizer).")
final class EmbedBenchCommand implements Callable<Integer> {

  @Option(names = "--rounds", defaultValue = "5", description = "Measured rounds (default ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--texts", defaultValue = "256", description = "Texts per round (default ${DEFAULT-VALUE}).")
  int textCount;

  @Option(names = "--threads", defaultValue = "0",
      description = "ONNX intra-op threads for both contenders; 0 = ONNX Runtime's default (default ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--langchain4j", description = "Also time LangChain4j's own in-process model (per text).")
  boolean langchain4j;

  @Override
  public Integer call() throws Exception {
    if (rounds < 1 || textCount < 32) {
      throw new IllegalArgumentException("--rounds must be >= 1 and --texts >= 32");
    }
    List<String> texts = texts(textCount);
    OnnxModelSpec spec = OnnxModelSpec.DEFAULT;
    System.out.printf("model %s, %d video texts (mean %d chars), %d rounds, %d cores, threads=%s%n",
        spec.modelName(), texts.size(), texts.stream().mapToInt(String::length).sum() / texts.size(), rounds,
        Runtime.getRuntime().availableProcessors(), threads == 0 ? "ORT default" : threads);
    try (OnnxEmbedder ours = OnnxEmbedder.load(spec, threads, OnnxEmbedder.DEFAULT_MAX_BATCH);
        PlainOrtEmbedder plain = new PlainOrtEmbedder(spec, threads)) {
      BgeSmallZhV15QuantizedEmbeddingModel l4j = langchain4j ? new BgeSmallZhV15QuantizedEmbeddingModel() : null;
      for (int batch : new int[] {1, 32}) {
        List<List<String>> batches = partition(texts, batch);
        Timed oursRun = () -> batches.forEach(b -> {
          if (b.size() == 1) {
            ours.embedOne(b.get(0));
          } else {
            ours.embedBatch(b);
          }
        });
        Timed plainRun = () -> {
          for (List<String> b : batches) {
            plain.embed(b);
          }
        };
        oursRun.run();
        plainRun.run();
        double[] o = new double[rounds];
        double[] p = new double[rounds];
        double[] l = new double[rounds];
        for (int r = 0; r < rounds; r++) {
          o[r] = texts.size() / seconds(oursRun);
          p[r] = texts.size() / seconds(plainRun);
          if (l4j != null) {
            List<TextSegment> segments = texts.stream().map(t -> TextSegment.from(t.toLowerCase(Locale.ROOT))).toList();
            l[r] = texts.size() / seconds(() -> {
              if (batch == 1) {
                segments.forEach(s -> l4j.embed(s));
              } else {
                partition(segments, batch).forEach(l4j::embedAll);
              }
            });
          }
        }
        Measurement mo = new Measurement("TagCF OnnxEmbedder, batch " + batch, o);
        Measurement mp = new Measurement("plain ONNX Runtime session, batch " + batch, p);
        System.out.println(mo);
        System.out.println(mp);
        if (l4j != null) {
          System.out.println(new Measurement("LangChain4j in-process model, batch " + batch, l));
        }
        System.out.printf("ratio TagCF / plain at batch %d: %.2f%n", batch, mo.mean() / mp.mean());
      }
    }
    return 0;
  }

  @FunctionalInterface
  interface Timed {
    void run() throws Exception;
  }

  private static double seconds(Timed t) throws Exception {
    long t0 = System.nanoTime();
    t.run();
    return (System.nanoTime() - t0) / 1e9;
  }

  private static <T> List<List<T>> partition(List<T> all, int size) {
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += size) {
      out.add(all.subList(i, Math.min(all.size(), i + size)));
    }
    return out;
  }

  /** The texts the embedding activity really embeds: {@link VideoText} of corpus videos, repeated as needed. */
  static List<String> texts(int n) {
    List<CorpusVideo> corpus = SampleCorpus.bundled();
    List<String> out = new ArrayList<>(n);
    for (int i = 0; out.size() < n; i++) {
      var v = corpus.get(i % corpus.size()).upload();
      out.add(VideoText.of(new VideoSubmission("b", "c", v.path("title").asText(),
          v.path("description").asText(null), v.path("transcript").asText(null),
          v.path("coverText").asText(null), null, v.path("language").asText(null), null)));
    }
    return out;
  }
}
