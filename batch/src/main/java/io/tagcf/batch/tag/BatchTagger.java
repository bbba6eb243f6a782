package io.tagcf.batch.tag;

import io.tagcf.models.video.VideoSubmission;

/** Tags one video for {@code tagcf tag}; called from several threads at once. */
public interface BatchTagger {

  /**
   * @throws io.tagcf.batch.llm.LlmRefusedException when the LLM refuses every request; the
   *     run stops rather than falling back for all remaining videos
   */
  TagLine tag(VideoSubmission video);

  /** What tags, for the summary: "offline (bge-small-zh-v15-q)", "llm (openai gpt-4o-mini)". */
  String description();
}
