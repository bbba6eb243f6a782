package io.tagcf.batch.tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tagcf.batch.InputException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * The output of {@code tagcf tag}, opened for appending after the lines an earlier run wrote. Each
 * line is written whole and flushed at once, so an interrupted run leaves complete lines and at
 * most one cut-off last line; that line is dropped on resume and its video tagged again. Any
 * other line that is not a tag line means the file is not ours, and nothing is appended to it.
 */
public final class TagOutputFile implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  /** How every line this tool writes begins (the record's first property). */
  private static final String LINE_START = "{\"videoId\":";

  private final OutputStream out;
  private final Set<String> done;
  private final boolean droppedPartialLine;

  private TagOutputFile(OutputStream out, Set<String> done, boolean droppedPartialLine) {
    this.out = out;
    this.done = done;
    this.droppedPartialLine = droppedPartialLine;
  }

  public static TagOutputFile openForResume(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new InputException("cannot write --out " + file + ": directory " + parent + " does not exist");
    }
    if (Files.isDirectory(file)) {
      throw new InputException("cannot write --out " + file + ": it is a directory");
    }
    Set<String> done = new HashSet<>();
    long keep = 0;
    boolean missingNewline = false;
    boolean dropped = false;
    if (Files.exists(file)) {
      Scan scan = scan(file, done);
      keep = scan.validBytes();
      missingNewline = scan.lastLineUnterminated();
      dropped = scan.droppedPartialLine();
    }
    try {
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      channel.truncate(keep);
      channel.position(keep);
      OutputStream out = Channels.newOutputStream(channel);
      if (missingNewline) {
        out.write('\n');
      }
      return new TagOutputFile(out, done, dropped);
    } catch (IOException e) {
      throw new InputException("cannot write --out " + file + ": " + e.getMessage());
    }
  }

  /** Video ids that already have a line. */
  public Set<String> done() {
    return done;
  }

  /** True when an interrupted run's cut-off last line was removed. */
  public boolean droppedPartialLine() {
    return droppedPartialLine;
  }

  public synchronized void write(TagLine line) {
    try {
      byte[] bytes = (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
      out.write(bytes);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write tag output: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close tag output: " + e.getMessage(), e);
    }
  }

  private record Scan(long validBytes, boolean lastLineUnterminated, boolean droppedPartialLine) {}

  /**
   * Reads the existing lines byte by byte (a cut-off line can end inside a UTF-8 sequence), keeps
   * the ids of good lines, and finds where the good part ends. Only an unterminated last line that
   * starts the way this tool starts every line counts as cut off; anything else that is not a tag
   * line is left alone, so that pointing --out at the wrong file never truncates it.
   */
  private static Scan scan(Path file, Set<String> done) {
    long offset = 0;
    long validEnd = 0;
    int number = 0;
    boolean unterminated = false;
    boolean dropped = false;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      while (true) {
        int b = in.read();
        if (b >= 0 && b != '\n') {
          bytes.write(b);
          continue;
        }
        boolean terminated = b == '\n';
        if (!terminated && bytes.size() == 0) {
          break;
        }
        number++;
        offset += bytes.size() + (terminated ? 1 : 0);
        String text = bytes.toString(StandardCharsets.UTF_8);
        bytes.reset();
        String id = text.isBlank() ? null : videoId(text);
        if (text.isBlank() && terminated) {
          validEnd = offset;
        } else if (id != null) {
          done.add(id);
          validEnd = offset;
          unterminated = !terminated;
        } else if (!terminated && (text.isBlank() || text.startsWith(LINE_START))) {
          dropped = !text.isBlank();
        } else {
          throw new InputException("--out " + file + " line " + number
              + " is not a tagcf tag line; refusing to append to a file this tool did not write");
        }
        if (!terminated) {
          break;
        }
      }
    } catch (IOException e) {
      throw new InputException("cannot read --out " + file + ": " + e.getMessage());
    }
    return new Scan(validEnd, unterminated, dropped);
  }

  private static String videoId(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      JsonNode id = node == null ? null : node.get("videoId");
      return id != null && id.isTextual() && node.has("itemTags") && node.has("tagger") ? id.asText() : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
