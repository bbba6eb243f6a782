package io.tagcf.models.tagging;

import io.tagcf.models.video.VideoSubmission;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The short pieces of a video's text that most often name what it is about: the title, the cover
 * text, hashtags, and the first clauses of the description and transcript. Each is matched
 * against tag labels on its own, so that one clear phrase is not drowned by a long transcript.
 */
public final class CandidatePhrases {

  private static final Pattern HASHTAG = Pattern.compile("#([\\p{L}\\p{N}_]{2,30})");
  private static final Pattern CLAUSE_BREAK = Pattern.compile("[。！？!?；;，,、\\n|｜:：()（）\\[\\]【】]+|\\.\\s");
  private static final int MIN_CODE_POINTS = 2;
  private static final int MAX_CODE_POINTS = 32;

  private CandidatePhrases() {}

  public static List<String> of(VideoSubmission v, int limit) {
    Set<String> out = new LinkedHashSet<>();
    add(out, stripHashtags(v.title()));
    add(out, v.coverText());
    for (String field : new String[] {v.title(), v.description(), v.transcript()}) {
      if (field == null) {
        continue;
      }
      Matcher m = HASHTAG.matcher(field);
      while (m.find()) {
        add(out, m.group(1).replace('_', ' '));
      }
    }
    for (String field : new String[] {v.title(), v.description(), v.transcript()}) {
      if (field == null) {
        continue;
      }
      for (String clause : CLAUSE_BREAK.split(stripHashtags(field))) {
        add(out, clause);
        if (out.size() >= limit) {
          break;
        }
      }
    }
    List<String> phrases = new ArrayList<>(out);
    return phrases.subList(0, Math.min(limit, phrases.size()));
  }

  private static String stripHashtags(String s) {
    return s == null ? null : HASHTAG.matcher(s).replaceAll(" ");
  }

  private static void add(Set<String> out, String phrase) {
    if (phrase == null) {
      return;
    }
    String p = phrase.strip().replaceAll("\\s+", " ");
    int n = p.codePointCount(0, p.length());
    if (n < MIN_CODE_POINTS || !p.codePoints().anyMatch(Character::isLetter)) {
      return;
    }
    if (n > MAX_CODE_POINTS) {
      p = p.substring(0, p.offsetByCodePoints(0, MAX_CODE_POINTS));
    }
    out.add(p);
  }
}
