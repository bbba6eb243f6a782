package io.tagcf.gateway.http;

import io.tagcf.gateway.problem.Problem;
import io.tagcf.gateway.problem.ProblemException;
import io.tagcf.models.video.FieldViolation;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Refuses U+0000 anywhere a request carries text: PostgreSQL cannot store it in {@code text}
 * (error 22021), so it would otherwise reach the database and come back as a 500. One 400 names
 * every offending query parameter or body field ({@code events.3.userId}).
 */
public final class NoNulCharacters implements Handler<RoutingContext> {

  private static final String MESSAGE = "must not contain the NUL character (U+0000)";
  /** How JSON writes U+0000: a body without it has none (raw control characters are not JSON). */
  private static final byte[] ESCAPED = "\\u0000".getBytes(StandardCharsets.US_ASCII);

  @Override
  public void handle(RoutingContext ctx) {
    List<FieldViolation> found = new ArrayList<>();
    if (ctx.request().path().toLowerCase(Locale.ROOT).contains("%00")) {
      found.add(new FieldViolation("path", MESSAGE));
    }
    for (Map.Entry<String, String> p : ctx.request().params()) {
      if (p.getKey().indexOf('\0') >= 0 || p.getValue().indexOf('\0') >= 0) {
        found.add(new FieldViolation(p.getKey().replace('\0', '?'), MESSAGE));
      }
    }
    Buffer body = ctx.body() == null ? null : ctx.body().buffer();
    if (body == null || !contains(body.getBytes(), ESCAPED)) {
      answer(ctx, found);
      return;
    }
    // Naming the fields means parsing the body, up to a batch's megabytes: not on the event loop.
    ctx.vertx().executeBlocking(() -> {
      try {
        walk(Json.decodeValue(body), "", found);
      } catch (DecodeException e) {
        // not JSON: the contract's validation says so
      }
      return found;
    }, false).onComplete(walked -> answer(ctx, found));
  }

  private static void answer(RoutingContext ctx, List<FieldViolation> found) {
    if (found.isEmpty()) {
      ctx.next();
    } else {
      ctx.fail(new ProblemException(Problem.invalid(found)));
    }
  }

  private static void walk(Object node, String path, List<FieldViolation> found) {
    if (node instanceof JsonObject o) {
      for (Map.Entry<String, Object> e : o) {
        String field = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
        if (e.getKey().indexOf('\0') >= 0) {
          found.add(new FieldViolation(field.replace('\0', '?'), "field name " + MESSAGE));
        }
        walk(e.getValue(), field, found);
      }
    } else if (node instanceof JsonArray a) {
      for (int i = 0; i < a.size(); i++) {
        walk(a.getValue(i), path.isEmpty() ? Integer.toString(i) : path + "." + i, found);
      }
    } else if (node instanceof String s && s.indexOf('\0') >= 0) {
      found.add(new FieldViolation(path.isEmpty() ? "body" : path, MESSAGE));
    }
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        byte b = haystack[i + j];
        // JSON's \\u escape takes hex digits in either case; only "0000" matters, which has no case
        if (b != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
