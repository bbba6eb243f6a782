package io.tagcf.workflows;

/**
 * Task queues by kind of work, so that workers scale out per kind: ingest orchestration and
 * database writes, tagging (CPU, later LLM calls), embedding (ONNX).
 */
public final class TaskQueues {

  public static final String INGEST = "tagcf-ingest";
  public static final String TAGGING = "tagcf-tagging";
  public static final String EMBEDDING = "tagcf-embedding";

  private TaskQueues() {}
}
