package io.tagcf.models.tagging.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The marks creators put in captions: hashtags ({@code #美食}, {@code #情感视频#}) and mentions
 * ({@code @name(O123)}, {@code @name}). Hashtags are the creator's own words for the topic, so they
 * are the strongest phrases a caption has, unless they are platform boilerplate
 * ({@link CaptionNoise}); mentions name accounts, not topics.
 *
 * @param hashtags distinct hashtags in order of appearance, without the {@code #}
 * @param mentions distinct mentioned names, without {@code @} and account id
 * @param plain the text with hashtags and mentions taken out
 */
public record CaptionMarks(List<String> hashtags, List<String> mentions, String plain) {

  private static final Pattern HASHTAG = Pattern.compile("#([^#@\\s]{1,30}?)(?:#|(?=[\\s@]|$))");
  private static final Pattern MENTION = Pattern.compile("@([^@#\\s()（）]{1,30})(?:[(（]O?\\d+[)）])?");

  public CaptionMarks {
    hashtags = List.copyOf(hashtags);
    mentions = List.copyOf(mentions);
  }

  public static CaptionMarks of(String text) {
    if (text == null || text.isEmpty()) {
      return new CaptionMarks(List.of(), List.of(), "");
    }
    Set<String> mentions = new LinkedHashSet<>();
    Matcher m = MENTION.matcher(text);
    StringBuilder withoutMentions = new StringBuilder();
    while (m.find()) {
      mentions.add(m.group(1));
      m.appendReplacement(withoutMentions, " ");
    }
    m.appendTail(withoutMentions);
    Set<String> hashtags = new LinkedHashSet<>();
    Matcher h = HASHTAG.matcher(withoutMentions);
    StringBuilder plain = new StringBuilder();
    while (h.find()) {
      String tag = h.group(1).strip();
      if (tag.codePoints().anyMatch(Character::isLetterOrDigit)) {
        hashtags.add(tag);
      }
      h.appendReplacement(plain, " ");
    }
    h.appendTail(plain);
    return new CaptionMarks(new ArrayList<>(hashtags), new ArrayList<>(mentions),
        plain.toString().replace('#', ' ').replaceAll("\\s+", " ").strip());
  }

  /**
   * {@code text} as a reader would take it in: mentions and boilerplate hashtags out, the other
   * hashtags kept as plain words. Text that is all boilerplate comes back empty.
   */
  public static String clean(String text, CaptionNoise noise) {
    if (text == null || (text.indexOf('#') < 0 && text.indexOf('@') < 0)) {
      return text;
    }
    String withoutMentions = MENTION.matcher(text).replaceAll(" ");
    Matcher h = HASHTAG.matcher(withoutMentions);
    StringBuilder out = new StringBuilder();
    while (h.find()) {
      String tag = h.group(1).strip();
      h.appendReplacement(out, Matcher.quoteReplacement(noise.isNoise(tag) ? " " : " " + tag + " "));
    }
    h.appendTail(out);
    return out.toString().replace('#', ' ').replaceAll("\\s+", " ").strip();
  }

  /** The form hashtags are counted and compared in: lower case, no spaces or underscores. */
  public static String key(String hashtag) {
    return hashtag.toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "");
  }
}
