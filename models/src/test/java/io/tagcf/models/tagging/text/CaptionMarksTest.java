package io.tagcf.models.tagging.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CaptionMarksTest {

  @Test
  void hashtagsInBothStylesAndMentionsWithTheirAccountIds() {
    CaptionMarks m = CaptionMarks.of("#搞笑 #感谢快手我要上热门 #五爱市场 这真是完美搭配啊！#情感视频# @快手创作者服务中心(O40300138) 看@小花(O5)");
    assertThat(m.hashtags()).containsExactly("搞笑", "感谢快手我要上热门", "五爱市场", "情感视频");
    assertThat(m.mentions()).containsExactly("快手创作者服务中心", "小花");
    assertThat(m.plain()).isEqualTo("这真是完美搭配啊！ 看");
  }

  @Test
  void textWithoutMarksIsUnchanged() {
    CaptionMarks m = CaptionMarks.of("76岁老汉吃白皮拉面");
    assertThat(m.hashtags()).isEmpty();
    assertThat(m.mentions()).isEmpty();
    assertThat(m.plain()).isEqualTo("76岁老汉吃白皮拉面");
    assertThat(CaptionMarks.of(null).plain()).isEmpty();
  }

  @Test
  void cleanDropsBoilerplateAndMentionsButKeepsTopicalHashtagsAsWords() {
    CaptionNoise noise = CaptionNoise.learn(List.of());
    assertThat(CaptionMarks.clean("红烧肉 #美食 #热门 @快手小助手(O1)", noise)).isEqualTo("红烧肉 美食");
    assertThat(CaptionMarks.clean("#热门 #上热门", noise)).isEmpty();
    assertThat(CaptionMarks.clean("no marks here", noise)).isEqualTo("no marks here");
  }

  @Test
  void keyIgnoresCaseSpacesAndUnderscores() {
    assertThat(CaptionMarks.key("Street_Food")).isEqualTo(CaptionMarks.key("street food"));
    assertThat(Set.of(CaptionMarks.key("上 热门"))).containsExactly("上热门");
  }
}
