package io.tagcf.activities.embedding;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.DimensionAwareEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.output.Response;
import io.tagcf.models.embedding.Embedder;
import io.tagcf.models.embedding.EmbeddingModelInfo;
import io.tagcf.models.embedding.UnitVectors;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * LangChain4j's in-process embedding models (same ONNX file, same tokenizer, same pooling) run
 * in true batches. LangChain4j's own model runs one session call per text; a padded batch tensor
 * does the same arithmetic in a fraction of the time, so this class is what the platform uses. It
 * is itself a LangChain4j {@code EmbeddingModel}, and a test holds its vectors equal to
 * LangChain4j's.
 *
 * <p>Texts longer than the model's 512-token window are truncated: callers put the most telling
 * text first (see {@code VideoText}).
 */
public final class OnnxEmbedder extends DimensionAwareEmbeddingModel implements Embedder, AutoCloseable {

  /** Largest number of texts that go through the network in one call. */
  public static final int DEFAULT_MAX_BATCH = 32;

  private static final int MAX_TOKENS = 512;

  private final OnnxModelSpec spec;
  private final OrtEnvironment environment;
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final boolean wantsTokenTypes;
  private final int maxBatch;

  private OnnxEmbedder(OnnxModelSpec spec, int intraOpThreads, int maxBatch) {
    this.spec = spec;
    this.maxBatch = maxBatch;
    this.environment = OrtEnvironment.getEnvironment();
    this.tokenizer = loadTokenizer(spec);
    // The tokenizer loads first and is closed if the session cannot be made: neither native
    // resource outlives a failed constructor.
    OrtSession created = null;
    try {
      created = createSession(environment, spec, intraOpThreads);
      this.wantsTokenTypes = created.getInputNames().contains("token_type_ids");
    } catch (OrtException | RuntimeException e) {
      closeAfterFailure(created, e);
      if (e instanceof OrtException) {
        throw new IllegalStateException("cannot load ONNX model " + spec.modelName(), e);
      }
      throw (RuntimeException) e;
    }
    this.session = created;
  }

  private void closeAfterFailure(OrtSession created, Exception failure) {
    try {
      if (created != null) {
        created.close();
      }
    } catch (OrtException | RuntimeException e) {
      failure.addSuppressed(e);
    } finally {
      tokenizer.close();
    }
  }

  private static HuggingFaceTokenizer loadTokenizer(OnnxModelSpec spec) {
    try (InputStream tok = resource(spec.tokenizerResource())) {
      return HuggingFaceTokenizer.newInstance(
          tok,
          Map.of(
              "padding", "true",
              "truncation", "true",
              "maxLength", Integer.toString(MAX_TOKENS),
              // A fixed locale: the default one could be Turkish, with its dotless i.
              "doLowerCase", spec.lowerCaseFirst() ? "en" : "false"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load tokenizer of " + spec.modelName() + ": " + e.getMessage(), e);
    }
  }

  private static OrtSession createSession(OrtEnvironment environment, OnnxModelSpec spec, int intraOpThreads)
      throws OrtException {
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      if (intraOpThreads > 0) {
        options.setIntraOpNumThreads(intraOpThreads);
      }
      return environment.createSession(readResource(spec.modelResource()), options);
    }
  }

  /** Loads the model with ONNX Runtime's default thread count and the default batch size. */
  public static OnnxEmbedder load(OnnxModelSpec spec) {
    return new OnnxEmbedder(spec, 0, DEFAULT_MAX_BATCH);
  }

  public static OnnxEmbedder load(OnnxModelSpec spec, int intraOpThreads, int maxBatch) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be >= 1: " + maxBatch);
    }
    return new OnnxEmbedder(spec, intraOpThreads, maxBatch);
  }

  @Override
  public EmbeddingModelInfo model() {
    return spec.info();
  }

  @Override
  public String modelName() {
    return spec.modelName();
  }

  @Override
  protected Integer knownDimension() {
    return spec.info().dimension();
  }

  @Override
  public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
    List<float[]> vectors = embedTexts(segments.stream().map(TextSegment::text).toList());
    return Response.from(vectors.stream().map(Embedding::from).toList());
  }

  @Override
  public List<float[]> embedBatch(List<String> texts) {
    return embedTexts(texts);
  }

  private List<float[]> embedTexts(List<String> texts) {
    for (int i = 0; i < texts.size(); i++) {
      if (texts.get(i) == null || texts.get(i).isBlank()) {
        throw new IllegalArgumentException("cannot embed empty text (index " + i + ")");
      }
    }
    // Texts of similar length go in the same batch, so that little of a batch is padding.
    Integer[] order = new Integer[texts.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingInt(i -> texts.get(i).length()));
    float[][] out = new float[texts.size()][];
    for (int from = 0; from < order.length; from += maxBatch) {
      int to = Math.min(order.length, from + maxBatch);
      List<String> batch = new ArrayList<>(to - from);
      for (int k = from; k < to; k++) {
        batch.add(texts.get(order[k]));
      }
      float[][] vectors = runBatch(batch);
      for (int k = from; k < to; k++) {
        out[order[k]] = vectors[k - from];
      }
    }
    return Arrays.asList(out);
  }

  private float[][] runBatch(List<String> batch) {
    Encoding[] encodings = tokenizer.batchEncode(batch);
    int rows = encodings.length;
    int cols = encodings[0].getIds().length;
    long[] ids = new long[rows * cols];
    long[] mask = new long[rows * cols];
    long[] types = new long[rows * cols];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(encodings[r].getIds(), 0, ids, r * cols, cols);
      System.arraycopy(encodings[r].getAttentionMask(), 0, mask, r * cols, cols);
      System.arraycopy(encodings[r].getTypeIds(), 0, types, r * cols, cols);
    }
    long[] shape = {rows, cols};
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try (OnnxTensor idsTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
        OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
        OnnxTensor typesTensor =
            OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape)) {
      inputs.put("input_ids", idsTensor);
      inputs.put("attention_mask", maskTensor);
      if (wantsTokenTypes) {
        inputs.put("token_type_ids", typesTensor);
      }
      try (OrtSession.Result result = session.run(inputs)) {
        float[][][] hidden = (float[][][]) result.get(0).getValue();
        float[][] vectors = new float[rows][];
        for (int r = 0; r < rows; r++) {
          vectors[r] = UnitVectors.normaliseInPlace(pool(hidden[r], encodings[r].getAttentionMask()));
        }
        return vectors;
      }
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX inference failed for " + spec.modelName(), e);
    }
  }

  private float[] pool(float[][] tokens, long[] mask) {
    if (spec.pooling() == PoolingMode.CLS) {
      return tokens[0].clone();
    }
    float[] mean = new float[tokens[0].length];
    int n = 0;
    for (int t = 0; t < tokens.length; t++) {
      if (mask[t] == 0) {
        continue;
      }
      n++;
      for (int j = 0; j < mean.length; j++) {
        mean[j] += tokens[t][j];
      }
    }
    for (int j = 0; j < mean.length; j++) {
      mean[j] /= Math.max(n, 1);
    }
    return mean;
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = OnnxEmbedder.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException("resource " + name + " is not on the class path");
    }
    return in;
  }

  private static byte[] readResource(String name) {
    try (InputStream in = resource(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException(e);
    } finally {
      tokenizer.close();
    }
  }
}
