package io.tagcf.gateway.users;

/** A role of T(1) with its labels and normalised weight. */
public record ExpandedRole(long tagId, String labelEn, String labelZh, double weight) {}
