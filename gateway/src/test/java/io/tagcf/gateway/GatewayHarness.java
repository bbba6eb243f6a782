package io.tagcf.gateway;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tagcf.gateway.access.AccessControl;
import io.tagcf.gateway.access.RateLimits;
import io.tagcf.gateway.fakes.CallingThreads;
import io.tagcf.gateway.health.ManagementServer;
import io.tagcf.gateway.fakes.FakeKeyStore;
import io.tagcf.gateway.fakes.FakeIngestStarter;
import io.tagcf.gateway.fakes.InMemoryInteractionStore;
import io.tagcf.gateway.fakes.FakeExplanationStarter;
import io.tagcf.gateway.fakes.FakeSnapshotStarter;
import io.tagcf.gateway.fakes.InMemoryExplanationStore;
import io.tagcf.gateway.fakes.InMemoryEffectStore;
import io.tagcf.gateway.fakes.InMemoryTagStore;
import io.tagcf.gateway.fakes.InMemoryRankingStore;
import io.tagcf.gateway.fakes.InMemoryUserRoleStore;
import io.tagcf.gateway.fakes.InMemoryVideoStore;
import io.tagcf.gateway.fakes.SwitchableProbe;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.concurrent.TimeUnit;

/**
 * The real router on a free port with in-memory ports, and the only way the gateway's tests talk
 * to it: before a test sees a response, the response has passed the OpenAPI document
 * ({@link ContractResponses}) and no port has been called on an event loop.
 */
final class GatewayHarness implements AutoCloseable {

  private static final String HOST = "127.0.0.1";

  final CallingThreads threads = new CallingThreads();
  final InMemoryVideoStore videos = new InMemoryVideoStore(threads);
  final InMemoryTagStore tags = new InMemoryTagStore(threads);
  final InMemoryUserRoleStore userRoles = new InMemoryUserRoleStore(threads);
  final InMemoryRankingStore rankings = new InMemoryRankingStore(threads);
  final InMemoryInteractionStore interactions = new InMemoryInteractionStore(threads);
  final FakeIngestStarter ingest = new FakeIngestStarter(threads);
  final InMemoryEffectStore effects = new InMemoryEffectStore(threads);
  final FakeSnapshotStarter snapshots = new FakeSnapshotStarter(threads);
  final InMemoryExplanationStore explanations = new InMemoryExplanationStore(threads);
  final FakeExplanationStarter explainer = new FakeExplanationStarter(threads);
  final SwitchableProbe database = new SwitchableProbe(threads, "database");
  final FakeKeyStore keys = new FakeKeyStore(threads);
  final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  private final Vertx vertx = Vertx.vertx();
  private final WebClient client = WebClient.create(vertx);
  private final ContractResponses contract;
  private final int port;
  private final int managementPort;
  /** The key requests present; {@link FakeKeyStore#ADMIN} unless a test says otherwise. */
  private volatile String key = FakeKeyStore.ADMIN;

  private GatewayHarness(RateLimits.Settings limits, GatewayLimits gatewayLimits) throws Exception {
    contract = ContractResponses.load(vertx);
    GatewayDependencies deps = new GatewayDependencies(
        videos, tags, userRoles, rankings, interactions, ingest, effects, snapshots, explanations, explainer, database, metrics,
        AccessControl.required(keys, limits), gatewayLimits);
    HttpServer server = GatewayServer.start(vertx, deps, HOST, 0).await(30, TimeUnit.SECONDS);
    port = server.actualPort();
    managementPort = ManagementServer.start(vertx, deps, HOST, 0).await(30, TimeUnit.SECONDS).actualPort();
  }

  static GatewayHarness start() throws Exception {
    return new GatewayHarness(RateLimits.Settings.defaults(), GatewayLimits.defaults());
  }

  /** With these lanes and timeouts instead of the defaults. */
  static GatewayHarness start(GatewayLimits limits) throws Exception {
    return new GatewayHarness(RateLimits.Settings.defaults(), limits);
  }

  /** With these rate limits instead of the defaults. */
  static GatewayHarness start(RateLimits.Settings limits) throws Exception {
    return new GatewayHarness(limits, GatewayLimits.defaults());
  }

  /** The API's port, for clients other than the harness's own (a browser). */
  int port() {
    return port;
  }

  /** Requests from now on present {@code token} as their key; null: none. */
  GatewayHarness presenting(String token) {
    this.key = token;
    return this;
  }

  Reply get(String uri) {
    return exchange(HttpMethod.GET, uri, null, null);
  }

  Reply postJson(String uri, String json) {
    return exchange(HttpMethod.POST, uri, "application/json", Buffer.buffer(json));
  }

  /** A POST with any content type (null: none) and body (null: none). */
  Reply post(String uri, String contentType, Buffer body) {
    return exchange(HttpMethod.POST, uri, contentType, body);
  }

  Reply send(HttpMethod method, String uri) {
    return exchange(method, uri, null, null);
  }

  /** GET on the management port: outside the API's contract, and without a key. */
  Reply management(String uri) {
    HttpResponse<Buffer> response;
    try {
      response = client.request(HttpMethod.GET, managementPort, HOST, uri).send().await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("GET " + uri + " on the management port failed", e);
    }
    if (!threads.onEventLoop().isEmpty()) {
      throw new AssertionError("blocking calls on an event loop: " + threads.onEventLoop());
    }
    return new Reply(response.statusCode(), response.headers(), response.body());
  }

  /** The contract check, for tests that show it rejects what the document does not allow. */
  ContractResponses contract() {
    return contract;
  }

  private Reply exchange(HttpMethod method, String uri, String contentType, Buffer body) {
    HttpRequest<Buffer> request = client.request(method, port, HOST, uri);
    if (key != null) {
      request.putHeader("Authorization", "Bearer " + key);
    }
    if (contentType != null) {
      request.putHeader("Content-Type", contentType);
    }
    HttpResponse<Buffer> response;
    try {
      response = (body == null ? request.send() : request.sendBuffer(body)).await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(method + " " + uri + " failed", e);
    }
    contract.check(method, uri, response.statusCode(), response.headers(), response.body());
    if (!threads.onEventLoop().isEmpty()) {
      throw new AssertionError("blocking calls on an event loop: " + threads.onEventLoop());
    }
    return new Reply(response.statusCode(), response.headers(), response.body());
  }

  @Override
  public void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }
}
