package io.tagcf.batch.kuairec;

import io.tagcf.batch.InputException;
import io.tagcf.models.tagging.reference.KuaiRecCaptions;
import io.tagcf.models.tagging.reference.KuaiRecVideo;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** A KuaiRec caption file given on the command line; its problems become one-line input errors. */
public final class KuaiRecFile {

  private KuaiRecFile() {}

  public static List<KuaiRecVideo> read(Path file) {
    if (Files.isDirectory(file)) {
      throw new InputException(file + ": is a directory, not a KuaiRec caption file");
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return KuaiRecCaptions.parse(reader);
    } catch (KuaiRecCaptions.FormatException e) {
      throw new InputException(file + ": " + e.getMessage());
    } catch (NoSuchFileException e) {
      throw new InputException(file + ": no such file");
    } catch (CharacterCodingException e) {
      throw new InputException(file + ": not UTF-8 text");
    } catch (IOException e) {
      throw new InputException(file + ": cannot be read (" + e.getMessage() + ")");
    }
  }
}
