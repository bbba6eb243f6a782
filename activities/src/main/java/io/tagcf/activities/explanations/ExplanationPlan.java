package io.tagcf.activities.explanations;

import io.tagcf.activities.tagging.TaggerPlan;
import io.tagcf.models.explanations.Evidence;

/**
 * What an explanation run does: nothing when {@code existing} is set (the explanation is stored
 * already), otherwise write from {@code evidence}, with the LLM when {@code llm} says so. Recorded
 * in the run's history, so a replay on a differently configured worker takes the same path.
 *
 * @param target the target with its snapshot resolved
 * @param existing the stored explanation's outcome, or null
 * @param evidence null when {@code existing} is set
 * @param llm whether and how hard to try the LLM (the tagger's plan: same model, same quota)
 */
public record ExplanationPlan(ExplanationTarget target, ExplanationOutcome existing, Evidence evidence, TaggerPlan llm) {}
