package io.tagcf.batch.ranking;

import io.tagcf.models.ranking.evaluation.RankingData;
import java.util.List;

/** A data set read from disk: the interactions and, per item (same order), its text. */
public record RankingDataset(RankingData data, List<ItemText> texts) {}
