package io.tagcf.bench.effects;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.bench.effects.ScaleCatalog.VocabularyTag;
import io.tagcf.models.coverset.CoverSet;
import io.tagcf.store.video.CatalogVideo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ScaleCatalogTest {

  @Test
  void videosCarryOnlyTheGivenTagsAndTheCoverSetIsAllOfThem() {
    List<VocabularyTag> tags = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      tags.add(new VocabularyTag(1000 + 7L * i, "category-" + i % 6));
    }
    Map<Long, String> category = tags.stream()
        .collect(Collectors.toMap(VocabularyTag::tagId, VocabularyTag::category, (a, b) -> a));
    List<CatalogVideo> catalog = ScaleCatalog.draw(tags, 3_000, 5, "bench-");
    assertThat(catalog).hasSize(3_000);
    assertThat(catalog.stream().map(CatalogVideo::videoId).distinct()).hasSize(3_000);
    for (CatalogVideo v : catalog) {
      assertThat(v.itemTagIds()).isNotEmpty().doesNotHaveDuplicates();
      assertThat(Arrays.stream(v.itemTagIds()).boxed().toList()).allMatch(category::containsKey);
      assertThat(v.category()).isEqualTo(category.get(v.itemTagIds()[0]));
      // The first tag is the top one.
      assertThat(v.itemTagScores()[0]).isEqualTo(Arrays.stream(v.itemTagScores()).max().orElseThrow());
    }
    assertThat(ScaleCatalog.draw(tags, 3_000, 5, "bench-")).usingRecursiveFieldByFieldElementComparator()
        .isEqualTo(catalog);

    CoverSet cover = ScaleCatalog.coverSet(catalog, tags);
    assertThat(cover.tagIds()).containsExactlyInAnyOrderElementsOf(tags.stream().map(VocabularyTag::tagId).toList());
    assertThat(cover.coverage()).isEqualTo(1.0);
    assertThat(cover.marginalGains().stream().mapToInt(Integer::intValue).sum()).isEqualTo(3_000);
    for (int i = 1; i < cover.marginalGains().size(); i++) {
      assertThat(cover.marginalGains().get(i)).isLessThanOrEqualTo(cover.marginalGains().get(i - 1));
    }
    Set<Long> carried = new HashSet<>();
    catalog.forEach(v -> Arrays.stream(v.itemTagIds()).forEach(carried::add));
    assertThat(carried).hasSize(tags.size());
  }
}
