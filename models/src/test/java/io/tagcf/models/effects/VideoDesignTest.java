package io.tagcf.models.effects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tagcf.models.interactions.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compressed design: what the builder keeps, adds up, drops, standardises and refuses. */
class VideoDesignTest {
  private static final List<String> SEGMENTS = List.of("young", "old");
  private static final long[] TAGS = {10, 20, 30};
  private static final int[] NONE = new int[Outcome.values().length];

  private static int[] counts(int click, int completion, int like) {
    int[] c = new int[Outcome.values().length];
    c[Outcome.CLICK.ordinal()] = click;
    c[Outcome.COMPLETION.ordinal()] = completion;
    c[Outcome.LIKE.ordinal()] = like;
    return c;
  }

  private static VideoDesign.Builder builder() {
    return VideoDesign.builder(SEGMENTS, TAGS, List.of("followers"));
  }

  @Test
  void thePooledSegmentSumsTheSegmentsAndComesLast() {
    VideoDesign d = builder()
        .video("a", new long[] {10}, "music", new double[] {1})
        .video("b", new long[] {20, 30}, "sport", new double[] {2})
        .cell("a", "young", 10, counts(5, 3, 1), 4, counts(2, 1, 0))
        .cell("a", "old", 7, counts(2, 2, 2), 1, counts(1, 1, 1))
        .cell("b", "old", 9, counts(4, 0, 3), 0, NONE)
        .build();

    assertThat(d.segments()).containsExactly("young", "old", VideoDesign.ALL_SEGMENTS);
    int all = 2;
    int a = 0;
    int b = 1;
    assertThat(d.videoId(a)).isEqualTo("a");
    assertThat(d.exposures(all, a)).isEqualTo(17);
    assertThat(d.exposures(all, b)).isEqualTo(9);
    assertThat(d.exposures(0, b)).isZero();
    assertThat(d.successes(Outcome.CLICK, all, a)).isEqualTo(7);
    assertThat(d.successes(Outcome.COMPLETION, all, a)).isEqualTo(5);
    assertThat(d.successes(Outcome.LIKE, all, a)).isEqualTo(3);
    assertThat(d.successes(Outcome.LIKE, all, b)).isEqualTo(3);
    assertThat(d.exploreExposures[all][a]).isEqualTo(5);
    assertThat(d.exploreSuccesses[Outcome.CLICK.ordinal()][all][a]).isEqualTo(3);
    assertThat(d.exploreSuccesses[Outcome.LIKE.ordinal()][all][a]).isEqualTo(1);
    assertThat(d.categories()).containsExactly("music", "sport");
  }

  @Test
  void cellsGivenTwiceAddUp() {
    VideoDesign d = builder()
        .video("a", new long[0], null, new double[] {1})
        .cell("a", "young", 10, counts(5, 3, 1), 2, counts(1, 1, 0))
        .cell("a", "young", 4, counts(1, 1, 1), 3, counts(1, 0, 1))
        .build();
    assertThat(d.exposures(0, 0)).isEqualTo(14);
    assertThat(d.successes(Outcome.CLICK, 0, 0)).isEqualTo(6);
    assertThat(d.successes(Outcome.COMPLETION, 0, 0)).isEqualTo(4);
    assertThat(d.successes(Outcome.LIKE, 0, 0)).isEqualTo(2);
    assertThat(d.exploreExposures[0][0]).isEqualTo(5);
    assertThat(d.exploreSuccesses[Outcome.LIKE.ordinal()][0][0]).isEqualTo(1);
    assertThat(d.exposures(2, 0)).isEqualTo(14);
  }

  @Test
  void videosWithoutExposuresAreDroppedWithTheirTags() {
    VideoDesign.Builder b = builder();
    // More than the builder's initial capacity of 16, so growing is exercised too.
    for (int v = 0; v < 40; v++) {
      b.video("v" + v, v % 2 == 0 ? new long[] {10} : new long[] {20}, "c" + (v % 3), new double[] {v});
      if (v % 4 != 1) {
        b.cell("v" + v, v % 3 == 0 ? "young" : "old", 1 + v, counts(v % 2, 0, 0), 0, NONE);
      }
    }
    VideoDesign d = b.build();
    assertThat(d.videoCount()).isEqualTo(30);
    for (int v = 0; v < d.videoCount(); v++) {
      int original = Integer.parseInt(d.videoId(v).substring(1));
      assertThat(original % 4).isNotEqualTo(1);
      assertThat(d.exposures(2, v)).isEqualTo(1 + original);
      assertThat(d.exposures(original % 3 == 0 ? 0 : 1, v)).isEqualTo(1 + original);
      assertThat(d.successes(Outcome.CLICK, 2, v)).isEqualTo(original % 2);
      assertThat(d.carries(v, 0)).isEqualTo(original % 2 == 0);
      assertThat(d.carries(v, 1)).isEqualTo(original % 2 == 1);
      assertThat(d.categories().get(d.category[v])).isEqualTo("c" + (original % 3));
    }
    // 20 even videos carry tag 10, none of them dropped; 10 of the 20 odd ones (tag 20) remain.
    assertThat(d.tagVideos[0]).hasSize(20);
    assertThat(d.tagVideos[1]).hasSize(10);
    assertThat(d.tagVideos[2]).isEmpty();
    for (int t = 0; t < d.tagCount(); t++) {
      for (int v : d.tagVideos[t]) {
        assertThat(d.carries(v, t)).isTrue();
      }
    }
  }

  @Test
  void tagsOutsideTheCoverSetAreIgnoredAndRepeatsCountOnce() {
    VideoDesign d = builder()
        .video("a", new long[] {99, 30, 10, 30, -1}, "music", new double[] {1})
        .video("b", new long[] {77}, "music", new double[] {2})
        .cell("a", "young", 1, NONE, 0, NONE)
        .cell("b", "young", 1, NONE, 0, NONE)
        .build();
    assertThat(d.tagCount()).isEqualTo(3);
    assertThat(d.tagId(2)).isEqualTo(30);
    assertThat(d.videoTags[0]).containsExactly(0, 2);
    assertThat(d.videoTags[1]).isEmpty();
    assertThat(d.tagVideos[0]).containsExactly(0);
    assertThat(d.tagVideos[1]).isEmpty();
    assertThat(d.tagVideos[2]).containsExactly(0);
    assertThat(d.carries(0, 1)).isFalse();
  }

  @Test
  void covariatesAreStandardisedWithMissingAndConstantColumnsAtZero() {
    double nan = Double.NaN;
    double[][] values = {{1, 5, nan, nan}, {2, 5, nan, 7}, {nan, 5, nan, 7}, {5, 5, nan, 7}, {8, 5, nan, 7}};
    VideoDesign.Builder b = VideoDesign.builder(SEGMENTS, TAGS, List.of("x", "constant", "missing", "one"));
    for (int v = 0; v < values.length; v++) {
      b.video("v" + v, new long[0], null, values[v]).cell("v" + v, "old", 3, NONE, 0, NONE);
    }
    VideoDesign d = b.build();
    assertThat(d.denseNames()).containsExactly("x", "constant", "missing", "one");
    // x: observed 1, 2, 5, 8 (mean 4, sample SD sqrt(10)); the missing value sits at the mean.
    double sd = Math.sqrt(10);
    assertThat(d.dense[0]).containsExactly(new double[] {-3 / sd, -2 / sd, 0, 1 / sd, 4 / sd}, within(1e-12));
    assertThat(d.dense[1]).containsOnly(0.0);
    assertThat(d.dense[2]).containsOnly(0.0);
    assertThat(d.dense[3]).containsOnly(0.0);
  }

  @Test
  void standardisationIsOverTheKeptVideosAndMissingStaysAtTheirMean() {
    // v1 has no exposure: it is dropped, and x is standardised over v0, v2, v3 only; v4's
    // missing value becomes their mean, 0, and does not count in their SD.
    double[] x = {0, 1000, 3, Double.NaN, 6};
    VideoDesign.Builder b = VideoDesign.builder(SEGMENTS, TAGS, List.of("x"));
    for (int v = 0; v < x.length; v++) {
      b.video("v" + v, new long[0], null, new double[] {x[v]});
      if (v != 1) {
        b.cell("v" + v, "young", 2, NONE, 0, NONE);
      }
    }
    VideoDesign d = b.build();
    assertThat(d.videoCount()).isEqualTo(4);
    assertThat(d.videoId(2)).isEqualTo("v3");
    // Observed 0, 3, 6: mean 3, sample SD 3.
    assertThat(d.dense[0]).containsExactly(new double[] {-1, 0, 0, 1}, within(1e-12));
  }

  @Test
  void aVideoWithoutCategoryIsItsOwnLevel() {
    VideoDesign d = builder()
        .video("a", new long[0], null, new double[] {1})
        .video("b", new long[0], "music", new double[] {1})
        .video("c", new long[0], null, new double[] {1})
        .cell("a", "young", 1, NONE, 0, NONE)
        .cell("b", "young", 1, NONE, 0, NONE)
        .cell("c", "young", 1, NONE, 0, NONE)
        .build();
    assertThat(d.categories()).hasSize(2);
    assertThat(d.category).containsExactly(0, 1, 0);
  }

  @Test
  void refusesWhatItCannotRepresent() {
    assertThatThrownBy(() -> VideoDesign.builder(List.of(), TAGS, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a design needs at least one segment");
    assertThatThrownBy(() -> VideoDesign.builder(List.of("young", "all"), TAGS, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("segment names must be distinct and not 'all': all");
    assertThatThrownBy(() -> VideoDesign.builder(List.of("young", "old", "young"), TAGS, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("segment names must be distinct and not 'all': young");
    assertThatThrownBy(() -> builder().video("a", new long[0], null, new double[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("video a: expected 1 covariates, got 2");
    assertThatThrownBy(() -> builder().video("a", new long[0], null, new double[] {1})
        .video("a", new long[0], null, new double[] {2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("video a added twice");
    assertThatThrownBy(() -> builder().cell("x", "young", 1, NONE, 0, NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown video x");
    assertThatThrownBy(() -> builder().video("a", new long[0], null, new double[] {1})
        .cell("a", "middle", 1, NONE, 0, NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown segment middle");
    assertThatThrownBy(() -> builder().video("a", new long[0], null, new double[] {1})
        .cell("a", VideoDesign.ALL_SEGMENTS, 1, NONE, 0, NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown segment all");
  }

  @Test
  void refusesCountsThatAreNotCountsOfOneLog() {
    VideoDesign.Builder b = builder().video("a", new long[0], null, new double[] {1});
    assertThatThrownBy(() -> b.cell("a", "young", 5, counts(6, 0, 0), 0, NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("video a, segment young: click counts need 0 <= exploration successes (0) <= successes (6)"
            + " <= exposures (5) and exploration successes <= exploration exposures (0)");
    assertThatThrownBy(() -> b.cell("a", "young", 5, counts(0, -1, 0), 0, NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("video a, segment young: completion counts need");
    assertThatThrownBy(() -> b.cell("a", "young", 5, counts(1, 1, 1), 2, counts(0, 0, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("video a, segment young: like counts need 0 <= exploration successes (2) <= successes (1)");
    assertThatThrownBy(() -> b.cell("a", "young", 5, counts(3, 1, 1), 1, counts(2, 0, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("exploration successes <= exploration exposures (1)");
    assertThatThrownBy(() -> b.cell("a", "old", 5, NONE, 6, NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("video a, segment old: need 0 <= exploration exposures (6) <= exposures (5)");
    assertThatThrownBy(() -> b.cell("a", "old", 5, NONE, -1, NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("video a, segment old: need 0 <= exploration exposures (-1) <= exposures (5)");
    assertThatThrownBy(() -> b.cell("a", "old", 5, new int[] {1, 1}, 0, NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("video a, segment old: expected 3 success counts, one per outcome");
    // Nothing of the refused cells was recorded.
    VideoDesign d = b.cell("a", "old", 5, counts(2, 1, 0), 1, counts(1, 1, 0)).build();
    assertThat(d.exposures(0, 0)).isZero();
    assertThat(d.exposures(1, 0)).isEqualTo(5);
    assertThat(d.successes(Outcome.CLICK, 2, 0)).isEqualTo(2);
  }

  @Test
  void refusesATagIdGivenTwice() {
    assertThatThrownBy(() -> VideoDesign.builder(SEGMENTS, new long[] {10, 20, 10}, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tag ids must be distinct: 10");
  }

  @Test
  void aVideoThatFailsValidationLeavesNoTrace() {
    VideoDesign.Builder b = builder();
    assertThatThrownBy(() -> b.video("a", new long[0], null, new double[0]))
        .isInstanceOf(IllegalArgumentException.class);
    b.video("b", new long[0], null, new double[] {1}).cell("b", "young", 1, NONE, 0, NONE);
    VideoDesign d = b.build();
    assertThat(d.videoCount()).isEqualTo(1);
    assertThat(d.videoId(0)).isEqualTo("b");
  }
}
