package io.tagcf.batch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Reads a UTF-8 JSON Lines file lazily, one {@link JsonLine} per non-blank line, numbered as an
 * editor numbers them. Files of any size stream through; bytes that are not UTF-8 stop the read
 * with the line they are on rather than turning into replacement characters.
 */
public final class JsonLinesReader implements Iterator<JsonLine>, AutoCloseable {

  private final String name;
  private final BufferedReader reader;
  private int number;
  private JsonLine next;

  private JsonLinesReader(String name, BufferedReader reader) {
    this.name = name;
    this.reader = reader;
  }

  /**
   * @param option the option that named the file, for the message when it cannot be read
   */
  public static JsonLinesReader open(Path file, String option) {
    requireReadable(file, option);
    try {
      var decoder = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
      return new JsonLinesReader(file.toString(),
          new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder)));
    } catch (IOException e) {
      throw new InputException("cannot read " + option + " " + file + ": " + e.getMessage());
    }
  }

  /** Fails with one line when {@code file} is missing, a directory or unreadable. */
  public static void requireReadable(Path file, String option) {
    if (!Files.exists(file)) {
      throw new InputException("cannot read " + option + " " + file + ": no such file");
    }
    if (Files.isDirectory(file)) {
      throw new InputException("cannot read " + option + " " + file + ": it is a directory");
    }
    if (!Files.isReadable(file)) {
      throw new InputException("cannot read " + option + " " + file + ": permission denied");
    }
  }

  /** Non-blank lines of the file, for sizing a progress bar before the real pass. */
  public static long countLines(Path file, String option) {
    long n = 0;
    try (JsonLinesReader r = open(file, option)) {
      while (r.hasNext()) {
        r.next();
        n++;
      }
    }
    return n;
  }

  @Override
  public boolean hasNext() {
    if (next != null) {
      return true;
    }
    try {
      String line;
      while ((line = reader.readLine()) != null) {
        number++;
        if (number == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        if (!line.isBlank()) {
          next = new JsonLine(name, number, line);
          return true;
        }
      }
      return false;
    } catch (CharacterCodingException e) {
      // The decoder works ahead of the line reader, so the bad bytes are at or after this line.
      throw new InputException(name + ": not UTF-8 text (near line " + (number + 1) + ")");
    } catch (IOException e) {
      throw new InputException("cannot read " + name + ": " + e.getMessage());
    }
  }

  @Override
  public JsonLine next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    JsonLine line = next;
    next = null;
    return line;
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException e) {
      // nothing was written; a failed close of a reader loses nothing
    }
  }
}
