package io.tagcf.models.tagging;

import io.tagcf.models.tagging.text.CaptionMarks;
import io.tagcf.models.tagging.text.CaptionNoise;
import io.tagcf.models.video.VideoSubmission;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The short pieces of a video's text that most often name what it is about: the title, the cover
 * text, hashtags (less platform boilerplate), and the first clauses of the description and
 * transcript. Each is matched against tag labels on its own, so that one clear phrase is not
 * drowned by a long transcript. Mentions name accounts, not topics, and are left out.
 */
public final class CandidatePhrases {

  private static final Pattern CLAUSE_BREAK = Pattern.compile("[。！？!?；;，,、\\n|｜:：()（）\\[\\]【】]+|\\.\\s");
  private static final int MIN_CODE_POINTS = 2;
  private static final int MAX_CODE_POINTS = 32;

  private CandidatePhrases() {}

  public static List<String> of(VideoSubmission v, int limit) {
    return of(v, CaptionNoise.SEED_ONLY, limit);
  }

  public static List<String> of(VideoSubmission v, CaptionNoise noise, int limit) {
    Set<String> out = new LinkedHashSet<>();
    String[] fields = {v.title(), v.description(), v.transcript()};
    CaptionMarks[] marks = new CaptionMarks[fields.length];
    for (int i = 0; i < fields.length; i++) {
      marks[i] = CaptionMarks.of(fields[i]);
    }
    add(out, marks[0].plain());
    add(out, v.coverText());
    for (CaptionMarks m : marks) {
      for (String h : m.hashtags()) {
        if (!noise.isNoise(h)) {
          add(out, h.replace('_', ' '));
        }
      }
    }
    for (CaptionMarks m : marks) {
      for (String clause : CLAUSE_BREAK.split(m.plain())) {
        add(out, clause);
        if (out.size() >= limit) {
          break;
        }
      }
    }
    List<String> phrases = new ArrayList<>(out);
    return phrases.subList(0, Math.min(limit, phrases.size()));
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
