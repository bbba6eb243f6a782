package io.tagcf.models.explanations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words with which an explanation calls something a cause, or says how sure it is, in English
 * and Chinese. The verifier uses them per sentence: a sentence about an effect that is not
 * established must not use causal wording, and a sentence that reports an effect must state its
 * uncertainty. A causal word under a negation ("did not drive", "并未提升") claims no cause.
 */
public final class CausalWording {
  private static final Pattern ENGLISH_CAUSAL = Pattern.compile(
      "\\b(drive[sn]?|drove|driving|caus(?:e[sd]?|ing)|because|due to|thanks to|led to|lead(?:s|ing)? to"
          + "|result(?:s|ed)? in|boost(?:s|ed|ing)?|raise[sd]?|raising|lift(?:s|ed)?|increase[sd]?|increasing"
          + "|improve[sd]?|improving|reduce[sd]?|reducing|lower(?:s|ed)?|decrease[sd]?|hurt(?:s)?|is why)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern ENGLISH_NEGATION = Pattern.compile(
      "\\b(not|no|never|n't|neither|nor|without)\\b|n't\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern CHINESE_CAUSAL = Pattern.compile(
      "因为|由于|导致|造成|使得|带来|得益于|提升|提高|增加|拉高|推动|促进|降低|减少|拉低|影响了");
  private static final String CHINESE_NEGATIONS = "不没未无非别";
  private static final Pattern UNCERTAINTY = Pattern.compile(
      "interval|\\bCI\\b|±|\\+/-|uncertain|margin|between [^.]{1,40} and|range|区间|置信|不确定|误差|之间|左右|约",
      Pattern.CASE_INSENSITIVE);
  /** Sentence ends in both languages; a decimal point between digits is not one. */
  private static final Pattern SENTENCE_END = Pattern.compile("(?<!\\d)[.](?!\\d)|[!?;。！？；\\n]");

  private CausalWording() {}

  /** The text's sentences, in order, without their end marks; blank ones dropped. */
  public static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    for (String s : SENTENCE_END.split(text)) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return out;
  }

  /** The causal words of a sentence that no negation just before them takes back. */
  public static List<String> causalClaims(String sentence) {
    List<String> out = new ArrayList<>();
    Matcher en = ENGLISH_CAUSAL.matcher(sentence);
    while (en.find()) {
      String before = sentence.substring(Math.max(0, en.start() - 30), en.start());
      String[] words = before.toLowerCase(Locale.ROOT).split("\\s+");
      String lastWords = String.join(" ", java.util.Arrays.copyOfRange(words, Math.max(0, words.length - 3), words.length));
      if (!ENGLISH_NEGATION.matcher(lastWords).find()) {
        out.add(en.group());
      }
    }
    Matcher zh = CHINESE_CAUSAL.matcher(sentence);
    while (zh.find()) {
      String before = sentence.substring(Math.max(0, zh.start() - 3), zh.start());
      boolean negated = before.chars().anyMatch(ch -> CHINESE_NEGATIONS.indexOf(ch) >= 0);
      if (!negated) {
        out.add(zh.group());
      }
    }
    return out;
  }

  /** Whether a sentence says how uncertain what it reports is (an interval, a range, "about"). */
  public static boolean statesUncertainty(String sentence) {
    return UNCERTAINTY.matcher(sentence).find();
  }
}
