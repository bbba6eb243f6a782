package io.tagcf.models.explanations;

import static io.tagcf.models.explanations.TemplateNumbers.pct;
import static io.tagcf.models.explanations.TemplateNumbers.pp;
import static io.tagcf.models.explanations.TemplateNumbers.signed;

import java.util.List;

/** The template's English. */
final class EnglishPhrases implements TemplatePhrases {

  @Override
  public String language() {
    return "en";
  }

  @Override
  public String metrics(long snapshotId, Evidence.Metrics v) {
    return "In effect snapshot " + snapshotId + ", this video was shown " + v.exposures() + " times: click rate "
        + pct(v.clickPct()) + "%, completion rate " + pct(v.completionPct()) + "%, like rate " + pct(v.likePct()) + "%.";
  }

  @Override
  public String noViews(long snapshotId) {
    return "This video has no views in effect snapshot " + snapshotId + " yet.";
  }

  @Override
  public String neighbours(int count, Evidence.Metrics n) {
    return " Its " + count + " most similar videos averaged " + pct(n.clickPct()) + "%, " + pct(n.completionPct())
        + "% and " + pct(n.likePct()) + "%.";
  }

  @Override
  public String establishedCount(int established, int tags) {
    return " " + established + " of its " + tags + " tags have an established effect for its viewers.";
  }

  @Override
  public String noneEstablished() {
    return " None of its tags has an established effect yet; the estimates below are uncertain.";
  }

  @Override
  public String noEstimates() {
    return " None of its tags has an effect estimate yet: that needs more views in its segments.";
  }

  @Override
  public String audience(List<Evidence.Role> roles) {
    StringBuilder b = new StringBuilder(" Its engaged viewers are mostly ");
    for (int i = 0; i < roles.size(); i++) {
      b.append(i == 0 ? "" : i == roles.size() - 1 ? " and " : ", ");
      b.append('"').append(roles.get(i).label("en")).append("\" (").append(pct(roles.get(i).sharePct())).append("%)");
    }
    return b.append('.').toString();
  }

  @Override
  public String logic(Evidence.Role role, List<Evidence.LinkedTag> linked) {
    return " In the logic graph, \"" + role.label("en") + "\" leans towards " + quotedList(linked) + ".";
  }

  @Override
  public String established(String tag, String outcome, String segment, double e, double low, double high) {
    return "\"" + tag + "\" " + change(outcome, segment, e, low, high) + ".";
  }

  @Override
  public String notEstablished(String tag, String outcome, String segment, double e, double low, double high) {
    return "\"" + tag + "\" shows no clear effect on the " + outcome + " rate among " + segment(segment) + ": "
        + signed(e) + " percentage points (95% interval " + signed(low) + " to " + signed(high) + "), not established.";
  }

  @Override
  public String lead(Evidence.Lead l, String tag) {
    return "Consider \"" + tag + "\": " + l.carriedBy() + " of its " + l.neighbourCount()
        + " most similar videos carry it, and among " + segment(l.segment()) + " it raised the " + l.outcome()
        + " rate of the videos that carry it by " + pp(l.effectPp()) + " percentage points (95% interval "
        + signed(l.lowPp()) + " to " + signed(l.highPp()) + ").";
  }

  @Override
  public String keep(String tag, Evidence.Effect f) {
    return "Keep \"" + tag + "\" in similar videos: it " + change(f.outcome(), f.segment(), f.effectPp(), f.lowPp(),
        f.highPp()) + ".";
  }

  @Override
  public String rethink(String tag, Evidence.Effect f) {
    return "Rethink \"" + tag + "\": it " + change(f.outcome(), f.segment(), f.effectPp(), f.lowPp(), f.highPp()) + ".";
  }

  @Override
  public String gatherViews() {
    return "Gather more views before changing the video: no effect of its tags is established yet.";
  }

  private static String change(String outcome, String segment, double e, double low, double high) {
    return (e >= 0 ? "raised" : "lowered") + " the " + outcome + " rate by " + pp(Math.abs(e))
        + " percentage points among " + segment(segment) + " (95% interval " + signed(low) + " to " + signed(high) + ")";
  }

  private static String segment(String segment) {
    return segment.equals(Evidence.ALL_VIEWERS) ? "all viewers" : "viewers in segment " + segment;
  }

  private static String quotedList(List<Evidence.LinkedTag> tags) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < tags.size(); i++) {
      b.append(i == 0 ? "" : i == tags.size() - 1 ? " and " : ", ").append('"').append(tags.get(i).label("en")).append('"');
    }
    return b.toString();
  }
}
