package io.tagcf.models.tagging.llm;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks an LLM's tag list before anything is stored. The model read untrusted video text, so
 * its output is treated as untrusted too: the reply must have the requested shape (a bounded
 * number of short, distinct tags), be in the video's language, carry no URLs, markup or control
 * characters, and must not echo the instructions or talk about them, which is what a successful
 * prompt injection looks like. A reply that fails is rejected whole, never partly stored.
 */
public final class TagReplyValidator {

  /** Limits of a reply. */
  public record Limits(int minTags, int maxTags, int keep, int maxChars) {
    public Limits {
      if (minTags < 1 || maxTags < minTags || keep < 1 || maxChars < 2) {
        throw new IllegalArgumentException("inconsistent tag reply limits");
      }
    }

    /** The prompts ask for 8-10 tags; a model that gives 5-12 is still useful, more is not. */
    public static Limits defaults() {
      return new Limits(5, 12, 10, 40);
    }
  }

  private static final Pattern URL =
      Pattern.compile("(?i)(https?://|www\\.|\\b[a-z0-9-]+\\.(com|net|org|cn|io|dev|ru|xyz|top|info)\\b|@[a-z0-9-]+\\.)");
  private static final Pattern MARKUP = Pattern.compile("[<>{}\\[\\]`|*#\\\\$]|\\(\\)|=>");
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}]");
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
  private static final Pattern LETTER_OR_DIGIT = Pattern.compile("[\\p{L}\\p{N}]");
  /** Words about instructions rather than about a video: an injected or confused reply. */
  private static final List<String> META_WORDS = List.of(
      "ignore", "instruction", "prompt", "system message", "assistant", "as an ai", "language model",
      "json", "interest tag", "target audience", "audience segment", "video_data", "hacked",
      "忽略", "指令", "提示词", "系统", "助手", "兴趣标签", "目标受众", "受众群体");

  private final Limits limits;

  public TagReplyValidator(Limits limits) {
    this.limits = limits;
  }

  /**
   * @param tags the reply's tags in the model's order
   * @param chinese whether the video (and so the requested tags) is Chinese
   * @param instructions the prompt text the model was given, to catch verbatim echoes
   */
  public TagReplyCheck check(List<String> tags, boolean chinese, String instructions) {
    List<String> problems = new ArrayList<>();
    if (tags == null) {
      return new TagReplyCheck(List.of(), List.of("no tag list in the reply"));
    }
    Map<String, String> distinct = new LinkedHashMap<>();
    String prompt = instructions == null ? "" : fold(instructions);
    int inLanguage = 0;
    int position = 0;
    for (String raw : tags) {
      position++;
      // Problems name the tag by position, never by content: the reason is stored and shown,
      // and rejected content is exactly what must not travel further.
      String at = "tag " + position + ": ";
      if (raw == null || raw.isBlank()) {
        problems.add(at + "empty");
        continue;
      }
      String tag = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
      String folded = fold(tag);
      if (CONTROL.matcher(raw).find()) {
        problems.add(at + "control characters");
      } else if (tag.codePointCount(0, tag.length()) > limits.maxChars()) {
        problems.add(at + "longer than " + limits.maxChars() + " characters");
      } else if (URL.matcher(tag).find()) {
        problems.add(at + "a URL or address");
      } else if (MARKUP.matcher(tag).find()) {
        problems.add(at + "markup");
      } else if (!LETTER_OR_DIGIT.matcher(tag).find()) {
        problems.add(at + "no letters");
      } else if (META_WORDS.stream().anyMatch(folded::contains)) {
        problems.add(at + "talks about the instructions, not the video");
      } else if (folded.length() >= 12 && prompt.contains(folded)) {
        problems.add(at + "echoes the instructions");
      } else if (distinct.putIfAbsent(folded, tag) == null && HAN.matcher(tag).find() == chinese) {
        inLanguage++;
      }
    }
    int n = distinct.size();
    if (tags.size() > limits.maxTags()) {
      problems.add("too many tags: " + tags.size() + " (at most " + limits.maxTags() + ")");
    }
    if (n < limits.minTags()) {
      problems.add("too few distinct tags: " + n + " (at least " + limits.minTags() + ")");
    }
    // Brand names and acronyms (iPhone, vlog, ASMR) are fine in a Chinese list; most must match.
    if (n > 0 && inLanguage * 10 < n * 7) {
      problems.add("tags are not in the video's language (" + (chinese ? "Chinese" : "English") + ")");
    }
    List<String> accepted = new ArrayList<>(distinct.values());
    return new TagReplyCheck(accepted.subList(0, Math.min(limits.keep(), accepted.size())), problems);
  }

  private static String fold(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }
}
