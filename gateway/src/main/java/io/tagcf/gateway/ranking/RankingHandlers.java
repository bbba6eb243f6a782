package io.tagcf.gateway.ranking;

import io.tagcf.gateway.http.BlockingReplies;
import io.tagcf.gateway.http.BodyValidation;
import io.tagcf.gateway.problem.Problem;
import io.tagcf.gateway.problem.ProblemException;
import io.tagcf.gateway.ranking.CandidateScores.Scored;
import io.tagcf.models.ranking.TagScores;
import io.tagcf.models.video.FieldViolation;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** POST /v1/rank/tag-scores: the TagCF scores of a user's candidates, for a ranking stage. */
public final class RankingHandlers {

  private final BlockingReplies blocking;
  private final BodyValidation contract;
  private final CandidateScores scores;

  public RankingHandlers(BlockingReplies blocking, BodyValidation contract, CandidateScores scores) {
    this.blocking = blocking;
    this.contract = contract;
    this.scores = scores;
  }

  public void tagScores(RoutingContext ctx) {
    Buffer raw = ctx.body().buffer();
    // A thousand ids take the contract's validator milliseconds: on a worker thread, as the
    // interaction log's batches, not in the router's queue that every request shares.
    blocking.run(ctx, () -> {
      JsonObject body = contract.validate(raw);
      return scores.score(body.getString("userId"), distinct(body.getJsonArray("candidates")));
    }).onSuccess(s -> ctx.response()
        .setStatusCode(200)
        .putHeader("Content-Type", "application/json")
        .putHeader("Server-Timing", String.format(Locale.ROOT, "db;dur=%.3f, score;dur=%.3f", s.readMillis(), s.scoreMillis()))
        .end(json(s).encode()));
  }

  /** The candidates in order; the schema cannot refuse a repeated one cheaply, so this does. */
  private static List<String> distinct(JsonArray candidates) {
    List<String> out = new ArrayList<>(candidates.size());
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < candidates.size(); i++) {
      String id = candidates.getString(i);
      Integer earlier = first.putIfAbsent(id, i);
      if (earlier != null) {
        throw new ProblemException(Problem.invalid(List.of(
            new FieldViolation("candidates." + i, "repeats " + id + " of candidates." + earlier))));
      }
      out.add(id);
    }
    return out;
  }

  static JsonObject json(Scored s) {
    JsonArray out = new JsonArray();
    for (CandidateScores.Candidate c : s.scores()) {
      TagScores t = c.scores();
      out.add(new JsonObject()
          .put("videoId", c.videoId())
          .put("tag0", t.tag0())
          .put("tag1", t.tag1())
          .put("interestPath", t.interestPath() == null ? null : new JsonObject()
              .put("tagId", t.interestPath().tagId())
              .put("contribution", t.interestPath().contribution()))
          .put("logicPath", t.logicPath() == null ? null : new JsonObject()
              .put("roleTagId", t.logicPath().roleId())
              .put("itemTagId", t.logicPath().itemTagId())
              .put("expandedRoleTagId", t.logicPath().expandedRoleId())
              .put("contribution", t.logicPath().contribution())));
    }
    JsonArray tags = new JsonArray();
    s.tags().values().forEach(t -> tags.add(new JsonObject()
        .put("tagId", t.tagId())
        .put("kind", t.kind().wireName())
        .put("labelEn", t.labelEn())
        .put("labelZh", t.labelZh())));
    return new JsonObject()
        .put("userId", s.userId())
        .put("profileFound", s.profileFound())
        .put("scores", out)
        .put("unknownVideos", new JsonArray(s.unknownVideos()))
        .put("tags", tags);
  }
}
