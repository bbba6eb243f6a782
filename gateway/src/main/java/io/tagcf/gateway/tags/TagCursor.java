package io.tagcf.gateway.tags;

import io.tagcf.gateway.problem.Problem;
import io.tagcf.gateway.problem.ProblemException;
import io.tagcf.models.video.FieldViolation;
import io.tagcf.store.tags.TagPosition;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The {@code cursor} of a tag search: where the next page starts, as an opaque token. Clients pass
 * back what the previous page's {@code next} said; its content is not part of the API.
 */
final class TagCursor {

  private static final String VERSION = "t1";

  private TagCursor() {}

  static String encode(TagPosition p) {
    String plain = VERSION + ":" + p.videoCount() + ":" + p.tagId();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** @throws ProblemException 400 naming {@code cursor} when it is not one this API made */
  static TagPosition decode(String cursor) {
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
      if (parts.length == 3 && VERSION.equals(parts[0])) {
        long count = Long.parseLong(parts[1]);
        long tagId = Long.parseLong(parts[2]);
        if (count >= 0 && tagId > 0) {
          return new TagPosition(count, tagId);
        }
      }
    } catch (IllegalArgumentException e) {
      // not base64, or not numbers: the same answer as any other foreign cursor
    }
    throw new ProblemException(Problem.invalid(List.of(new FieldViolation("cursor",
        "is not one this API gave out; pass the 'next' of the previous page, or omit it for the first page"))));
  }
}
