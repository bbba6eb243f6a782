package io.tagcf.ops.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundled demo corpus (mixed Chinese and English videos over 30+ topics), or a file of the
 * same format: one JSON object per line, {@code {"topic": …, "video": {upload body}}}.
 */
public final class SampleCorpus {

  public static final String RESOURCE = "io/tagcf/ops/demo/sample-videos.jsonl";
  private static final ObjectMapper JSON = new ObjectMapper();

  private SampleCorpus() {}

  public static List<CorpusVideo> bundled() {
    InputStream in = SampleCorpus.class.getClassLoader().getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException("bundled corpus missing: " + RESOURCE);
    }
    return read(in, RESOURCE);
  }

  public static List<CorpusVideo> fromFile(Path file) {
    try {
      return read(Files.newInputStream(file), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read corpus " + file + ": " + e.getMessage(), e);
    }
  }

  private static List<CorpusVideo> read(InputStream in, String name) {
    List<CorpusVideo> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = JSON.readTree(line);
        } catch (IOException e) {
          throw new IllegalArgumentException(name + " line " + n + ": not valid JSON");
        }
        if (!(node.get("video") instanceof ObjectNode video)) {
          throw new IllegalArgumentException(name + " line " + n + ": missing \"video\" object");
        }
        out.add(new CorpusVideo(node.path("topic").asText("unknown"), video));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(name + " has no videos");
    }
    return out;
  }
}
