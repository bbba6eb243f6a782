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

  public ReferenceCaptions(List<KuaiRecVideo> rows, PlatformCategories categories) {
    this.rows = List.copyOf(rows);
    this.categories = categories;
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
    return rows.stream().filter(v -> v.hasText() && categories.maps(v.firstLevelCategory())).toList();
  }

  /** The text each voter is embedded from, in the order of {@link #voters()}. */
  public List<String> documentTexts(CaptionNoise noise) {
    return voters().stream().map(v -> DocumentText.of(v.submission(), noise)).toList();
  }

  /** Exemplars for {@link #voters()}, given their vectors in the same order. */
  public List<LabelledExemplar> exemplars(List<float[]> vectors) {
    List<KuaiRecVideo> voters = voters();
    if (vectors.size() != voters.size()) {
      throw new IllegalArgumentException("expected " + voters.size() + " vectors, got " + vectors.size());
    }
    List<LabelledExemplar> out = new ArrayList<>(voters.size());
    for (int i = 0; i < voters.size(); i++) {
      KuaiRecVideo v = voters.get(i);
      out.add(new LabelledExemplar(v.submission().videoId(), vectors.get(i),
          categories.vocabularyCategories(v.firstLevelCategory()), Set.of()));
    }
    return out;
  }

  /** Exemplars embedded one text at a time by {@code embed}. */
  public List<LabelledExemplar> exemplars(CaptionNoise noise, Function<String, float[]> embed) {
    return exemplars(documentTexts(noise).stream().map(embed).toList());
  }

  public int size() {
    return rows.size();
  }
}
