package io.tagcf.activities.embedding;

import dev.langchain4j.model.embedding.onnx.PoolingMode;
import io.tagcf.models.embedding.EmbeddingModelInfo;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The in-process embedding models LangChain4j packages, with the resource names of their ONNX
 * file and tokenizer inside LangChain4j's model jars and the pooling each was trained with.
 */
public enum OnnxModelSpec {
  /**
   * The tokenizer packaged with this model does not lower-case, but its vocabulary has no
   * upper-case English word pieces: "SELECT", "HIIT" and "Python" all became the same unknown
   * token. Lower-casing first, as the original model's tokenizer does, keeps them apart.
   */
  BGE_SMALL_ZH_V15_Q(
      "bge-small-zh-v15-q", 512, "bge-small-zh-v1.5-q.onnx", "bge-small-zh-v1.5-q-tokenizer.json",
      PoolingMode.CLS, true),
  BGE_SMALL_EN_V15_Q(
      "bge-small-en-v15-q", 384, "bge-small-en-v1.5-q.onnx", "bge-small-en-v1.5-q-tokenizer.json",
      PoolingMode.CLS, false),
  ALL_MINILM_L6_V2_Q(
      "all-minilm-l6-v2-q", 384, "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json",
      PoolingMode.MEAN, false);

  public static final OnnxModelSpec DEFAULT = BGE_SMALL_ZH_V15_Q;

  private final String modelName;
  private final int dimension;
  private final String modelResource;
  private final String tokenizerResource;
  private final PoolingMode pooling;
  private final boolean lowerCaseFirst;

  OnnxModelSpec(
      String modelName, int dimension, String modelResource, String tokenizerResource,
      PoolingMode pooling, boolean lowerCaseFirst) {
    this.modelName = modelName;
    this.dimension = dimension;
    this.modelResource = modelResource;
    this.tokenizerResource = tokenizerResource;
    this.pooling = pooling;
    this.lowerCaseFirst = lowerCaseFirst;
  }

  /** True when text must be lower-cased before the packaged tokenizer sees it. */
  public boolean lowerCaseFirst() {
    return lowerCaseFirst;
  }

  public EmbeddingModelInfo info() {
    return new EmbeddingModelInfo(modelName, dimension);
  }

  public String modelName() {
    return modelName;
  }

  public String modelResource() {
    return modelResource;
  }

  public String tokenizerResource() {
    return tokenizerResource;
  }

  public PoolingMode pooling() {
    return pooling;
  }

  /** Looks a model up by its configured name ({@code TAGCF_EMBEDDING_MODEL}). */
  public static OnnxModelSpec byName(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(m -> m.modelName.equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown embedding model '" + name + "'; choose one of "
                        + Arrays.stream(values())
                            .map(OnnxModelSpec::modelName)
                            .collect(Collectors.joining(", "))));
  }
}
