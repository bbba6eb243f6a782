package io.tagcf.faults;

import java.util.List;

/** Upload bodies for the fault tests: varied real-looking text, so that the tagger does real work. */
final class Catalog {

  private static final List<String[]> TOPICS = List.of(
      new String[] {"Braised pork belly the way my grandmother made it", "Slow cooked with soy sauce and rock sugar."},
      new String[] {"My cat knocked over the Christmas tree again", "Mochi the tabby vs. the tree, round 3."},
      new String[] {"Ten minute morning yoga for stiff backs", "A gentle flow for beginners, no equipment."},
      new String[] {"Hiking the Tiger Leaping Gorge in two days", "Trail tips, guesthouses and the best views."},
      new String[] {"Budget gaming PC build under 600 dollars", "Parts list, benchmarks and cable management."},
      new String[] {"How I paid off my student loans in three years", "Budgeting, side income and what I gave up."},
      new String[] {"Street food tour of Chengdu at night", "Skewers, dumplings and very spicy noodles."},
      new String[] {"Teaching my toddler to swim", "Floats, songs and a lot of patience at the pool."},
      new String[] {"Watercolor landscape for absolute beginners", "Wet on wet skies and simple trees."},
      new String[] {"Fixing a leaking kitchen tap yourself", "Tools you need and the washer that always fails."});

  private Catalog() {}

  /** The upload of {@code videoId} with topic {@code variant} (any integer), by {@code creatorId}. */
  static String upload(String videoId, String creatorId, int variant) {
    String[] topic = TOPICS.get(Math.floorMod(variant, TOPICS.size()));
    return "{\"videoId\":\"" + videoId + "\",\"creatorId\":\"" + creatorId + "\",\"title\":\"" + topic[0]
        + " (" + variant + ")\",\"description\":\"" + topic[1] + "\",\"language\":\"en\"}";
  }

  /** The title that {@link #upload} gives {@code variant}. */
  static String title(int variant) {
    return TOPICS.get(Math.floorMod(variant, TOPICS.size()))[0] + " (" + variant + ")";
  }
}
