package io.tagcf.models.tags;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** A versioned tag vocabulary; the seed one ships as a resource and is checked on load. */
public record TagVocabulary(String version, List<VocabularyEntry> entries) {

  public static final String SEED_RESOURCE = "io/tagcf/models/vocabulary/seed-vocabulary-v1.json";
  private static final Pattern SLUG = Pattern.compile("[a-z0-9-]+");

  public TagVocabulary {
    entries = List.copyOf(entries);
  }

  public static TagVocabulary seed() {
    try (InputStream in = TagVocabulary.class.getClassLoader().getResourceAsStream(SEED_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("seed vocabulary resource missing: " + SEED_RESOURCE);
      }
      return parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static TagVocabulary parse(InputStream json) throws IOException {
    JsonNode root = new ObjectMapper().readTree(json);
    String version = text(root, "version");
    List<VocabularyEntry> entries = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonNode t : root.path("tags")) {
      String id = text(t, "id");
      TagKind kind = TagKind.fromWireName(text(t, "kind"));
      if (!SLUG.matcher(id).matches()) {
        throw new IllegalArgumentException("vocabulary tag id is not a slug: " + id);
      }
      if (!seen.add(kind + "/" + id)) {
        throw new IllegalArgumentException("duplicate vocabulary tag: " + kind.wireName() + "/" + id);
      }
      entries.add(
          new VocabularyEntry(
              id, kind, text(t, "category"), text(t, "en"), text(t, "zh"),
              strings(t.path("keywords").path("en")), strings(t.path("keywords").path("zh"))));
    }
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("vocabulary " + version + " has no tags");
    }
    return new TagVocabulary(version, entries);
  }

  public List<VocabularyEntry> ofKind(TagKind kind) {
    return entries.stream().filter(e -> e.kind() == kind).toList();
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new IllegalArgumentException("vocabulary field '" + field + "' missing in " + node);
    }
    return v.asText().strip();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText().strip()));
    return out;
  }
}
