package io.tagcf.store.effects;

import io.tagcf.models.effects.CellEstimate;

/** One tag's effect in a ranking, with the tag's names. */
public record RankedEffect(String slug, String labelEn, String labelZh, String category, CellEstimate cell) {}
