package io.tagcf.batch.ranking;

import io.tagcf.batch.InputException;
import io.tagcf.models.ranking.evaluation.RankingData;
import io.tagcf.models.ranking.evaluation.UserHistory;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads a ranking data set from a directory holding one data set's files. Items are every id of
 * the item file, then any further id the interactions name (text = its id), in that order; users in
 * order of first appearance. Timestamped interactions are ordered by time, ties by line order.
 */
public final class RankingDatasetReader {

  private static final double SECONDS_PER_DAY = 86_400;

  private RankingDatasetReader() {}

  public static RankingDataset read(Path dir, DatasetFormat format) {
    if (!Files.isDirectory(dir)) {
      throw new InputException("--dataset " + dir + " is not a directory");
    }
    return switch (format) {
      case ATOMIC -> atomic(dir);
      case SEQUENCE -> sequence(dir);
    };
  }

  private static RankingDataset atomic(Path dir) {
    Path inter = single(dir, ".inter", "an atomic .inter file");
    String name = stripSuffix(inter.getFileName().toString(), ".inter");
    Map<String, ItemText> items = itemTexts(dir.resolve(name + ".item"));
    Table t = Table.read(inter);
    int user = t.column("user_id");
    int item = t.column("item_id");
    int time = t.column("timestamp");
    Map<String, List<double[]>> perUser = new LinkedHashMap<>();
    Map<String, Integer> index = indexOf(items);
    for (int r = 0; r < t.rows.size(); r++) {
      String[] row = t.rows.get(r);
      int i = index.computeIfAbsent(row[item], id -> {
        items.put(id, new ItemText(id, id, null, List.of()));
        return index.size();
      });
      double ts;
      try {
        ts = Double.parseDouble(row[time]);
      } catch (NumberFormatException e) {
        throw new InputException(inter + " line " + (r + 2) + ": timestamp '" + row[time] + "' is not a number");
      }
      perUser.computeIfAbsent(row[user], u -> new ArrayList<>()).add(new double[] {ts, r, i});
    }
    List<UserHistory> users = new ArrayList<>(perUser.size());
    perUser.forEach((u, events) -> {
      events.sort(Comparator.<double[]>comparingDouble(e -> e[0]).thenComparingDouble(e -> e[1]));
      users.add(new UserHistory(u, events.stream().mapToInt(e -> (int) e[2]).toArray(),
          events.stream().mapToDouble(e -> e[0] / SECONDS_PER_DAY).toArray()));
    });
    return dataset(name, items, users, "days");
  }

  private static RankingDataset sequence(Path dir) {
    Path test = single(dir, ".test.inter", "a sequence .test.inter file");
    String name = stripSuffix(test.getFileName().toString(), ".test.inter");
    Map<String, ItemText> items = itemTexts(dir.resolve(name + ".item"));
    Map<String, Integer> index = indexOf(items);
    Table t = Table.read(test);
    int user = t.column("user_id");
    int list = t.column("item_id_list");
    int last = t.column("item_id");
    List<UserHistory> users = new ArrayList<>(t.rows.size());
    for (String[] row : t.rows) {
      List<String> ids = new ArrayList<>(Arrays.asList(row[list].trim().split("\\s+")));
      ids.removeIf(String::isEmpty);
      ids.add(row[last]);
      int[] seq = new int[ids.size()];
      double[] pos = new double[ids.size()];
      for (int a = 0; a < seq.length; a++) {
        seq[a] = index.computeIfAbsent(ids.get(a), id -> {
          items.put(id, new ItemText(id, id, null, List.of()));
          return index.size();
        });
        pos[a] = a;
      }
      users.add(new UserHistory(row[user], seq, pos));
    }
    return dataset(name, items, users, "positions");
  }

  private static RankingDataset dataset(String name, Map<String, ItemText> items, List<UserHistory> users, String unit) {
    List<ItemText> texts = List.copyOf(items.values());
    return new RankingDataset(new RankingData(name, texts.stream().map(ItemText::itemId).toList(), users, unit), texts);
  }

  private static Map<String, Integer> indexOf(Map<String, ItemText> items) {
    Map<String, Integer> index = new LinkedHashMap<>();
    items.keySet().forEach(id -> index.put(id, index.size()));
    return index;
  }

  /**
   * Title = the first column whose name holds "title"; the values of the other columns (MovieLens:
   * release year, genres) become the description, without their column names, which a tagger would
   * otherwise take for words of the item. The tokens of the other {@code token_seq} columns
   * (MovieLens's genres) are the item's categories: the data set's own labels.
   */
  private static Map<String, ItemText> itemTexts(Path file) {
    Map<String, ItemText> items = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      throw new InputException("--dataset: " + file.getFileName() + " (the item titles) is missing");
    }
    Table t = Table.read(file);
    int id = t.column("item_id");
    int title = -1;
    for (int c = 0; c < t.names.length && title < 0; c++) {
      title = t.names[c].contains("title") ? c : -1;
    }
    if (title < 0) {
      throw new InputException(file + ": no title column (one whose name contains 'title')");
    }
    for (String[] row : t.rows) {
      StringBuilder more = new StringBuilder();
      List<String> categories = new ArrayList<>();
      for (int c = 0; c < row.length; c++) {
        if (c != id && c != title && !row[c].isBlank()) {
          more.append(more.isEmpty() ? "" : ". ").append(row[c].strip());
          if (t.types[c].equals("token_seq")) {
            categories.addAll(Arrays.asList(row[c].strip().split("\\s+")));
          }
        }
      }
      String text = row[title].isBlank() ? row[id] : row[title].strip();
      items.putIfAbsent(row[id], new ItemText(row[id], text, more.isEmpty() ? null : more.toString(), categories));
    }
    return items;
  }

  private static Path single(Path dir, String suffix, String what) {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> found = files.filter(p -> p.getFileName().toString().endsWith(suffix)
          && !(suffix.equals(".inter") && p.getFileName().toString().matches(".*\\.(train|valid|test)\\.inter"))).sorted().toList();
      if (found.size() != 1) {
        throw new InputException("--dataset " + dir + " must hold exactly one " + what + " (*" + suffix + "), found " + found.size());
      }
      return found.get(0);
    } catch (IOException e) {
      throw new InputException("--dataset " + dir + ": " + e.getMessage());
    }
  }

  private static String stripSuffix(String s, String suffix) {
    return s.substring(0, s.length() - suffix.length());
  }

  /** A tab-separated file whose header names columns as RecBole does ({@code name:type}). */
  private record Table(Path file, String[] names, String[] types, List<String[]> rows) {
    static Table read(Path file) {
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        String header = in.readLine();
        if (header == null) {
          throw new InputException(file + " is empty");
        }
        String[] names = Arrays.stream(header.split("\t")).map(h -> h.split(":")[0].strip()).toArray(String[]::new);
        String[] types = Arrays.stream(header.split("\t")).map(h -> h.contains(":") ? h.substring(h.indexOf(':') + 1).strip() : "")
            .toArray(String[]::new);
        List<String[]> rows = new ArrayList<>();
        String line;
        int number = 1;
        while ((line = in.readLine()) != null) {
          number++;
          if (line.isBlank()) {
            continue;
          }
          String[] cells = line.split("\t", -1);
          if (cells.length != names.length) {
            throw new InputException(file + " line " + number + ": " + cells.length + " fields, the header has " + names.length);
          }
          rows.add(cells);
        }
        return new Table(file, names, types, rows);
      } catch (IOException e) {
        throw new InputException("cannot read " + file + ": " + e.getMessage());
      }
    }

    int column(String name) {
      for (int c = 0; c < names.length; c++) {
        if (names[c].equals(name)) {
          return c;
        }
      }
      throw new InputException(file + ": no '" + name + "' column (header: " + String.join(", ", names) + ")");
    }
  }
}
