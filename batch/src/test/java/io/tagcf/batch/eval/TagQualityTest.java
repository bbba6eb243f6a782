package io.tagcf.batch.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.models.tagging.reference.PlatformCategories;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TagQualityTest {

  private final TagQuality quality = new TagQuality(PlatformCategories.of(Map.of(
      "美食", Set.of("food"), "亲子", Set.of("parenting", "family"))));

  @Test
  void countsCoverageAndAgreementOverallAndPerCategory() {
    quality.add("美食", List.of("food", "health", "travel"));          // covered, top-1, any
    quality.add("美食", Arrays.asList(null, "food"));                  // candidate first: any only
    quality.add("亲子", List.of("health", "family", "pets", "music")); // covered, any via the second category
    quality.add("颜值", List.of("fashion", "beauty", "dance"));         // covered, no mapped category
    quality.add("亲子", List.of());                                     // untagged

    TagQuality.Counts all = quality.all();
    assertThat(all.videos()).isEqualTo(5);
    assertThat(all.coverage().correct()).isEqualTo(3);
    assertThat(all.mapped()).isEqualTo(4);
    assertThat(all.top1Agreement().correct()).isEqualTo(1);
    assertThat(all.anyTagAgreement().correct()).isEqualTo(3);
    assertThat(all.top1Agreement().labelled()).isEqualTo(4);

    TagQuality.Counts food = quality.byCategory().get("美食");
    assertThat(food).isEqualTo(new TagQuality.Counts(2, 1, 2, 1, 2));
    assertThat(quality.byCategory().get("颜值").mapped()).isZero();
    assertThat(quality.byCategory().get("亲子")).isEqualTo(new TagQuality.Counts(2, 1, 2, 0, 1));
  }
}
