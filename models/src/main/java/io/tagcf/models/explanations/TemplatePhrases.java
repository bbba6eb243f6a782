package io.tagcf.models.explanations;

import java.util.List;

/**
 * The template writer's sentences in one language. Every sentence that reports an effect states its
 * interval, and only established effects get causal verbs: the verifier holds the template to the
 * same rules as the LLM.
 */
interface TemplatePhrases {

  String language();

  String metrics(long snapshotId, Evidence.Metrics video);

  String noViews(long snapshotId);

  String neighbours(int count, Evidence.Metrics neighbours);

  String establishedCount(int established, int tags);

  String noneEstablished();

  String noEstimates();

  String audience(List<Evidence.Role> roles);

  String logic(Evidence.Role role, List<Evidence.LinkedTag> linked);

  String established(String tag, String outcome, String segment, double effectPp, double lowPp, double highPp);

  String notEstablished(String tag, String outcome, String segment, double effectPp, double lowPp, double highPp);

  String lead(Evidence.Lead lead, String tag);

  String keep(String tag, Evidence.Effect effect);

  String rethink(String tag, Evidence.Effect effect);

  String gatherViews();

  static TemplatePhrases of(String language) {
    return "zh".equals(language) ? new ChinesePhrases() : new EnglishPhrases();
  }
}
