package io.tagcf.batch.ranking;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tagcf.batch.InputException;
import io.tagcf.batch.Progress;
import io.tagcf.batch.tag.BatchTagger;
import io.tagcf.batch.tag.TagLine;
import io.tagcf.batch.tag.TagOutputFile;
import io.tagcf.models.video.VideoSubmission;
import io.tagcf.models.video.VideoSubmissionRules;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tags a data set's items with a {@link BatchTagger} (what {@code tagcf tag} runs), each item read
 * as an upload: its title, and its other text as the description. Results go to a {@code tagcf
 * tag} output file that doubles as a cache: items already in it are not tagged again, so a second
 * evaluation of the same data set with the same tagger starts at once.
 */
public final class ItemTagging {

  /** Audience tag ids start here, item tag ids at 1. */
  public static final long AUDIENCE_IDS = 1_000_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private ItemTagging() {}

  public static TaggedItems tag(RankingDataset dataset, BatchTagger tagger, Path cache, int threads, boolean progress)
      throws InterruptedException {
    long start = System.nanoTime();
    List<ItemText> texts = dataset.texts();
    int taggedNow;
    try (TagOutputFile out = TagOutputFile.openForResume(cache)) {
      List<ItemText> todo = texts.stream().filter(t -> !out.done().contains(videoId(t))).toList();
      taggedNow = todo.size();
      AtomicInteger next = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try (Progress bar = Progress.of("tag items", todo.size(), progress)) {
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          work.add(pool.submit(() -> {
            for (int i = next.getAndIncrement(); i < todo.size(); i = next.getAndIncrement()) {
              out.write(tagger.tag(upload(dataset.data().name(), todo.get(i))));
              bar.step();
            }
          }));
        }
        for (Future<?> f : work) {
          f.get();
        }
      } catch (java.util.concurrent.ExecutionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }
    Map<String, TagLine> lines = read(cache);
    Map<String, Long> ids = new HashMap<>();
    Map<Long, String> labels = new LinkedHashMap<>();
    long[] itemCount = {0};
    long[] audienceCount = {0};
    List<Map<Long, Double>> items = new ArrayList<>(texts.size());
    List<Map<Long, Double>> audiences = new ArrayList<>(texts.size());
    for (ItemText t : texts) {
      TagLine line = lines.get(videoId(t));
      if (line == null) {
        throw new InputException("the tag cache " + cache + " has no line for item " + t.itemId());
      }
      items.add(scores(line.itemTags(), "item", 1, itemCount, ids, labels));
      audiences.add(scores(line.audienceTags(), "audience", AUDIENCE_IDS, audienceCount, ids, labels));
    }
    return new TaggedItems(items, audiences, labels, taggedNow, texts.size() - taggedNow, (System.nanoTime() - start) / 1e9);
  }

  /**
   * The data set's own categories as item tags (score 1 each, no audience tags): not a tagger, but
   * the yardstick of one that is exact at the level of those categories.
   */
  public static TaggedItems fromCategories(RankingDataset dataset) {
    if (dataset.texts().stream().allMatch(t -> t.categories().isEmpty())) {
      throw new InputException("--tagger categories: data set " + dataset.data().name() + " has no category column"
          + " (a token_seq column of its .item file other than the title)");
    }
    Map<String, Long> ids = new HashMap<>();
    Map<Long, String> labels = new LinkedHashMap<>();
    long[] counter = {0};
    List<Map<Long, Double>> items = new ArrayList<>();
    List<Map<Long, Double>> audiences = new ArrayList<>();
    for (ItemText t : dataset.texts()) {
      items.add(scores(t.categories().stream().map(c -> new TagLine.ScoredLabel(c, 1.0)).toList(), "item", 1, counter, ids,
          labels));
      audiences.add(Map.of());
    }
    return new TaggedItems(items, audiences, labels, 0, dataset.texts().size(), 0);
  }

  /** The item as {@code POST /v1/videos} would take it; over-long text is cut to the API's limits. */
  static VideoSubmission upload(String dataset, ItemText t) {
    return new VideoSubmission(videoId(t), dataset.replaceAll("[^A-Za-z0-9_-]", "-"), cut(t.title(), VideoSubmissionRules.TITLE_MAX),
        cut(t.description(), VideoSubmissionRules.DESCRIPTION_MAX), null, null, null, "en", null);
  }

  static String videoId(ItemText t) {
    return "item-" + t.itemId().replaceAll("[^A-Za-z0-9_-]", "_");
  }

  private static String cut(String s, int max) {
    return s == null || s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max));
  }

  private static Map<Long, Double> scores(List<TagLine.ScoredLabel> tags, String kind, long base, long[] counter,
      Map<String, Long> ids, Map<Long, String> labels) {
    Map<Long, Double> out = new LinkedHashMap<>();
    for (TagLine.ScoredLabel s : tags) {
      if (s.score() > 0) {
        String key = kind + ":" + s.label().toLowerCase(java.util.Locale.ROOT);
        Long id = ids.get(key);
        if (id == null) {
          id = base + counter[0]++;
          ids.put(key, id);
          labels.put(id, s.label());
        }
        out.merge(id, s.score(), Double::sum);
      }
    }
    return out;
  }

  private static Map<String, TagLine> read(Path cache) {
    Map<String, TagLine> lines = new HashMap<>();
    try (BufferedReader in = Files.newBufferedReader(cache, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.isBlank()) {
          TagLine t = JSON.readValue(line, TagLine.class);
          lines.put(t.videoId(), t);
        }
      }
    } catch (IOException e) {
      throw new InputException("cannot read the tag cache " + cache + ": " + e.getMessage());
    }
    return lines;
  }
}
