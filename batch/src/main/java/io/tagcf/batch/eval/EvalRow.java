package io.tagcf.batch.eval;

import io.tagcf.models.tags.TagKind;

/** Precision, recall and F1 at one k for one tag kind, over {@code videos} gold videos. */
public record EvalRow(TagKind kind, int k, int videos, Estimate precision, Estimate recall, Estimate f1) {}
