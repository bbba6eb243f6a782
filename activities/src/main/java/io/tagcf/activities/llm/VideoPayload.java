package io.tagcf.activities.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tagcf.models.video.VideoSubmission;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A video's text as the data block of a prompt: a JSON object, so quotes and line breaks in the
 * uploader's text cannot end the block, with the block's own delimiters removed from the text and
 * the transcript cut to a budget.
 */
final class VideoPayload {

  static final int TRANSCRIPT_BUDGET = 6_000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DataBlock BLOCK = new DataBlock("<<<VIDEO_DATA", "VIDEO_DATA>>>");

  private VideoPayload() {}

  static String of(VideoSubmission v) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put("title", clean(v.title()));
    put(data, "description", v.description());
    put(data, "asr", v.transcript() == null ? null
        : v.transcript().substring(0, Math.min(TRANSCRIPT_BUDGET, v.transcript().length())));
    put(data, "ocr", v.coverText());
    try {
      return JSON.writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void put(Map<String, String> data, String key, String value) {
    if (value != null && !value.isBlank()) {
      data.put(key, clean(value));
    }
  }

  private static String clean(String s) {
    return BLOCK.clean(s);
  }
}
