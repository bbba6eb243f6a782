package io.tagcf.models.tagging.reference;

import io.tagcf.models.video.VideoSubmission;

/**
 * One row of KuaiRec's caption file: the creator's caption, the cover text ({@code null} when the
 * file says {@code UNKNOWN}) and the platform's first-level category.
 */
public record KuaiRecVideo(String videoId, String caption, String coverText, String firstLevelCategory) {

  /** Characters of the caption that go into the title; the rest becomes the description. */
  public static final int TITLE_CHARS = 200;
  /** Texts shorter than this (caption and cover text together, code points) are not measured. */
  public static final int MIN_TEXT_CODE_POINTS = 4;

  /**
   * The upload a creator would have made: title = the caption's first 200 characters, description
   * = the rest, cover text as given, language zh. A video with no caption takes its cover text as
   * title, since an upload needs one.
   */
  public VideoSubmission submission() {
    String title = caption;
    String description = null;
    if (caption.codePointCount(0, caption.length()) > TITLE_CHARS) {
      int cut = caption.offsetByCodePoints(0, TITLE_CHARS);
      title = caption.substring(0, cut);
      description = caption.substring(cut);
    }
    String cover = coverText;
    if (title.isBlank() && cover != null) {
      title = cover;
      cover = null;
    }
    return new VideoSubmission("kuairec-" + videoId, "kuairec", title, description, null, cover, null, "zh", null);
  }

  /** Whether there is enough text to ask for tags: at least {@value #MIN_TEXT_CODE_POINTS} characters. */
  public boolean hasText() {
    String text = (caption + (coverText == null ? "" : coverText)).replaceAll("\\s+", "");
    return text.codePointCount(0, text.length()) >= MIN_TEXT_CODE_POINTS;
  }
}
