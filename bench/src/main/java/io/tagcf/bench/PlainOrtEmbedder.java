package io.tagcf.bench;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.tagcf.activities.embedding.OnnxModelSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's baseline: the same model file and tokenizer through a plain ONNX Runtime
 * session with default options, the textbook way (tokenize the batch padded, one run, CLS or
 * mean pooling, normalise). No sorting, no tuning.
 */
final class PlainOrtEmbedder implements AutoCloseable {

  private final OrtEnvironment env = OrtEnvironment.getEnvironment();
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final OnnxModelSpec spec;

  /** {@code threads} 0 keeps ONNX Runtime's default; otherwise the same intra-op count as ours. */
  PlainOrtEmbedder(OnnxModelSpec spec, int threads) throws OrtException, IOException {
    this.spec = spec;
    try (InputStream model = resource(spec.modelResource());
        InputStream tok = resource(spec.tokenizerResource());
        OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      if (threads > 0) {
        options.setIntraOpNumThreads(threads);
      }
      this.session = env.createSession(model.readAllBytes(), options);
      this.tokenizer = HuggingFaceTokenizer.newInstance(tok, Map.of(
          "padding", "true", "truncation", "true", "maxLength", "512",
          "doLowerCase", spec.lowerCaseFirst() ? "en" : "false"));
    }
  }

  float[][] embed(List<String> texts) throws OrtException {
    Encoding[] enc = tokenizer.batchEncode(texts);
    int rows = enc.length;
    int cols = enc[0].getIds().length;
    long[] ids = new long[rows * cols];
    long[] mask = new long[rows * cols];
    long[] types = new long[rows * cols];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(enc[r].getIds(), 0, ids, r * cols, cols);
      System.arraycopy(enc[r].getAttentionMask(), 0, mask, r * cols, cols);
      System.arraycopy(enc[r].getTypeIds(), 0, types, r * cols, cols);
    }
    long[] shape = {rows, cols};
    Map<String, OnnxTensor> in = new HashMap<>();
    try (OnnxTensor a = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
        OnnxTensor b = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
        OnnxTensor c = OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape)) {
      in.put("input_ids", a);
      in.put("attention_mask", b);
      if (session.getInputNames().contains("token_type_ids")) {
        in.put("token_type_ids", c);
      }
      try (OrtSession.Result result = session.run(in)) {
        float[][][] hidden = (float[][][]) result.get(0).getValue();
        float[][] out = new float[rows][];
        for (int r = 0; r < rows; r++) {
          float[] v = hidden[r][0].clone();
          if (spec.pooling() == dev.langchain4j.model.embedding.onnx.PoolingMode.MEAN) {
            v = new float[hidden[r][0].length];
            int n = 0;
            for (int t = 0; t < cols; t++) {
              if (mask[r * cols + t] == 1) {
                n++;
                for (int j = 0; j < v.length; j++) {
                  v[j] += hidden[r][t][j];
                }
              }
            }
            for (int j = 0; j < v.length; j++) {
              v[j] /= n;
            }
          }
          double norm = 0;
          for (float x : v) {
            norm += x * x;
          }
          for (int j = 0; j < v.length; j++) {
            v[j] /= (float) Math.sqrt(norm);
          }
          out[r] = v;
        }
        return out;
      }
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = PlainOrtEmbedder.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException("missing resource " + name);
    }
    return in;
  }

  @Override
  public void close() throws OrtException {
    session.close();
    tokenizer.close();
  }
}
