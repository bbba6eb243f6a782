package io.tagcf.models.tagging.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class KuaiRecCaptionsTest {

  private static final String HEADER = "video_id,caption,manual_cover_text,topic_tag,first_level_category_name,"
      + "second_level_category_name,third_level_category_name\n";

  @Test
  void readsQuotedCaptionsAndTurnsUnknownCoverTextIntoNone() throws Exception {
    List<KuaiRecVideo> rows = KuaiRecCaptions.parse(new StringReader(HEADER
        + "4,\"#搞笑 #五爱市场 这真是完美搭配啊！\",五爱街最美美女,\"[五爱市场,搞笑]\",时尚,营销售卖,女装\n"
        + "6,记住我的名字,UNKNOWN,[],情感,UNKNOWN,UNKNOWN\n"));
    assertThat(rows).containsExactly(
        new KuaiRecVideo("4", "#搞笑 #五爱市场 这真是完美搭配啊！", "五爱街最美美女", "时尚"),
        new KuaiRecVideo("6", "记住我的名字", null, "情感"));
  }

  @Test
  void theSubmissionFollowsTheMeasure() {
    String caption = "很".repeat(250);
    var v = new KuaiRecVideo("8", caption, "封面", "美食").submission();
    assertThat(v.videoId()).isEqualTo("kuairec-8");
    assertThat(v.title()).hasSize(KuaiRecVideo.TITLE_CHARS);
    assertThat(v.description()).hasSize(50);
    assertThat(v.coverText()).isEqualTo("封面");
    assertThat(v.language()).isEqualTo("zh");
    var noCaption = new KuaiRecVideo("10", "", "七十岁老汉吃拉面", "美食").submission();
    assertThat(noCaption.title()).isEqualTo("七十岁老汉吃拉面");
    assertThat(noCaption.coverText()).isNull();
  }

  @Test
  void tooLittleTextIsNotMeasured() {
    assertThat(new KuaiRecVideo("1", "好", null, "美食").hasText()).isFalse();
    assertThat(new KuaiRecVideo("1", "好吃", "好看", "美食").hasText()).isTrue();
    assertThat(new KuaiRecVideo("1", "   ", null, "美食").hasText()).isFalse();
  }

  @Test
  void badFilesNameTheProblem() {
    assertThatThrownBy(() -> KuaiRecCaptions.parse(new StringReader("video_id,caption\n1,x\n")))
        .isInstanceOf(KuaiRecCaptions.FormatException.class).hasMessageContaining("manual_cover_text");
    assertThatThrownBy(() -> KuaiRecCaptions.parse(new StringReader(HEADER + "1,a,b,[],美食,x,y\n1,c,d,[],美食,x,y\n")))
        .hasMessageContaining("line 3").hasMessageContaining("occurs twice");
    assertThatThrownBy(() -> KuaiRecCaptions.parse(new StringReader(HEADER + "1,a,b\n")))
        .hasMessageContaining("line 2").hasMessageContaining("fields");
    assertThatThrownBy(() -> KuaiRecCaptions.parse(new StringReader(HEADER)))
        .hasMessageContaining("no rows");
    assertThatThrownBy(() -> KuaiRecCaptions.parse(new StringReader(HEADER + ",a,b,[],美食,x,y\n")))
        .hasMessageContaining("video_id is empty");
  }

  @Test
  void theBundledHalfHasOnlyEvenIds() {
    List<KuaiRecVideo> rows = KuaiRecCaptions.bundled();
    assertThat(rows).hasSize(5364);
    assertThat(rows).allMatch(v -> Long.parseLong(v.videoId()) % 2 == 0);
  }
}
