package io.tagcf.activities.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import io.tagcf.models.embedding.UnitVectors;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OnnxEmbedderTest {

  private static OnnxEmbedder embedder;

  @BeforeAll
  static void load() {
    embedder = OnnxEmbedder.load(OnnxModelSpec.BGE_SMALL_ZH_V15_Q);
  }

  @AfterAll
  static void close() {
    embedder.close();
  }

  private static final List<String> TEXTS =
      List.of(
          "家常红烧肉的做法，肥而不腻，入口即化",
          "How to train your puppy to sit in five minutes",
          "猫",
          "Budget backpacking through Yunnan: 7 days, 2000 yuan, rice noodles every morning and"
              + " the slow trains between Kunming, Dali and Lijiang.",
          "周末去露营，搭帐篷、煮咖啡、看星星");

  /** Same model file, same tokenizer, same pooling: the same vectors (for lower-case text, see below). */
  @Test
  void singleTextVectorsEqualLangChain4jsOwnModel() {
    EmbeddingModel reference = new BgeSmallZhV15QuantizedEmbeddingModel();
    for (String text : TEXTS) {
      String lower = text.toLowerCase(java.util.Locale.ROOT);
      float[] theirs = reference.embed(lower).content().vector();
      assertThat(UnitVectors.cosine(embedder.embedOne(text), theirs)).as(text).isGreaterThan(0.99999);
    }
  }

  /**
   * LangChain4j's packaged tokenizer of this model keeps upper case, which its vocabulary lacks:
   * every capitalised English word became one unknown token. Ours lower-cases first.
   */
  @Test
  void capitalisedWordsAreNotAllTheSameUnknownToken() {
    EmbeddingModel reference = new BgeSmallZhV15QuantizedEmbeddingModel();
    assertThat(UnitVectors.cosine(reference.embed("SELECT").content().vector(), reference.embed("HIIT").content().vector()))
        .as("the packaged tokenizer's behaviour this works around").isGreaterThan(0.9999);
    assertThat(UnitVectors.cosine(embedder.embedOne("SELECT"), embedder.embedOne("HIIT"))).isLessThan(0.95);
    assertThat(UnitVectors.cosine(embedder.embedOne("Python"), embedder.embedOne("python"))).isGreaterThan(0.9999);
  }

  /**
   * The quantized models quantize activations with one scale per tensor, so the other rows of a
   * batch move a text's vector a little (measured: cosine 0.985 for a one-character text padded
   * in a batch of longer ones, above 0.994 otherwise). The vectors stay interchangeable for
   * similarity search; anything that must be reproducible embeds one text per call.
   */
  @Test
  void batchedVectorsStayWithinQuantizationNoiseOfSingleOnes() {
    List<float[]> together = embedder.embedBatch(TEXTS);
    for (int i = 0; i < TEXTS.size(); i++) {
      assertThat(UnitVectors.cosine(together.get(i), embedder.embedOne(TEXTS.get(i))))
          .as("text %d", i)
          .isGreaterThan(0.98);
    }
  }

  @Test
  void vectorsAreUnitLengthWithTheModelsDimension() {
    for (float[] v : embedder.embedBatch(TEXTS)) {
      assertThat(v).hasSize(512);
      assertThat(UnitVectors.cosine(v, v)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    }
    assertThat(embedder.model().name()).isEqualTo("bge-small-zh-v15-q");
  }

  @Test
  void sameInputGivesTheSameVectors() {
    assertThat(embedder.embedBatch(TEXTS).get(3)).containsExactly(embedder.embedBatch(TEXTS).get(3));
  }

  @Test
  void relatedTextsAreCloserThanUnrelatedOnes() {
    List<float[]> v =
        embedder.embedBatch(List.of("可爱的小猫咪在睡觉", "a cute kitten sleeping", "股票市场今天大跌"));
    assertThat(UnitVectors.cosine(v.get(0), v.get(1))).isGreaterThan(UnitVectors.cosine(v.get(0), v.get(2)));
  }

  @Test
  void emptyTextIsRejected() {
    assertThatThrownBy(() -> embedder.embedBatch(List.of("ok", " ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("index 1");
  }
}
