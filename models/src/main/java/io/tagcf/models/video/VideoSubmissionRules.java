package io.tagcf.models.video;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The field rules of the upload contract, kept in one place so that the HTTP layer, the CLI and
 * the ingest activities agree. The OpenAPI document states the same limits for clients.
 */
public final class VideoSubmissionRules {

  public static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,128}");
  public static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");
  public static final int TITLE_MAX = 200;
  public static final int DESCRIPTION_MAX = 5_000;
  public static final int TRANSCRIPT_MAX = 50_000;
  public static final int COVER_TEXT_MAX = 1_000;
  public static final double DURATION_MAX_SEC = 36_000;

  private VideoSubmissionRules() {}

  /** Every violation, each naming its field; empty when the submission is valid. */
  public static List<FieldViolation> violations(VideoSubmission v) {
    List<FieldViolation> out = new ArrayList<>();
    requireId(out, "videoId", v.videoId());
    requireId(out, "creatorId", v.creatorId());
    if (v.title() == null || v.title().isBlank()) {
      out.add(new FieldViolation("title", "is required and must not be blank"));
    } else {
      maxLength(out, "title", v.title(), TITLE_MAX);
    }
    maxLength(out, "description", v.description(), DESCRIPTION_MAX);
    maxLength(out, "transcript", v.transcript(), TRANSCRIPT_MAX);
    maxLength(out, "coverText", v.coverText(), COVER_TEXT_MAX);
    if (v.durationSec() != null) {
      double d = v.durationSec();
      if (!(d > 0 && d <= DURATION_MAX_SEC)) {
        out.add(new FieldViolation("durationSec", "must be > 0 and <= " + (int) DURATION_MAX_SEC));
      }
    }
    if (v.language() != null && !LANGUAGE.matcher(v.language()).matches()) {
      out.add(new FieldViolation("language", "must be a BCP-47 language tag such as zh or en"));
    }
    return out;
  }

  private static void requireId(List<FieldViolation> out, String field, String value) {
    if (value == null || !ID.matcher(value).matches()) {
      out.add(new FieldViolation(field, "is required: 1-128 characters of [A-Za-z0-9_.-]"));
    }
  }

  private static void maxLength(List<FieldViolation> out, String field, String value, int max) {
    if (value != null && value.codePointCount(0, value.length()) > max) {
      out.add(new FieldViolation(field, "must be at most " + max + " characters"));
    }
  }
}
