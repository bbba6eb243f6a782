package io.tagcf.models.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PackedFloatsTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void vectorsRoundTripExactlyAndCompactly() throws Exception {
    float[] v = new float[512];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) Math.sin(i * 0.37) / 11.3f;
    }
    String text = json.writeValueAsString(new VideoEmbedding("m", 512, v));
    assertThat(text.length()).isLessThan(2_800);
    VideoEmbedding back = json.readValue(text, VideoEmbedding.class);
    assertThat(back.vector()).containsExactly(v);
    assertThat(back.model()).isEqualTo("m");
  }

  @Test
  void plainArraysFromOlderPayloadsAreStillRead() throws Exception {
    VideoEmbedding e = json.readValue("{\"model\":\"m\",\"dimension\":3,\"vector\":[0.5,-1.0,2.25]}", VideoEmbedding.class);
    assertThat(e.vector()).containsExactly(0.5f, -1.0f, 2.25f);
  }
}
