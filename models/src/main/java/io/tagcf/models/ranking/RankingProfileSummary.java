package io.tagcf.models.ranking;

/** What a run of the ranking profiles wrote: users with a profile, interest rows and expansion rows. */
public record RankingProfileSummary(int users, int interestRows, int expansionRows) {}
