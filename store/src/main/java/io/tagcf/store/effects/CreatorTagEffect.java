package io.tagcf.store.effects;

import io.tagcf.models.effects.Estimate;

/**
 * What one tag did for one creator's videos on one outcome over all viewers, from a published
 * snapshot's attributions, next to what it does across the platform.
 *
 * @param videos the creator's videos that carry it and have attributions
 * @param exposures their exposures in the snapshot's window
 * @param yours the exposure-weighted mean of the videos' effects; its interval is the same mean of
 *     their interval limits, which holds however their estimation errors are correlated (and is
 *     wider than needed when they are not)
 * @param platform the tag's estimated effect over all viewers; null when the cell was not estimated
 * @param platformRobust whether that effect is robust
 */
public record CreatorTagEffect(long tagId, String slug, String labelEn, String labelZh, int videos, long exposures,
    Estimate yours, Estimate platform, boolean platformRobust) {}
