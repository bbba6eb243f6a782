package io.tagcf.batch.classify;

import java.util.List;

/** Chooses one label per text. */
public interface Classifier {

  /** One prediction per item, in order. */
  List<Prediction> classify(List<TextItem> items) throws InterruptedException;

  /** How, for the summary: "embedding (bge-small-zh-v15-q)", "llm (openai gpt-4o-mini, prompt classify-v1)". */
  String description();
}
