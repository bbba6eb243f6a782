package io.tagcf.models.ranking.evaluation;

import java.util.List;

/**
 * A data set for offline ranking evaluation: the items (index = position in {@code itemIds}) and
 * every user's time-ordered history over them. {@code timeUnit} names the unit of the histories'
 * times ("days" or "positions").
 */
public record RankingData(String name, List<String> itemIds, List<UserHistory> users, String timeUnit) {
  public RankingData {
    itemIds = List.copyOf(itemIds);
    users = List.copyOf(users);
    for (UserHistory u : users) {
      for (int item : u.items()) {
        if (item < 0 || item >= itemIds.size()) {
          throw new IllegalArgumentException("user " + u.userId() + " has item index " + item + " outside 0.." + (itemIds.size() - 1));
        }
      }
    }
  }

  public int itemCount() {
    return itemIds.size();
  }

  public long interactionCount() {
    return users.stream().mapToLong(UserHistory::size).sum();
  }
}
