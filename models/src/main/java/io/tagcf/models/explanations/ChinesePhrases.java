package io.tagcf.models.explanations;

import static io.tagcf.models.explanations.TemplateNumbers.pct;
import static io.tagcf.models.explanations.TemplateNumbers.pp;
import static io.tagcf.models.explanations.TemplateNumbers.signed;

import java.util.List;

/** The template's Chinese. */
final class ChinesePhrases implements TemplatePhrases {

  @Override
  public String language() {
    return "zh";
  }

  @Override
  public String metrics(long snapshotId, Evidence.Metrics v) {
    return "在效果快照 " + snapshotId + " 中，这条视频曝光 " + v.exposures() + " 次：点击率 " + pct(v.clickPct()) + "%，完播率 "
        + pct(v.completionPct()) + "%，点赞率 " + pct(v.likePct()) + "%。";
  }

  @Override
  public String noViews(long snapshotId) {
    return "这条视频在效果快照 " + snapshotId + " 中还没有曝光。";
  }

  @Override
  public String neighbours(int count, Evidence.Metrics n) {
    return "与它最相似的 " + count + " 条视频平均为 " + pct(n.clickPct()) + "%、" + pct(n.completionPct()) + "% 和 "
        + pct(n.likePct()) + "%。";
  }

  @Override
  public String establishedCount(int established, int tags) {
    return "它的 " + tags + " 个标签中，有 " + established + " 个的效果已经确立。";
  }

  @Override
  public String noneEstablished() {
    return "它的标签目前都没有确立的效果，下面的估计仍不确定。";
  }

  @Override
  public String noEstimates() {
    return "它的标签还没有效果估计：需要在它的人群中获得更多曝光。";
  }

  @Override
  public String audience(List<Evidence.Role> roles) {
    StringBuilder b = new StringBuilder("与它互动的观众主要是");
    for (int i = 0; i < roles.size(); i++) {
      b.append(i == 0 ? "" : i == roles.size() - 1 ? "和" : "、");
      b.append('“').append(roles.get(i).label("zh")).append("”（").append(pct(roles.get(i).sharePct())).append("%）");
    }
    return b.append('。').toString();
  }

  @Override
  public String logic(Evidence.Role role, List<Evidence.LinkedTag> linked) {
    StringBuilder b = new StringBuilder("在逻辑图中，“").append(role.label("zh")).append("”偏好");
    for (int i = 0; i < linked.size(); i++) {
      b.append(i == 0 ? "" : i == linked.size() - 1 ? "和" : "、").append('“').append(linked.get(i).label("zh")).append('”');
    }
    return b.append('。').toString();
  }

  @Override
  public String established(String tag, String outcome, String segment, double e, double low, double high) {
    return "“" + tag + "”" + change(outcome, segment, e, low, high) + "。";
  }

  @Override
  public String notEstablished(String tag, String outcome, String segment, double e, double low, double high) {
    return "“" + tag + "”对" + segment(segment) + "的" + outcome(outcome) + "没有明确效果：" + signed(e)
        + " 个百分点（95% 置信区间 " + signed(low) + " 至 " + signed(high) + " 个百分点），尚未确立。";
  }

  @Override
  public String lead(Evidence.Lead l, String tag) {
    return "可以尝试“" + tag + "”：与它最相似的 " + l.neighbourCount() + " 条视频中有 " + l.carriedBy()
        + " 条带有它，它使" + segment(l.segment()) + "中带有它的视频的" + outcome(l.outcome()) + "提升了 "
        + pp(l.effectPp()) + " 个百分点（95% 置信区间 " + signed(l.lowPp()) + " 至 " + signed(l.highPp()) + " 个百分点）。";
  }

  @Override
  public String keep(String tag, Evidence.Effect f) {
    return "在类似视频中保留“" + tag + "”：它" + change(f.outcome(), f.segment(), f.effectPp(), f.lowPp(), f.highPp()) + "。";
  }

  @Override
  public String rethink(String tag, Evidence.Effect f) {
    return "重新考虑“" + tag + "”：它" + change(f.outcome(), f.segment(), f.effectPp(), f.lowPp(), f.highPp()) + "。";
  }

  @Override
  public String gatherViews() {
    return "先积累更多曝光再调整视频：它的标签目前都没有确立的效果。";
  }

  private static String change(String outcome, String segment, double e, double low, double high) {
    return "使" + segment(segment) + "的" + outcome(outcome) + (e >= 0 ? "提升了 " : "降低了 ") + pp(Math.abs(e))
        + " 个百分点（95% 置信区间 " + signed(low) + " 至 " + signed(high) + " 个百分点）";
  }

  private static String segment(String segment) {
    return segment.equals(Evidence.ALL_VIEWERS) ? "全体观众" : " " + segment + " 人群";
  }

  private static String outcome(String outcome) {
    return switch (outcome) {
      case "click" -> "点击率";
      case "completion" -> "完播率";
      default -> "点赞率";
    };
  }
}
