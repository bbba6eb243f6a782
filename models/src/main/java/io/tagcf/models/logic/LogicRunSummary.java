package io.tagcf.models.logic;

/** How many edges a logic-graph run stored, per direction. */
public record LogicRunSummary(String source, int u2iEdges, int i2uEdges) {}
