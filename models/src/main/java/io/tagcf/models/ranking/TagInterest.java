package io.tagcf.models.ranking;

/** Settings of a user's item-tag interest P(c | u), shared by the roles workflow and the offline evaluation. */
public final class TagInterest {

  /**
   * How many item tags of a user's interest are kept: twice the roles' ten, because a user's videos
   * carry several item tags each (3 to 10) against one to three audience tags, so the same history
   * spreads over more item tags. The cut bounds the profile a ranking call reads.
   */
  public static final int TOP_TAGS = 20;

  private TagInterest() {}
}
