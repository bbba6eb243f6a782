package io.tagcf.gateway.ranking;

import io.tagcf.gateway.http.BlockingReplies;
import io.tagcf.gateway.http.RequestParameters;
import io.tagcf.gateway.ranking.CandidateScores.Scored;
import io.tagcf.models.ranking.TagScores;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** POST /v1/rank/tag-scores: the TagCF scores of a user's candidates, for a ranking stage. */
public final class RankingHandlers {

  private final BlockingReplies blocking;
  private final CandidateScores scores;

  public RankingHandlers(BlockingReplies blocking, CandidateScores scores) {
    this.blocking = blocking;
    this.scores = scores;
  }

  public void tagScores(RoutingContext ctx) {
    // The contract has checked the shape: the id patterns, 1 to 1,000 candidates, none twice.
    JsonObject body = RequestParameters.of(ctx).body();
    String userId = body.getString("userId");
    List<String> candidates = new ArrayList<>(body.getJsonArray("candidates").size());
    body.getJsonArray("candidates").forEach(c -> candidates.add((String) c));
    blocking.run(ctx, () -> scores.score(userId, candidates)).onSuccess(s -> ctx.response()
        .setStatusCode(200)
        .putHeader("Content-Type", "application/json")
        .putHeader("Server-Timing", String.format(Locale.ROOT, "db;dur=%.3f, score;dur=%.3f", s.readMillis(), s.scoreMillis()))
        .end(json(s).encode()));
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
