package io.tagcf.store.tags;

/**
 * When a candidate tag leaves quarantine: once videos of {@code minCreators} distinct creators
 * carry it, or an admin approved it. Until then it is the label of the videos that carry it and
 * nothing more: no merge target for other labels, no cover-set member, not in the tag API for
 * non-admins. One creator cannot make a word part of everyone's vocabulary.
 *
 * <p>The count is read live ({@code tags.creator_count}, kept by the V11 triggers) against this
 * setting, so raising the setting quarantines again the candidates below it; an approval stays.
 */
public record CandidateQuarantine(int minCreators) {

  public static final int DEFAULT_MIN_CREATORS = 3;

  public static final CandidateQuarantine DEFAULT = new CandidateQuarantine(DEFAULT_MIN_CREATORS);

  public CandidateQuarantine {
    if (minCreators < 1) {
      throw new IllegalArgumentException("a candidate needs at least 1 creator to be released: " + minCreators);
    }
  }

  /**
   * The SQL condition that the tag row {@code alias} is released: a vocabulary tag, an approved
   * candidate, or one carried by enough creators. The threshold is an int, written as a literal.
   */
  public String released(String alias) {
    return "(" + alias + ".status = 'vocabulary' OR " + alias + ".approved_at IS NOT NULL OR "
        + alias + ".creator_count >= " + minCreators + ")";
  }

  /** The same rule in Java, for a row already read. */
  public boolean quarantined(boolean candidate, boolean approved, long creators) {
    return candidate && !approved && creators < minCreators;
  }
}
