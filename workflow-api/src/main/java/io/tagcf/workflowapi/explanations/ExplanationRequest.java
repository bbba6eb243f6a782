package io.tagcf.workflowapi.explanations;

import java.util.ArrayList;
import java.util.List;

/**
 * Which explanation to write.
 *
 * @param snapshotId a published snapshot; 0 for the newest
 * @param language zh or en
 */
public record ExplanationRequest(String videoId, long snapshotId, String language) {

  public static final List<String> LANGUAGES = List.of("zh", "en");

  /** What is wrong with the request, each problem naming its field; empty when it is valid. */
  public List<String> problems() {
    List<String> out = new ArrayList<>();
    if (videoId == null || videoId.isBlank()) {
      out.add("videoId: missing");
    }
    if (snapshotId < 0) {
      out.add("snapshotId: must be 0 (the newest) or a snapshot id, got " + snapshotId);
    }
    if (!LANGUAGES.contains(language)) {
      out.add("language: must be zh or en, got " + language);
    }
    return out;
  }
}
