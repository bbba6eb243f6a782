package io.tagcf.models.logic;

/** Fit the statistical logic graph; see {@code CoEngagementLogic} for the parameters. */
public record LogicRequest(int windowDays, double halfLifeDays, double smoothing, double minSupport, int topB) {}
