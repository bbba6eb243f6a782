package io.tagcf.models.tagging.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads KuaiRec's caption file ({@code kuairec_caption_category.csv}, Gao et al., CIKM 2022, CC
 * BY-SA 4.0) or any CSV with its columns: a header naming {@code video_id}, {@code caption},
 * {@code manual_cover_text} and {@code first_level_category_name}. The half with even video ids
 * ships with the product as its reference of labelled captions ({@link #bundled()}).
 */
public final class KuaiRecCaptions {

  public static final List<String> REQUIRED = List.of("video_id", "caption", "manual_cover_text", "first_level_category_name");
  /** The even-id half of KuaiRec's captions; attribution and licence beside it in README.md. */
  public static final String BUNDLED_RESOURCE = "/io/tagcf/models/tagging/reference/kuairec-captions-even-ids.csv";
  private static final String UNKNOWN = "UNKNOWN";

  /** A file that does not have the expected shape; the message names the line. */
  public static final class FormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FormatException(String message) {
      super(message);
    }
  }

  private KuaiRecCaptions() {}

  public static List<KuaiRecVideo> bundled() {
    try (InputStream in = KuaiRecCaptions.class.getResourceAsStream(BUNDLED_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + BUNDLED_RESOURCE);
      }
      return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** All rows; a {@link FormatException} names the first line that is wrong. */
  public static List<KuaiRecVideo> parse(Reader reader) throws IOException {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (CSVParser csv = CSVParser.builder().setReader(reader).setFormat(format).get()) {
      for (String column : REQUIRED) {
        if (!csv.getHeaderMap().containsKey(column)) {
          throw new FormatException("the header has no column " + column + " (needs " + String.join(", ", REQUIRED) + ")");
        }
      }
      List<KuaiRecVideo> out = new ArrayList<>();
      Set<String> ids = new HashSet<>();
      for (CSVRecord r : csv) {
        long line = csv.getCurrentLineNumber();
        if (!r.isConsistent()) {
          throw new FormatException("line " + line + ": expected " + csv.getHeaderMap().size() + " fields, found " + r.size());
        }
        String id = r.get("video_id").strip();
        if (id.isEmpty()) {
          throw new FormatException("line " + line + ": video_id is empty");
        }
        if (!ids.add(id)) {
          throw new FormatException("line " + line + ": video_id " + id + " occurs twice");
        }
        String cover = r.get("manual_cover_text").strip();
        out.add(new KuaiRecVideo(id, r.get("caption").strip(), cover.isEmpty() || cover.equals(UNKNOWN) ? null : cover,
            r.get("first_level_category_name").strip()));
      }
      if (out.isEmpty()) {
        throw new FormatException("no rows after the header");
      }
      return out;
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new FormatException("not a readable CSV file (" + e.getMessage() + ")");
    }
  }
}
