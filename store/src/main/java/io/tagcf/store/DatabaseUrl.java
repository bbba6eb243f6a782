package io.tagcf.store;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A PostgreSQL location as operators write it ({@code postgresql://user:pass@host:5432/db},
 * {@code postgres://…} or a plain {@code jdbc:postgresql://…} URL), split into a JDBC URL and the
 * credentials, so that the password never appears in a URL that might be logged.
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {

  public static final String DEFAULT = "postgresql://127.0.0.1:5432/tagcf?user=postgres";

  public static DatabaseUrl parse(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("DATABASE_URL is empty");
    }
    String raw = url.strip();
    if (raw.startsWith("jdbc:")) {
      raw = raw.substring("jdbc:".length());
    }
    if (!raw.startsWith("postgresql://") && !raw.startsWith("postgres://")) {
      throw new IllegalArgumentException(
          "DATABASE_URL must start with postgresql://, postgres:// or jdbc:postgresql://");
    }
    URI uri;
    try {
      uri = URI.create(raw.replaceFirst("^postgres(ql)?://", "postgresql://"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("DATABASE_URL is not a valid URL", e);
    }
    if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
      throw new IllegalArgumentException("DATABASE_URL must name a host and a database");
    }
    Map<String, String> query = query(uri.getRawQuery());
    String user = query.remove("user");
    String password = query.remove("password");
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = decode(parts[0]);
      password = parts.length > 1 ? decode(parts[1]) : password;
    }
    StringBuilder jdbc =
        new StringBuilder("jdbc:postgresql://")
            .append(uri.getHost())
            .append(':')
            .append(uri.getPort() > 0 ? uri.getPort() : 5432)
            .append(uri.getPath());
    String sep = "?";
    for (Map.Entry<String, String> e : query.entrySet()) {
      jdbc.append(sep).append(e.getKey()).append('=').append(e.getValue());
      sep = "&";
    }
    return new DatabaseUrl(jdbc.toString(), user == null ? "postgres" : user, password);
  }

  public Properties credentials() {
    Properties p = new Properties();
    p.setProperty("user", user);
    if (password != null) {
      p.setProperty("password", password);
    }
    return p;
  }

  /** Safe to log: no password. */
  @Override
  public String toString() {
    return jdbcUrl + " (user " + user + (password == null ? "" : ", password set") + ")";
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      String[] kv = pair.split("=", 2);
      out.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
    }
    return out;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
