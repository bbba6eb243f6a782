package io.tagcf.gateway.interactions;

import io.tagcf.gateway.problem.Problem;
import io.tagcf.models.interactions.Exposure;
import io.tagcf.models.video.FieldViolation;
import io.tagcf.store.interactions.UnknownIds;
import io.tagcf.store.interactions.UnknownReferencesException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The 422 of a batch whose events name users or videos the platform does not know: each unknown id
 * named (the first few) at the first event that names it, and how many there are in all.
 */
final class UnknownReferences {

  private UnknownReferences() {}

  static Problem problem(UnknownReferencesException e, InteractionBatch batch) {
    List<FieldViolation> errors = new ArrayList<>();
    List<String> parts = new ArrayList<>();
    describe(e.users(), "user", "userId", Exposure::userId, batch, errors, parts);
    describe(e.videos(), "video", "videoId", Exposure::videoId, batch, errors, parts);
    String detail = "events name " + String.join(" and ", parts)
        + "; register users in the batch's users, upload videos first; nothing was stored";
    return new Problem(422, "Unknown reference", detail, errors);
  }

  private static void describe(UnknownIds unknown, String kind, String field, Function<Exposure, String> id,
      InteractionBatch batch, List<FieldViolation> errors, List<String> parts) {
    if (unknown.isEmpty()) {
      return;
    }
    Map<String, Integer> firstIndex = new HashMap<>();
    List<Exposure> events = batch.events();
    for (int i = 0; i < events.size(); i++) {
      firstIndex.putIfAbsent(id.apply(events.get(i)), i);
    }
    for (String name : unknown.named()) {
      Integer index = firstIndex.get(name);
      String where = index == null ? "events" : "events." + index + "." + field;
      errors.add(new FieldViolation(where, "unknown " + kind + " " + name));
    }
    String listed = String.join(", ", unknown.named());
    parts.add(unknown.count() + " unknown " + kind + (unknown.count() == 1 ? "" : "s")
        + (unknown.count() > unknown.named().size() ? " (the first " + unknown.named().size() + ": " : " (")
        + listed + ")");
  }
}
