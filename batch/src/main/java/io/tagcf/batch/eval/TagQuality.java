package io.tagcf.batch.eval;

import io.tagcf.batch.classify.Accuracy;
import io.tagcf.models.tagging.reference.PlatformCategories;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Tag quality against a platform's own categories (issue 14's measure). Coverage is the share of
 * videos with at least {@value #COVERED_ITEM_TAGS} item tags; for a video whose platform category
 * maps onto vocabulary categories, top-1 agreement is whether its best item tag's category is one
 * of them, any-tag agreement whether any item tag's is. Candidate tags have no category and never
 * agree.
 */
public final class TagQuality {

  public static final int COVERED_ITEM_TAGS = 3;

  /** Counts for one group of videos. */
  public record Counts(int videos, int covered, int mapped, int top1, int anyTag) {
    static final Counts NONE = new Counts(0, 0, 0, 0, 0);

    static Counts of(boolean isCovered, boolean isMapped, boolean isTop1, boolean isAny) {
      return new Counts(1, isCovered ? 1 : 0, isMapped ? 1 : 0, isTop1 ? 1 : 0, isAny ? 1 : 0);
    }

    Counts plus(Counts o) {
      return new Counts(videos + o.videos, covered + o.covered, mapped + o.mapped, top1 + o.top1, anyTag + o.anyTag);
    }

    public Accuracy coverage() {
      return new Accuracy(covered, videos);
    }

    public Accuracy top1Agreement() {
      return new Accuracy(top1, mapped);
    }

    public Accuracy anyTagAgreement() {
      return new Accuracy(anyTag, mapped);
    }
  }

  private final PlatformCategories categories;
  private Counts all = Counts.NONE;
  private final Map<String, Counts> byCategory = new TreeMap<>();

  public TagQuality(PlatformCategories categories) {
    this.categories = categories;
  }

  /**
   * One tagged video: its platform category and the vocabulary categories of its item tags, best
   * first ({@code null} for a candidate tag).
   */
  public synchronized void add(String platformCategory, List<String> itemTagCategories) {
    Set<String> agreeing = categories.vocabularyCategories(platformCategory);
    boolean mapped = !agreeing.isEmpty();
    boolean covered = itemTagCategories.size() >= COVERED_ITEM_TAGS;
    boolean top1 = mapped && !itemTagCategories.isEmpty() && itemTagCategories.get(0) != null
        && agreeing.contains(itemTagCategories.get(0));
    boolean any = mapped && itemTagCategories.stream().filter(Objects::nonNull).anyMatch(agreeing::contains);
    Counts one = Counts.of(covered, mapped, top1, any);
    all = all.plus(one);
    byCategory.merge(platformCategory, one, Counts::plus);
  }

  public synchronized Counts all() {
    return all;
  }

  /** Per platform category, in the platform's own names. */
  public synchronized Map<String, Counts> byCategory() {
    return Map.copyOf(byCategory);
  }
}
