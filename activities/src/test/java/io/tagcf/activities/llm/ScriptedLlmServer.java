package io.tagcf.activities.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A local HTTP server that speaks the OpenAI chat-completions and Ollama chat protocols with
 * scripted replies, so that the real LangChain4j clients are exercised over real HTTP: request
 * encoding, structured output, status codes, headers and timeouts. No model runs here.
 */
public final class ScriptedLlmServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request as the server saw it. */
  public record Call(String protocol, JsonNode body, String system, String user, Instant at) {
    /** True when this is an audience (not an item) tagging call. */
    public boolean asksForAudience() {
      return user.contains("audience") || user.contains("受众");
    }
  }

  /** What to answer: a status, headers, the assistant message's content (or a raw body), a delay. */
  public record Reply(int status, Map<String, String> headers, String content, String rawBody, long delayMillis) {

    public static Reply content(String content) {
      return new Reply(200, Map.of(), content, null, 0);
    }

    public static Reply tags(List<String> tags) {
      try {
        return content(JSON.writeValueAsString(Map.of("tags", tags)));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    public static Reply status(int status, String body) {
      return new Reply(status, Map.of(), null, body, 0);
    }

    public Reply withHeader(String name, String value) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.put(name, value);
      return new Reply(status, h, content, rawBody, delayMillis);
    }

    public Reply delayed(long millis) {
      return new Reply(status, headers, content, rawBody, millis);
    }
  }

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private volatile Function<Call, Reply> script = c -> Reply.status(500, "{\"error\":\"no script\"}");

  public ScriptedLlmServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/v1/chat/completions", ex -> handle(ex, "openai"));
    server.createContext("/api/chat", ex -> handle(ex, "ollama"));
    server.start();
  }

  /** Base URL for the OpenAI-compatible client ({@code …/v1}). */
  public String openAiBaseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  /** Base URL for the Ollama client. */
  public String ollamaBaseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The base URL a client of {@code provider} is configured with. */
  public String baseUrl(LlmProvider provider) {
    return provider == LlmProvider.OPENAI ? openAiBaseUrl() : ollamaBaseUrl();
  }

  public void script(Function<Call, Reply> script) {
    this.script = script;
    calls.clear();
  }

  public List<Call> calls() {
    return new ArrayList<>(calls);
  }

  private void handle(HttpExchange ex, String protocol) throws IOException {
    try (ex) {
      JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
      StringBuilder system = new StringBuilder();
      StringBuilder user = new StringBuilder();
      for (JsonNode m : body.path("messages")) {
        String text = m.path("content").isTextual() ? m.path("content").asText() : m.path("content").toString();
        ("system".equals(m.path("role").asText()) ? system : user).append(text);
      }
      Call call = new Call(protocol, body, system.toString(), user.toString(), Instant.now());
      calls.add(call);
      Reply reply = script.apply(call);
      if (reply.delayMillis() > 0) {
        try {
          Thread.sleep(reply.delayMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      String out = reply.rawBody() != null ? reply.rawBody() : envelope(protocol, body, reply.content());
      reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
      ex.getResponseHeaders().add("Content-Type", "application/json");
      byte[] bytes = out.getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(reply.status(), bytes.length);
      try (OutputStream os = ex.getResponseBody()) {
        os.write(bytes);
      }
    } catch (IOException e) {
      // the client gave up (a timeout test); nothing to answer
    }
  }

  private static String envelope(String protocol, JsonNode request, String content) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    String model = request.path("model").asText("scripted");
    if ("openai".equals(protocol)) {
      root.put("id", "chatcmpl-scripted").put("object", "chat.completion").put("created", 1_700_000_000L).put("model", model);
      ObjectNode choice = root.putArray("choices").addObject();
      choice.put("index", 0).put("finish_reason", "stop");
      choice.putObject("message").put("role", "assistant").put("content", content);
      root.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 20).put("total_tokens", 120);
    } else {
      root.put("model", model).put("created_at", "2026-11-28T00:00:00Z").put("done", true).put("done_reason", "stop");
      root.putObject("message").put("role", "assistant").put("content", content);
      root.put("prompt_eval_count", 100).put("eval_count", 20);
    }
    return JSON.writeValueAsString(root);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
