package io.tagcf.batch.classify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tagcf.batch.InputException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** The output of {@code tagcf classify}: {@code {"id","label","score"}} per line, in input order. */
public final class PredictionsFile {

  private static final ObjectMapper JSON = new ObjectMapper();

  private PredictionsFile() {}

  /** Fails before any work when {@code out}'s directory does not exist. */
  public static void requireWritable(Path out) {
    Path dir = out.toAbsolutePath().getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      throw new InputException("cannot write --out " + out + ": directory " + dir + " does not exist");
    }
  }

  /** Written beside the target and moved over it at the end: never a half-written file. */
  public static void write(Path out, List<TextItem> items, List<Prediction> predictions) throws IOException {
    Path tmp = out.resolveSibling(out.getFileName() + ".partial");
    try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      for (int i = 0; i < items.size(); i++) {
        ObjectNode line = JSON.createObjectNode();
        line.set("id", items.get(i).id());
        line.put("label", predictions.get(i).label().name());
        if (predictions.get(i).score() == null) {
          line.putNull("score");
        } else {
          line.put("score", predictions.get(i).score());
        }
        w.write(JSON.writeValueAsString(line));
        w.newLine();
      }
    } catch (IOException e) {
      Files.deleteIfExists(tmp);
      throw new InputException("cannot write --out " + out + ": " + e.getMessage());
    }
    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
