package io.tagcf.models.tagging.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CaptionNoiseTest {

  private static final List<String> CATEGORIES = List.of("美食", "舞蹈", "宠物", "民生资讯", "情感", "时尚");

  @Test
  void aMarkSpreadOverManyCategoriesIsNoiseOneKeptToACategoryIsNot() {
    List<CaptionNoise.Labelled> videos = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String category = CATEGORIES.get(i % CATEGORIES.size());
      videos.add(new CaptionNoise.Labelled(List.of("作品推广", "记录生活"), Set.of(category)));
      videos.add(new CaptionNoise.Labelled(List.of("家常菜"), Set.of("美食")));
    }
    CaptionNoise noise = CaptionNoise.learn(videos);
    assertThat(noise.isNoise("作品推广")).isTrue();
    assertThat(noise.isNoise("记录生活")).isTrue();
    assertThat(noise.isNoise("家常菜")).isFalse();
    assertThat(noise.learned()).containsExactlyInAnyOrder("作品推广", "记录生活");
  }

  @Test
  void aRareMarkIsNotJudgedHoweverSpread() {
    List<CaptionNoise.Labelled> videos = new ArrayList<>();
    for (int i = 0; i < CaptionNoise.MIN_VIDEOS - 1; i++) {
      videos.add(new CaptionNoise.Labelled(List.of("偶然"), Set.of(CATEGORIES.get(i % CATEGORIES.size()))));
    }
    assertThat(CaptionNoise.learn(videos).isNoise("偶然")).isFalse();
  }

  @Test
  void aMarkRepeatedInOneCaptionCountsOnce() {
    List<CaptionNoise.Labelled> videos = new ArrayList<>();
    videos.add(new CaptionNoise.Labelled(List.of("x", "x", "x", "x", "x", "x", "x", "x", "x"), Set.of("美食")));
    for (String c : CATEGORIES) {
      videos.add(new CaptionNoise.Labelled(List.of("filler"), Set.of(c)));
    }
    assertThat(CaptionNoise.learn(videos).isNoise("x")).isFalse();
  }

  @Test
  void theSeedListWorksWithoutLabels() {
    assertThat(CaptionNoise.SEED_ONLY.isNoise("感谢快手我要上热门")).isTrue();
    assertThat(CaptionNoise.SEED_ONLY.isNoise("热门")).isTrue();
    assertThat(CaptionNoise.SEED_ONLY.isNoise("美食")).isFalse();
  }

  @Test
  void spreadIsNormalisedEntropy() {
    assertThat(CaptionNoise.spread(List.of(10), 6)).isZero();
    assertThat(CaptionNoise.spread(List.of(5, 5, 5, 5, 5, 5), 6)).isCloseTo(1.0, within(1e-12));
    assertThat(CaptionNoise.spread(List.of(5, 5), 4)).isCloseTo(0.5, within(1e-12));
    assertThat(CaptionNoise.spread(List.of(), 4)).isZero();
  }
}
