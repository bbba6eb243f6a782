package io.tagcf.models.effects;

import java.util.List;

/** Everything one snapshot says about one tag: every (segment, outcome) cell and its videos' attributions. */
public record TagEffects(long tagId, List<CellEstimate> cells, List<VideoAttribution> attributions) {}
