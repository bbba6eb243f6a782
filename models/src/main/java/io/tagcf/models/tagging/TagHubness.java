package io.tagcf.models.tagging;

import io.tagcf.models.embedding.UnitVectors;
import java.util.List;

/**
 * How close each tag is to everything. Some tags sit near the centre of the embedding space
 * (short acronyms such as "HIIT" or "ASMR" most of all) and would otherwise be the best match of
 * any phrase that matches nothing well. Subtracting a tag's mean similarity to the rest of its
 * vocabulary ("hubness" correction) leaves the part of a similarity that is specific to the tag.
 */
final class TagHubness {

  /** Per language (0 = English, 1 = Chinese): mean similarity of each tag to the other tags' labels. */
  private final double[][] profileHub;
  private final double[][] labelHub;

  private TagHubness(double[][] profileHub, double[][] labelHub) {
    this.profileHub = profileHub;
    this.labelHub = labelHub;
  }

  /**
   * The other tags' labels in each language stand in for text of that language: English text
   * and Chinese text sit in different regions of the model's space, and a tag can be a hub in
   * one and not the other.
   */
  static TagHubness of(List<ScoredTagSpace.Tag> space) {
    int n = space.size();
    double[][] profile = new double[2][n];
    double[][] label = new double[2][n];
    for (int i = 0; i < n; i++) {
      var a = space.get(i).vectors();
      for (int j = 0; j < n; j++) {
        if (i == j) {
          continue;
        }
        var b = space.get(j).vectors();
        float[][] background = {b.labelEn(), b.labelZh()};
        for (int lang = 0; lang < 2; lang++) {
          profile[lang][i] += UnitVectors.cosine(a.profile(), background[lang]);
          label[lang][i] += Math.max(
              UnitVectors.cosine(a.labelEn(), background[lang]), UnitVectors.cosine(a.labelZh(), background[lang]));
        }
      }
      for (int lang = 0; lang < 2; lang++) {
        profile[lang][i] /= Math.max(1, n - 1);
        label[lang][i] /= Math.max(1, n - 1);
      }
    }
    return new TagHubness(profile, label);
  }

  /** Subtracts each tag's hubness for the text's language from its similarities, in place. */
  void correct(double[] docSim, double[] phraseSim, boolean chinese) {
    int lang = chinese ? 1 : 0;
    for (int i = 0; i < docSim.length; i++) {
      docSim[i] -= profileHub[lang][i];
      phraseSim[i] -= labelHub[lang][i];
    }
  }
}
