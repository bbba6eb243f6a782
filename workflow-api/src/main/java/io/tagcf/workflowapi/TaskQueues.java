package io.tagcf.workflowapi;

/**
 * Task queues by kind of work, so that workers scale out per kind: ingest orchestration with its
 * short local steps, offline tagging (CPU), LLM calls (rate-limited), periodic upkeep.
 */
public final class TaskQueues {

  public static final String INGEST = "tagcf-ingest";
  public static final String TAGGING = "tagcf-tagging";
  /** Embedding as a remote step: only for ingest runs recorded before the "local-steps" version. */
  public static final String EMBEDDING = "tagcf-embedding";
  /** LLM calls: rate-limited and scaled apart from everything else. */
  public static final String LLM = "tagcf-llm";
  /** Periodic vocabulary, role and logic-graph upkeep: database-bound, not latency-critical. */
  public static final String MAINTENANCE = "tagcf-maintenance";

  /** Effect estimation: snapshot preparation and the CPU-heavy tag shards. */
  public static final String EFFECTS = "tagcf-effects";

  /** Explanations: their workflows and database steps (their LLM calls go to {@link #LLM}). */
  public static final String EXPLANATIONS = "tagcf-explanations";

  private TaskQueues() {}
}
