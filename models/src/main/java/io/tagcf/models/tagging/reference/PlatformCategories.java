package io.tagcf.models.tagging.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A platform's own content categories mapped onto the vocabulary's categories: a video the
 * platform files under 美食 agrees with a food tag. The Kuaishou map is the one the tag-quality
 * measure uses; a category it does not list (颜值, 生活, 其他) names no vocabulary category.
 */
public final class PlatformCategories {

  private final Map<String, Set<String>> map;

  private PlatformCategories(Map<String, Set<String>> map) {
    this.map = Map.copyOf(map);
  }

  public static PlatformCategories of(Map<String, Set<String>> map) {
    return new PlatformCategories(map);
  }

  /** The map of Kuaishou's first-level categories (KuaiRec's {@code first_level_category_name}). */
  public static PlatformCategories kuaishou() {
    return Kuaishou.MAP;
  }

  /** The vocabulary categories that agree with {@code platformCategory}; empty when none does. */
  public Set<String> vocabularyCategories(String platformCategory) {
    return platformCategory == null ? Set.of() : map.getOrDefault(platformCategory.strip(), Set.of());
  }

  public boolean maps(String platformCategory) {
    return !vocabularyCategories(platformCategory).isEmpty();
  }

  public Set<String> platformCategories() {
    return map.keySet();
  }

  private static final class Kuaishou {
    static final PlatformCategories MAP = load("kuaishou-categories.tsv");
  }

  private static PlatformCategories load(String resource) {
    Map<String, Set<String>> map = new LinkedHashMap<>();
    try (InputStream in = PlatformCategories.class.getResourceAsStream("/io/tagcf/models/tagging/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t");
        map.put(parts[0].strip(), Set.copyOf(Arrays.stream(parts[1].split(",")).map(String::strip).toList()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new PlatformCategories(map);
  }
}
