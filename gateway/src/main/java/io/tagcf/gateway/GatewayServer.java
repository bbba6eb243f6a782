package io.tagcf.gateway;

import io.tagcf.gateway.access.AccessHandler;
import io.tagcf.gateway.access.AccessRules;
import io.tagcf.gateway.creator.CreatorHandlers;
import io.tagcf.gateway.effects.EffectHandlers;
import io.tagcf.gateway.explanations.ExplanationHandlers;
import io.tagcf.gateway.http.BlockingReplies;
import io.tagcf.gateway.http.BodyLimits;
import io.tagcf.gateway.http.DependencyLane;
import io.tagcf.gateway.http.NoNulCharacters;
import io.tagcf.gateway.http.BodyValidation;
import io.tagcf.gateway.interactions.InteractionHandlers;
import io.tagcf.gateway.problem.Problem;
import io.tagcf.gateway.problem.ProblemException;
import io.tagcf.gateway.problem.ProblemFailureHandler;
import io.tagcf.gateway.tags.TagDetails;
import io.tagcf.gateway.tags.TagHandlers;
import io.tagcf.gateway.ranking.CandidateScores;
import io.tagcf.gateway.ranking.RankingHandlers;
import io.tagcf.gateway.ranking.RememberedRankingStore;
import io.tagcf.gateway.users.UserRoleHandlers;
import io.tagcf.gateway.users.UserRoleProfiles;
import io.tagcf.gateway.videos.VideoHandlers;
import io.tagcf.gateway.videos.VideoUploads;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.handler.TimeoutHandler;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import java.time.Clock;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP API, built contract-first: routes and request validation come from the OpenAPI
 * document; handlers are attached by operation id. One failure handler renders every error as
 * {@code application/problem+json}.
 */
public final class GatewayServer {

  public static final String CONTRACT = "openapi/tagcf-api.yaml";
  /** The creator page's static files, served at {@code /creator/}. */
  public static final String CREATOR_PAGE = "webroot/creator";
  static final String CREATOR_PAGE_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none';"
      + " base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  /** Request bodies of operations without their own {@code x-tagcf-body-limit} in the contract. */
  public static final int BODY_LIMIT_BYTES = 256 * 1024;
  private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

  private GatewayServer() {}

  /** Builds the router and listens on {@code host:port}; port 0 picks a free port. */
  public static Future<HttpServer> start(Vertx vertx, GatewayDependencies deps, String host, int port) {
    HttpServerOptions options = new HttpServerOptions()
        .setIdleTimeout((int) deps.limits().idleTimeout().toSeconds()).setIdleTimeoutUnit(TimeUnit.SECONDS);
    return router(vertx, deps)
        .compose(router -> vertx.createHttpServer(options).requestHandler(router).listen(port, host));
  }

  public static Future<Router> router(Vertx vertx, GatewayDependencies deps) {
    return vertx
        .fileSystem()
        .readFile(CONTRACT)
        .compose(yaml -> ContractLoader.load(vertx, yaml).map(contract -> build(vertx, deps, contract, yaml)));
  }

  private static Router build(Vertx vertx, GatewayDependencies deps, OpenAPIContract contract, Buffer yaml) {
    GatewayLimits limits = deps.limits();
    // Work that ends in a Temporal call has a lane of its own: Temporal down must not hold up reads.
    BlockingReplies blocking = new BlockingReplies(
        new DependencyLane(vertx, "database", limits.databaseThreads(), limits.databaseWaiting()).bindTo(deps.metrics()));
    BlockingReplies temporal = new BlockingReplies(
        new DependencyLane(vertx, "temporal", limits.temporalThreads(), limits.temporalWaiting()).bindTo(deps.metrics()));
    VideoHandlers videos = new VideoHandlers(blocking, temporal, deps.videos(),
        new VideoUploads(deps.videos(), deps.ingest(), deps.metrics()));
    TagHandlers tags = new TagHandlers(vertx, blocking, deps.tags(), new TagDetails(deps.tags()));
    UserRoleHandlers users = new UserRoleHandlers(blocking, new UserRoleProfiles(deps.userRoles()));
    RankingHandlers ranking = new RankingHandlers(blocking, new BodyValidation(contract, "rankTagScores"),
        new CandidateScores(new RememberedRankingStore(deps.rankings())));
    InteractionHandlers interactions = new InteractionHandlers(blocking,
        new BodyValidation(contract, "recordInteractions"), deps.interactions(), deps.metrics(), Clock.systemUTC());
    EffectHandlers effects =
        new EffectHandlers(blocking, temporal, deps.effects(), deps.tags(), deps.videos(), deps.snapshots());
    ExplanationHandlers explanations = new ExplanationHandlers(
        vertx, blocking, temporal, deps.videos(), deps.effects(), deps.explanations(), deps.explainer());
    CreatorHandlers creator = new CreatorHandlers(blocking, deps.videos(), deps.effects());
    ProblemFailureHandler problems = new ProblemFailureHandler();

    RouterBuilder builder = RouterBuilder.create(vertx, contract, RequestExtractor.withBodyHandler());
    // Before any other handler of a route: who the request acts for, and whether its key may.
    AccessHandler access = new AccessHandler(
        vertx, blocking.lane(), deps.access(), AccessRules.from(ContractLoader.document(yaml)));
    for (OpenAPIRoute route : builder.getRoutes()) {
      route.addHandler(access.forOperation(route.getOperation().getOperationId()));
    }
    // First, so that every request, whatever it waits on, is answered within the limit.
    builder.rootHandler(TimeoutHandler.create(limits.requestTimeout().toMillis(), 503));
    builder.rootHandler(new BodyLimits(contract, BODY_LIMIT_BYTES));
    builder.rootHandler(GatewayServer::requireJsonBody);
    builder.rootHandler(new NoNulCharacters());
    builder.rootHandler(GatewayServer::encodeQueryForValidator);
    builder.getRoute("uploadVideo").addHandler(videos::upload).addFailureHandler(problems);
    builder.getRoute("getVideo").addHandler(videos::get).addFailureHandler(problems);
    builder.getRoute("similarVideos").addHandler(videos::similar).addFailureHandler(problems);
    builder.getRoute("searchTags").addHandler(tags::search).addFailureHandler(problems);
    builder.getRoute("getTag").addHandler(tags::get).addFailureHandler(problems);
    builder.getRoute("approveTag").addHandler(tags::approve).addFailureHandler(problems);
    builder.getRoute("userRoles").addHandler(users::roles).addFailureHandler(problems);
    builder.getRoute("rankTagScores").setDoValidation(false)
        .addHandler(ranking::tagScores).addFailureHandler(problems);
    // Its handler checks the body against the contract itself, off the router's shared queue.
    builder.getRoute("recordInteractions").setDoValidation(false)
        .addHandler(interactions::record).addFailureHandler(problems);
    builder.getRoute("listSnapshots").addHandler(effects::listSnapshots).addFailureHandler(problems);
    builder.getRoute("getSnapshot").addHandler(effects::getSnapshot).addFailureHandler(problems);
    builder.getRoute("startSnapshot").addHandler(effects::startSnapshot).addFailureHandler(problems);
    builder.getRoute("snapshotRun").addHandler(effects::snapshotRun).addFailureHandler(problems);
    builder.getRoute("tagEffects").addHandler(effects::tagEffects).addFailureHandler(problems);
    builder.getRoute("rankEffects").addHandler(effects::rankEffects).addFailureHandler(problems);
    builder.getRoute("videoAttributions").addHandler(effects::videoAttributions).addFailureHandler(problems);
    builder.getRoute("getExplanation").addHandler(explanations::get).addFailureHandler(problems);
    builder.getRoute("refreshExplanation").addHandler(explanations::refresh).addFailureHandler(problems);
    builder.getRoute("creatorVideos").addHandler(creator::videos).addFailureHandler(problems);
    builder.getRoute("creatorInsights").addHandler(creator::insights).addFailureHandler(problems);
    builder.getRoute("health").addHandler(ctx -> json(ctx, new JsonObject().put("status", "UP")));
    builder.getRoute("openapi").addHandler(ctx ->
        ctx.response().putHeader("Content-Type", "application/yaml").end(yaml));

    Router router = builder.createRouter();
    // The creator page: static files, no key needed to load them; the page presents the creator's key.
    // Everything the page loads comes from this gateway, and the browser is told to hold it to that.
    router.get("/creator/*").handler(ctx -> {
      ctx.response().putHeader("Content-Security-Policy", CREATOR_PAGE_POLICY)
          .putHeader("X-Content-Type-Options", "nosniff").putHeader("Referrer-Policy", "no-referrer");
      ctx.next();
    });
    router.get("/creator/*").handler(StaticHandler.create(CREATOR_PAGE).setCachingEnabled(false)
        .setDefaultContentEncoding("UTF-8"));
    router.route().failureHandler(problems);
    for (int status : new int[] {400, 401, 403, 404, 405, 413, 415, 500, 503}) {
      router.errorHandler(status, ctx -> {
        if (!ctx.response().headWritten()) {
          problems.handle(ctx);
        }
      });
    }
    return router;
  }

  /**
   * Bodies must be JSON: reject other media types before the validator sees them. A request that
   * sends no body at all (an action such as {@code :refresh}) needs no type; where the contract
   * requires a body, its validator refuses the missing one.
   */
  private static void requireJsonBody(RoutingContext ctx) {
    if (WITH_BODY.contains(ctx.request().method()) && sendsBody(ctx)) {
      String type = ctx.request().getHeader("Content-Type");
      String mime = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
      if (!mime.equals("application/json")) {
        ctx.fail(new ProblemException(
            Problem.of(415, "Unsupported media type", "send the body as application/json")));
        return;
      }
    }
    ctx.next();
  }

  private static boolean sendsBody(RoutingContext ctx) {
    String length = ctx.request().getHeader("Content-Length");
    return ctx.request().getHeader("Transfer-Encoding") != null || (length != null && !length.strip().equals("0"));
  }

  /**
   * Vert.x OpenAPI 5.0.7 URL-decodes query values a second time after Vert.x has decoded them, so
   * that {@code segment=55%2B} would arrive as "55 " and {@code q=100%25} would fail to decode.
   * Encoding each value once more before validation makes it arrive as the client sent it.
   */
  private static void encodeQueryForValidator(RoutingContext ctx) {
    MultiMap params = ctx.request().params();
    for (String name : List.copyOf(params.names())) {
      List<String> values = params.getAll(name);
      params.remove(name);
      values.forEach(v -> params.add(name, URLEncoder.encode(v, StandardCharsets.UTF_8)));
    }
    ctx.next();
  }

  private static void json(RoutingContext ctx, JsonObject body) {
    ctx.response().putHeader("Content-Type", "application/json").end(body.encode());
  }
}
