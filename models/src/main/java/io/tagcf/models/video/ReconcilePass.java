package io.tagcf.models.video;

import java.util.List;

/**
 * One pass of the ingest reconciler: how many stranded videos it found, how many it re-signalled,
 * and the ids of (at most 20 of) those the workflow service refused; the next pass tries them again.
 */
public record ReconcilePass(int found, int signalled, List<String> refused) {}
