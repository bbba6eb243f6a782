package io.tagcf.models.tagging.reference;

import io.tagcf.models.tagging.neighbours.LabelledExemplar;
import io.tagcf.models.tagging.text.CaptionMarks;
import io.tagcf.models.tagging.text.CaptionNoise;
import io.tagcf.models.tagging.text.DocumentText;
import io.tagcf.models.video.VideoSubmission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Captions labelled with a platform's categories, turned into what the offline tagger learns from:
 * the boilerplate marks (by their spread over all the platform's categories, mapped or not) and
 * the labelled exemplars (the captions whose category maps onto the vocabulary).
 */
public final class ReferenceCaptions {

  private final List<KuaiRecVideo> rows;
  private final PlatformCategories categories;
  /** The captions that can vote: enough text, and a category that maps onto the vocabulary. */
  private final List<KuaiRecVideo> voters;

  public ReferenceCaptions(List<KuaiRecVideo> rows, PlatformCategories categories) {
    this.rows = List.copyOf(rows);
    this.categories = categories;
    this.voters = this.rows.stream().filter(v -> v.hasText() && categories.maps(v.firstLevelCategory())).toList();
  }

  /** The bundled half of KuaiRec with Kuaishou's category map. */
  public static ReferenceCaptions bundled() {
    return new ReferenceCaptions(KuaiRecCaptions.bundled(), PlatformCategories.kuaishou());
  }

  public CaptionNoise noise() {
    List<CaptionNoise.Labelled> marked = new ArrayList<>(rows.size());
    for (KuaiRecVideo v : rows) {
      CaptionMarks marks = CaptionMarks.of(v.caption());
      List<String> all = new ArrayList<>(marks.hashtags());
      all.addAll(marks.mentions());
      marked.add(new CaptionNoise.Labelled(all, Set.of(v.firstLevelCategory())));
    }
    return CaptionNoise.learn(marked);
  }

  /** The captions that can vote: enough text, and a category that maps onto the vocabulary. */
  public List<KuaiRecVideo> voters() {
    return voters;
  }

  /**
   * An exemplar per voter, its {@link DocumentText} without {@code noise} embedded by
   * {@code embed}: one text per call, as the tagger embeds a video's text (a vector must not
   * depend on its batch), on every core.
   */
  public List<LabelledExemplar> exemplars(CaptionNoise noise, Function<String, float[]> embed) {
    return voters.parallelStream()
        .map(v -> new LabelledExemplar(v.submission().videoId(), embed.apply(DocumentText.of(v.submission(), noise)),
            categories.vocabularyCategories(v.firstLevelCategory()), Set.of()))
        .toList();
  }

  public int size() {
    return rows.size();
  }
}
