package io.tagcf.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A loopback server speaking the OpenAI chat-completions protocol that answers every tagging call
 * at once with a valid tag list in the prompt's language, so that a benchmark times only our side
 * of an LLM call: prompt rendering, the LangChain4j client, HTTP on loopback, parsing and
 * validation. It also times its own handling, to subtract it.
 */
final class CannedLlmServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
  private static final Map<String, List<String>> TAGS = Map.of(
      "item.en", List.of("home cooking", "pork belly", "slow braising", "family dinner", "comfort food", "easy recipe", "chinese cuisine", "weeknight meals"),
      "item.zh", List.of("家常菜", "红烧肉", "中式烹饪", "下饭菜", "慢炖", "家庭晚餐", "猪肉做法", "美食教程"),
      "audience.en", List.of("home cooks", "food lovers", "busy parents", "students", "office workers", "beginner cooks"),
      "audience.zh", List.of("家庭主妇", "美食爱好者", "上班族", "新手厨师", "大学生", "年轻父母"));

  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, byte[]> contents;
  private final AtomicLong handledNanos = new AtomicLong();
  private final AtomicLong handled = new AtomicLong();

  CannedLlmServer(int threads) throws IOException {
    // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's
    // delayed ACK and every call waits ~40 ms: the server's artefact, not the client's cost. Read
    // once, when the JDK's server classes load, so it must be set before the first server starts.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    contents = Map.of(
        "item.en", content("item.en"), "item.zh", content("item.zh"),
        "audience.en", content("audience.en"), "audience.zh", content("audience.zh"));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    executor = Executors.newFixedThreadPool(threads);
    server.setExecutor(executor);
    server.createContext("/v1/chat/completions", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  /** Mean time the server spent per request, from reading the body to the last byte written. */
  double meanHandlingMillis() {
    long n = handled.get();
    return n == 0 ? 0 : handledNanos.get() / 1e6 / n;
  }

  void resetCounters() {
    handled.set(0);
    handledNanos.set(0);
  }

  private void handle(HttpExchange ex) throws IOException {
    long t0 = System.nanoTime();
    try (ex) {
      JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
      StringBuilder user = new StringBuilder();
      for (JsonNode m : body.path("messages")) {
        if (!"system".equals(m.path("role").asText())) {
          user.append(m.path("content").asText());
        }
      }
      String u = user.toString();
      String key = (u.contains("audience") || u.contains("受众") ? "audience" : "item") + (HAN.matcher(u).find() ? ".zh" : ".en");
      byte[] bytes = contents.get(key);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(200, bytes.length);
      try (OutputStream os = ex.getResponseBody()) {
        os.write(bytes);
      }
    }
    handledNanos.addAndGet(System.nanoTime() - t0);
    handled.incrementAndGet();
  }

  private static byte[] content(String key) {
    try {
      ObjectNode root = JSON.createObjectNode();
      root.put("id", "chatcmpl-bench").put("object", "chat.completion").put("created", 1_700_000_000L).put("model", "canned");
      ObjectNode choice = root.putArray("choices").addObject();
      choice.put("index", 0).put("finish_reason", "stop");
      choice.putObject("message").put("role", "assistant").put("content", JSON.writeValueAsString(Map.of("tags", TAGS.get(key))));
      root.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 20).put("total_tokens", 120);
      return JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
