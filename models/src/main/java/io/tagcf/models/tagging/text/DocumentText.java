package io.tagcf.models.tagging.text;

import io.tagcf.models.video.VideoSubmission;
import io.tagcf.models.video.VideoText;
import java.util.Objects;

/**
 * The text a video is compared by as a whole ({@link VideoText}), with mentions and boilerplate
 * hashtags taken out of title and description: in a short caption, #感谢快手我要上热门 would
 * otherwise decide which videos it is near. Labelled exemplars are embedded from the same text.
 */
public final class DocumentText {

  private DocumentText() {}

  public static String of(VideoSubmission v, CaptionNoise noise) {
    return VideoText.of(withoutBoilerplate(v, noise));
  }

  static VideoSubmission withoutBoilerplate(VideoSubmission v, CaptionNoise noise) {
    String title = CaptionMarks.clean(v.title(), noise);
    String description = CaptionMarks.clean(v.description(), noise);
    if (title.equals(v.title()) && Objects.equals(description, v.description())) {
      return v;
    }
    if (title.isBlank()) {
      if (description != null && !description.isBlank()) {
        title = description;
        description = null;
      } else if (v.coverText() != null) {
        title = v.coverText();
      } else {
        return v;
      }
    }
    return new VideoSubmission(v.videoId(), v.creatorId(), title, description, v.transcript(), v.coverText(),
        v.durationSec(), v.language(), v.publishedAt());
  }
}
