package io.tagcf.store.effects;

import io.tagcf.models.effects.SegmentScheme;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link SegmentScheme} as SQL over {@code users u}: the segment expression and, for the role
 * dimension, the join that brings each user's top role in as {@code r.role}. Attribute keys are
 * checked by the scheme's parser ([a-z][a-z0-9_]*), so quoting them as literals is safe.
 */
record SegmentSql(String expression, String join) {
  static final String UNKNOWN = "unknown";

  static SegmentSql of(SegmentScheme scheme) {
    List<String> parts = new ArrayList<>();
    String join = "";
    for (SegmentScheme.Dimension d : scheme.dimensions()) {
      if (d instanceof SegmentScheme.Column c) {
        parts.add("coalesce(u." + c.name() + ", '" + UNKNOWN + "')");
      } else if (d instanceof SegmentScheme.Attribute a) {
        parts.add("coalesce(u.attributes ->> '" + a.key() + "', '" + UNKNOWN + "')");
      } else {
        parts.add("coalesce(r.role, '" + UNKNOWN + "')");
        join = " LEFT JOIN (SELECT DISTINCT ON (ur.user_id) ur.user_id, t.slug AS role FROM user_roles ur"
            + " JOIN tags t ON t.tag_id = ur.tag_id ORDER BY ur.user_id, ur.rank) r ON r.user_id = u.user_id";
      }
    }
    String expression = parts.size() == 1 ? parts.get(0) : "concat_ws('/', " + String.join(", ", parts) + ")";
    return new SegmentSql(expression, join);
  }
}
