package io.tagcf.store.logic;

import io.tagcf.models.logic.LogicEdge;

/** A logic edge with its source and the labels of the tag at its other end. */
public record StoredLogicEdge(
    LogicEdge edge, LogicSource source, String otherSlug, String otherLabelEn, String otherLabelZh) {}
