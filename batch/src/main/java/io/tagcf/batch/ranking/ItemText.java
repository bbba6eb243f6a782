package io.tagcf.batch.ranking;

import java.util.List;

/**
 * What a data set says about an item: a title and optional further text, as the tagger reads them,
 * and the data set's own categories of the item (MovieLens's genres), empty where it has none.
 */
public record ItemText(String itemId, String title, String description, List<String> categories) {
  public ItemText {
    categories = List.copyOf(categories);
  }
}
