package io.tagcf.models.explanations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tagcf.models.explanations.NumberMention.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberMentionsTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Completion rose by 42% among new parents|42|PERCENT|0",
      "completion was 31.5% for them|31.5|PERCENT|1",
      "+3.2 percentage points|3.2|PERCENTAGE_POINTS|1",
      "a drop of -1.4 pp|-1.4|PERCENTAGE_POINTS|1",
      "seen 12,345 times|12345|QUANTITY|0",
      "2.5k views|2500|QUANTITY|1",
      "完播率提升了４２％|42|PERCENT|0",
      "完播率提升了42．5％|42.5|PERCENT|1",
      "点击率提高了3个百分点|3|PERCENTAGE_POINTS|0",
      "播放量3.2万|32000|QUANTITY|1",
      "百分之四十二的用户|42|PERCENT|0",
      "提升了四成|40|PERCENT|0",
      "下降了二十个百分点|20|PERCENTAGE_POINTS|0",
      "约三万五千次播放|35000|QUANTITY|0",
      "百分之零点五|0.5|PERCENT|1",
      "一百零五个视频|105|QUANTITY|0",
      "5‰ of viewers|0.5|PERCENT|0",
      "百分之42的新手父母|42|PERCENT|0",
  })
  void readsTheNumberAsTheTextStatesIt(String text, double value, Kind kind, int decimals) {
    List<NumberMention> found = NumberMentions.find(text);
    assertThat(found).as(text).hasSize(1);
    assertThat(found.get(0).value()).as(text).isCloseTo(value, within(1e-9));
    assertThat(found.get(0).kind()).as(text).isEqualTo(kind);
    assertThat(found.get(0).decimals()).as(text).isEqualTo(decimals);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "3.2 percentage points|0.05",
      "31%|0.5",
      "播放量3.2万|500",
      "提升了四成|5",
      "5‰ of viewers|0.05",
      "seen 12,345 times|0.5",
  })
  void theRoundingToleranceIsHalfTheLastStatedDigitsWorth(String text, double tolerance) {
    assertThat(NumberMentions.find(text).get(0).roundingTolerance()).as(text).isCloseTo(tolerance, within(1e-9));
  }

  @Test
  void ordinaryChineseWordsWithNumeralCharactersAreNotNumbers() {
    assertThat(NumberMentions.find("这是一个十分受欢迎的视频，一起来看看")).isEmpty();
    assertThat(NumberMentions.find("The tag has no clear effect for this audience.")).isEmpty();
  }

  @Test
  void everyNumberOfAnIntervalIsFoundInOrderWithItsPlaceInTheText() {
    String text = "without 治愈感 completion would be 31% [27%, 35%] instead of 42%";
    List<NumberMention> found = NumberMentions.find(text);
    assertThat(found).extracting(NumberMention::value).containsExactly(31.0, 27.0, 35.0, 42.0);
    assertThat(found).allSatisfy(m -> assertThat(m.kind()).isEqualTo(Kind.PERCENT));
    assertThat(text.substring(found.get(1).start(), found.get(1).end())).isEqualTo("27%");
  }

  @Test
  void fullWidthTextKeepsItsIndexes() {
    String text = "提升了１２．５％（区间３．１％至２１．９％）";
    List<NumberMention> found = NumberMentions.find(text);
    assertThat(found).extracting(NumberMention::value).containsExactly(12.5, 3.1, 21.9);
    assertThat(text.substring(found.get(0).start(), found.get(0).end())).isEqualTo("１２．５％");
  }

  @Test
  void numbersInsideWordsAndIdsAreStillNumbers() {
    // A number glued to letters is still stated: the verifier decides whether it is allowed.
    assertThat(NumberMentions.find("segment 18-24/1")).extracting(NumberMention::value).contains(18.0);
  }

  @Test
  void malformedChineseNumeralsAreNotRead() {
    assertThat(ChineseNumerals.parse("百百")).isNull();
    assertThat(ChineseNumerals.parse("四十二点")).isNull();
    assertThat(ChineseNumerals.parse("二〇二六")).isEqualTo(2026.0);
    assertThat(ChineseNumerals.parse("两千零五")).isEqualTo(2005.0);
    assertThat(ChineseNumerals.parse("二十万")).isEqualTo(200000.0);
  }
}
