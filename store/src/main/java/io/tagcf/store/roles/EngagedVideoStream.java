package io.tagcf.store.roles;

import io.tagcf.models.roles.EngagedVideo;
import io.tagcf.models.roles.WeightedTag;
import io.tagcf.store.StoreException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The rows of {@link EngagementRepository#read} as they arrive from the cursor, one at a time, with
 * a count of the engagements they summed.
 */
public final class EngagedVideoStream implements Iterator<EngagedVideo> {

  private final ResultSet rows;
  private boolean ahead;
  private boolean checked;
  private long engagements;

  EngagedVideoStream(ResultSet rows) {
    this.rows = rows;
  }

  @Override
  public boolean hasNext() {
    if (!checked) {
      try {
        ahead = rows.next();
      } catch (SQLException e) {
        throw new StoreException(e);
      }
      checked = true;
    }
    return ahead;
  }

  @Override
  public EngagedVideo next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    checked = false;
    try {
      EngagedVideo row = new EngagedVideo(rows.getString(1), rows.getString(2), rows.getLong(3), rows.getDouble(4),
          tags(rows.getArray(5), rows.getArray(6)));
      engagements += row.engagements();
      return row;
    } catch (SQLException e) {
      throw new StoreException(e);
    }
  }

  /** The engagements summed by the rows read so far. */
  public long engagements() {
    return engagements;
  }

  private static List<WeightedTag> tags(Array tagIds, Array scores) throws SQLException {
    Long[] ids = (Long[]) tagIds.getArray();
    Double[] weights = (Double[]) scores.getArray();
    List<WeightedTag> out = new ArrayList<>(ids.length);
    for (int i = 0; i < ids.length; i++) {
      out.add(new WeightedTag(ids[i], weights[i]));
    }
    return out;
  }
}
