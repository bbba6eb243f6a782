package io.tagcf.batch.classify;

import dev.langchain4j.model.output.structured.Description;

/** The structured output of the classification prompt. */
record LabelChoice(@Description("exactly one of the given label names") String label) {}
