package io.tagcf.store.interactions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The inline table must tell ids apart exactly as a HashSet does, whatever their length and chars. */
class DistinctIdsTest {

  @Test
  void idsThatDifferOnlyByLengthLastCharOrAZeroCharAreDifferent() {
    DistinctIds ids = new DistinctIds(2);
    List<String> distinct = List.of("u", "u0", "u\0", "u\0\0", "12345678", "123456789", "1234567812345678",
        "1234567812345679", "x".repeat(24), "x".repeat(25), "x".repeat(23) + "ÿ", "用户1", "é", "");
    for (String id : distinct) {
      assertThat(ids.add(id)).as(id).isTrue();
    }
    for (String id : distinct) {
      assertThat(ids.add(new String(id.toCharArray()))).as(id).isFalse();
    }
    assertThat(ids.values()).containsExactlyInAnyOrderElementsOf(distinct);
    assertThat(ids.size()).isEqualTo(distinct.size());
  }

  @Test
  void agreesWithAHashSetOnManyRandomIdsAsItGrows() {
    Random random = new Random(11);
    DistinctIds ids = new DistinctIds(4);
    Set<String> expected = new HashSet<>();
    String alphabet = "ab09_-ÿ好";
    for (int i = 0; i < 200_000; i++) {
      StringBuilder id = new StringBuilder();
      int length = 1 + random.nextInt(random.nextInt(10) == 0 ? 40 : 6);
      for (int j = 0; j < length; j++) {
        id.append(alphabet.charAt(random.nextInt(random.nextInt(20) == 0 ? alphabet.length() : 4)));
      }
      assertThat(ids.add(id.toString())).as(id.toString()).isEqualTo(expected.add(id.toString()));
    }
    assertThat(new ArrayList<>(ids.values())).hasSize(expected.size()).containsExactlyInAnyOrderElementsOf(expected);
  }
}
