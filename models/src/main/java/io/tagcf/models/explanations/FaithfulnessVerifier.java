package io.tagcf.models.explanations;

import io.tagcf.models.explanations.NameIndex.Kind;
import io.tagcf.models.explanations.NameIndex.Mention;
import io.tagcf.models.explanations.NameIndex.Named;
import io.tagcf.models.explanations.Verdict.Finding;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that an explanation says only what its evidence backs, sentence by sentence, in English
 * and Chinese. The rules, each with its finding code:
 *
 * <ul>
 *   <li>{@code structure}: a summary, at most 5 drivers and 3 suggestions, every text non-blank and
 *       of bounded length, in the requested language ({@code language});
 *   <li>{@code number}: every number stated is a number of the evidence after the rounding the text
 *       states (3.26 may read 3.3 or 3.26, not 3.2); percentage points are effects, percentages are
 *       rates, shares or relative changes;
 *   <li>{@code unknown-name}: every tag or role named (quoted, tagged with #, or a vocabulary name)
 *       is in the evidence; {@code unknown-segment}: every segment named is one of the video's;
 *       a driver's tag, segment and outcome are the evidence's ({@code driver});
 *   <li>{@code causal-not-established}: causal wording ("drove", "raised", "导致", "提升了" …) only about
 *       an effect that is established: its interval excludes zero, its placebo refuter passed and
 *       its sensitivity value is at the floor or above; causal wording about no effect at all is
 *       {@code causal-unsupported}; a driver whose effect is not established says so;
 *   <li>{@code uncertainty}: a sentence that reports an effect says how uncertain it is;
 *   <li>{@code echo}: no run of the uploader's title and no instruction-like text ("ignore the
 *       previous instructions") appears: the title is data, and a reply that repeats it may be
 *       following it.
 * </ul>
 */
public final class FaithfulnessVerifier {

  public static final int MAX_SUMMARY_CHARS = 1_200;
  public static final int MAX_ITEM_CHARS = 500;
  private static final int ECHO_WORDS = 5;
  private static final int ECHO_HAN = 8;

  private static final Pattern QUOTED = Pattern.compile("[\"“”「『‘]([^\"“”」』’\\n]{1,60})[\"“”」』’]|#([\\p{L}\\p{N}_-]{1,40})");
  private static final Pattern BAND = Pattern.compile("(?<![\\d.-])\\d{1,2}\\s?[-–~]\\s?\\d{1,2}(?![\\d.-])|(?<![\\d.])\\d{2}\\+");
  private static final Pattern DATE = Pattern.compile("(?<!\\d)\\d{4}-\\d{2}-\\d{2}(?!\\d)");
  private static final Pattern INSTRUCTION = Pattern.compile(
      "ignore (?:all |any |the )?(?:previous|prior|above|earlier|preceding|these) (?:instructions|rules|prompts?)"
          + "|disregard (?:all|any|the|previous|prior|your)|system prompt|you are now|new instructions|developer mode"
          + "|忽略(?:以上|之前|上述|前面|所有)|无视(?:以上|之前|上述|所有)|系统提示|新的指令|你现在是",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern NOT_ESTABLISHED = Pattern.compile(
      "no clear effect|not established|not significant|inconclusive|unclear|no (?:reliable|robust) effect"
          + "|不明确|尚未确立|未确立|不显著|没有明显|无明显|尚不能确定|不能确定",
      Pattern.CASE_INSENSITIVE);
  private static final List<String> OUTCOMES = List.of("click", "completion", "like");
  private static final List<Pattern> OUTCOME_WORDS = List.of(
      Pattern.compile("\\bclick(?:s|ed|ing|-through)?\\b|点击", Pattern.CASE_INSENSITIVE),
      Pattern.compile("\\bcomplet(?:ion|ions|e|ed|es|ing)\\b|\\bfinish|完播|看完", Pattern.CASE_INSENSITIVE),
      Pattern.compile("\\blike (?:rate|rates)\\b|\\blike-rate\\b|\\blikes\\b|\\bliked\\b|点赞", Pattern.CASE_INSENSITIVE));

  private final double sensitivityFloor;
  private final Set<String> vocabulary;

  /**
   * @param sensitivityFloor the smallest sensitivity value (E-value) of an effect that may be called a cause
   * @param vocabularyNames every tag name the platform knows (labels in both languages, slugs): a
   *     name of these that is not in the evidence is an invented tag
   */
  public FaithfulnessVerifier(double sensitivityFloor, Collection<String> vocabularyNames) {
    if (!(sensitivityFloor >= 1)) {
      throw new IllegalArgumentException("sensitivityFloor is an E-value: >= 1");
    }
    this.sensitivityFloor = sensitivityFloor;
    this.vocabulary = new HashSet<>();
    for (String name : vocabularyNames) {
      String key = NameIndex.normalise(name);
      // Short English words ("art", "cars") are ordinary words too; only quoted they name a tag.
      int[] script = NameIndex.hanAndLatin(name);
      if (script[0] >= 2 || (script[0] == 0 && key.length() >= 5)) {
        vocabulary.add(key);
      }
    }
  }

  public double sensitivityFloor() {
    return sensitivityFloor;
  }

  public Verdict verify(Explanation x, Evidence e) {
    Check check = new Check(e);
    check.structure(x);
    int established = (int) e.tags().stream()
        .filter(t -> e.effects().stream().anyMatch(f -> f.tag().equals(t.slug()) && f.established(sensitivityFloor)))
        .count();
    EvidenceNumbers numbers = EvidenceNumbers.of(e, established);
    check.text(x.summary(), numbers, null);
    for (Explanation.Driver d : x.drivers()) {
      check.driver(d, numbers);
    }
    for (Explanation.Suggestion s : x.suggestions()) {
      check.text(s.text(), numbers, null);
    }
    return Verdict.of(new ArrayList<>(check.findings));
  }

  /** One verification: the evidence's names and the findings so far. */
  private final class Check {
    private final Evidence e;
    private final NameIndex names = new NameIndex();
    private final NameIndex unknown = new NameIndex();
    private final Set<Finding> findings = new LinkedHashSet<>();

    Check(Evidence e) {
      this.e = e;
      for (Evidence.Tag t : e.tags()) {
        addNames(t.slug(), Kind.TAG, t.slug(), t.labelEn(), t.labelZh());
      }
      for (Evidence.Role r : e.audience()) {
        addNames(r.slug(), Kind.ROLE, r.slug(), r.labelEn(), r.labelZh());
        for (Evidence.LinkedTag l : r.leadsTo()) {
          addNames(l.slug(), Kind.TAG, l.slug(), l.labelEn(), l.labelZh());
        }
      }
      for (Evidence.Lead l : e.leads()) {
        addNames(l.tag(), Kind.TAG, l.tag(), l.labelEn(), l.labelZh());
      }
      for (String segment : e.namedSegments()) {
        addSegment(segment, names);
      }
      for (String segment : e.snapshot().segments()) {
        if (!e.namedSegments().contains(segment)) {
          addSegment(segment, unknown);
        }
      }
    }

    private void addNames(String key, Kind kind, String... forms) {
      for (String form : forms) {
        names.add(form, new Named(kind, key));
      }
    }

    private void addSegment(String segment, NameIndex index) {
      Named named = new Named(Kind.SEGMENT, segment);
      if (segment.equals(Evidence.ALL_VIEWERS)) {
        index.add("all viewers", named);
        index.add("全体观众", named);
      } else {
        index.add(segment, named);
      }
    }

    void structure(Explanation x) {
      if (x.summary() == null || x.summary().isBlank()) {
        add("structure", "the summary is empty");
      } else if (x.summary().length() > MAX_SUMMARY_CHARS) {
        add("structure", "the summary has " + x.summary().length() + " characters, at most " + MAX_SUMMARY_CHARS);
      }
      if (x.drivers().size() > Explanation.MAX_DRIVERS) {
        add("structure", x.drivers().size() + " drivers, at most " + Explanation.MAX_DRIVERS);
      }
      if (x.suggestions().size() > Explanation.MAX_SUGGESTIONS) {
        add("structure", x.suggestions().size() + " suggestions, at most " + Explanation.MAX_SUGGESTIONS);
      }
      List<String> texts = x.texts();
      for (int i = 1; i < texts.size(); i++) {
        if (texts.get(i).isBlank() || texts.get(i).length() > MAX_ITEM_CHARS) {
          add("structure", "a driver or suggestion text is empty or longer than " + MAX_ITEM_CHARS + " characters");
        }
      }
      if (!"zh".equals(x.language()) && !"en".equals(x.language())) {
        add("language", "language must be zh or en, got " + x.language());
        return;
      }
      int[] script = NameIndex.hanAndLatin(masked(x.fullText(), names.find(x.fullText())));
      boolean chinese = script[0] >= script[1];
      if (chinese != x.language().equals("zh")) {
        add("language", "the text is not in " + (x.language().equals("zh") ? "Chinese" : "English"));
      }
    }

    void driver(Explanation.Driver d, EvidenceNumbers numbers) {
      String slug = e.tagNamed(d.tag()).map(Evidence.Tag::slug).orElse(null);
      if (slug == null) {
        add("unknown-name", "driver names tag '" + shorten(d.tag()) + "', which is not in the evidence");
      }
      if (d.segment() == null || !e.namedSegments().contains(d.segment())) {
        add("unknown-segment", "driver names segment '" + shorten(d.segment()) + "', which is not the video's");
      }
      if (d.outcome() == null || !OUTCOMES.contains(d.outcome())) {
        add("driver", "driver names outcome '" + shorten(d.outcome()) + "'; outcomes are click, completion, like");
      }
      Evidence.Effect effect = slug == null ? null : e.effect(slug, d.segment(), d.outcome()).orElse(null);
      if (slug != null && d.outcome() != null && effect == null) {
        add("driver", "no estimated effect of '" + slug + "' on " + d.outcome() + " in " + d.segment());
      }
      if (effect != null) {
        if (!statedAs(d.effectPp(), effect.effectPp()) || !statedAs(d.lowPp(), effect.lowPp())
            || !statedAs(d.highPp(), effect.highPp())) {
          add("number", String.format(Locale.ROOT, "driver '%s' states %s [%s, %s] pp; the evidence has %.3f [%.3f, %.3f]",
              slug, d.effectPp(), d.lowPp(), d.highPp(), effect.effectPp(), effect.lowPp(), effect.highPp()));
        }
        if (!effect.established(sensitivityFloor) && !NOT_ESTABLISHED.matcher(nonNull(d.text())).find()) {
          add("causal-not-established", "driver '" + slug + "' reports an effect that is not established"
              + " without saying so");
        }
      }
      text(d.text(), numbers, effect);
      if (!CausalWording.sentences(nonNull(d.text())).stream().anyMatch(CausalWording::statesUncertainty)) {
        add("uncertainty", "driver '" + shorten(d.tag()) + "' reports an effect without its uncertainty");
      }
    }

    /** The text's checks, sentence by sentence; {@code about} is the effect a driver's text is about. */
    void text(String text, EvidenceNumbers numbers, Evidence.Effect about) {
      if (text == null) {
        return;
      }
      echo(text);
      for (String sentence : CausalWording.sentences(text)) {
        List<Mention> mentions = names.find(sentence);
        String plain = dates(masked(sentence, mentions));
        unknownNames(sentence, plain);
        List<NumberMention> stated = NumberMentions.find(plain);
        boolean reportsEffect = false;
        for (NumberMention m : stated) {
          reportsEffect |= m.kind() == NumberMention.Kind.PERCENTAGE_POINTS;
          char before = m.start() < plain.length() ? NumberMentions.normalise(plain).charAt(m.start()) : ' ';
          boolean signed = before == '+' || before == '-';
          if (!numbers.allows(m, signed)) {
            Double near = numbers.nearest(m);
            add("number", "'" + plain.substring(m.start(), m.end()).strip() + "' matches no number of the evidence"
                + (near == null ? "" : String.format(Locale.ROOT, " (nearest %.3f)", near)));
          }
        }
        Matcher band = BAND.matcher(plain);
        if (band.find()) {
          add("unknown-segment", "'" + band.group() + "' is not one of the video's segments");
        }
        for (Mention m : unknown.find(plain)) {
          add("unknown-segment", "names segment '" + m.named().key() + "', which is not one of the video's");
        }
        List<String> claims = CausalWording.causalClaims(plain);
        if (!claims.isEmpty()) {
          reportsEffect |= causal(claims.get(0), mentions, plain, about);
        }
        if (reportsEffect && about == null && !CausalWording.statesUncertainty(plain)) {
          add("uncertainty", "'" + shorten(sentence) + "' reports an effect without its uncertainty");
        }
      }
    }

    /** Checks the text's ISO dates against the snapshot's window and blanks them out. */
    private String dates(String plain) {
      Matcher m = DATE.matcher(plain);
      StringBuilder b = new StringBuilder(plain);
      while (m.find()) {
        if (!m.group().equals(e.snapshot().windowStart()) && !m.group().equals(e.snapshot().windowEnd())) {
          add("number", "the date " + m.group() + " is not the snapshot's window (" + e.snapshot().windowStart()
              + " to " + e.snapshot().windowEnd() + ")");
        }
        for (int i = m.start(); i < m.end(); i++) {
          b.setCharAt(i, ' ');
        }
      }
      return b.toString();
    }

    /** Checks a causal claim; true when it is about a named tag (and so reports an effect). */
    private boolean causal(String word, List<Mention> mentions, String plain, Evidence.Effect about) {
      Set<String> tags = new LinkedHashSet<>();
      Set<String> segments = new LinkedHashSet<>();
      for (Mention m : mentions) {
        if (m.named().kind() == Kind.TAG) {
          tags.add(m.named().key());
        } else if (m.named().kind() == Kind.SEGMENT) {
          segments.add(m.named().key());
        }
      }
      Set<String> outcomes = new LinkedHashSet<>();
      for (int o = 0; o < OUTCOMES.size(); o++) {
        if (OUTCOME_WORDS.get(o).matcher(plain).find()) {
          outcomes.add(OUTCOMES.get(o));
        }
      }
      if (about != null) {
        tags.add(about.tag());
        segments.add(about.segment());
        outcomes.add(about.outcome());
      }
      if (tags.isEmpty()) {
        add("causal-unsupported", "'" + word + "' claims a cause without naming a tag with an established effect");
        return false;
      }
      for (String tag : tags) {
        boolean backed = false;
        for (Evidence.Effect f : e.effects()) {
          backed |= f.tag().equals(tag) && (segments.isEmpty() || segments.contains(f.segment()))
              && (outcomes.isEmpty() || outcomes.contains(f.outcome())) && f.established(sensitivityFloor);
        }
        for (Evidence.Lead l : e.leads()) {
          // Leads are robust effects by construction (the snapshot's own verdict).
          backed |= l.tag().equals(tag) && (segments.isEmpty() || segments.contains(l.segment()))
              && (outcomes.isEmpty() || outcomes.contains(l.outcome()));
        }
        if (!backed) {
          add("causal-not-established", "'" + word + "' calls the effect of '" + tag + "'"
              + (outcomes.isEmpty() ? "" : " on " + String.join("/", outcomes))
              + (segments.isEmpty() ? "" : " in " + String.join("/", segments))
              + " a cause, but no such effect is established");
        }
      }
      return true;
    }

    private void unknownNames(String sentence, String plain) {
      Matcher q = QUOTED.matcher(sentence);
      while (q.find()) {
        String term = q.group(1) != null ? q.group(1) : q.group(2);
        String key = NameIndex.normalise(term);
        boolean known = names.find(term).stream().anyMatch(m -> NameIndex.normalise(m.form()).equals(key))
            || OUTCOMES.contains(key);
        if (!known && !key.isEmpty()) {
          add("unknown-name", "names '" + shorten(term) + "', which is not a tag or role of the evidence");
        }
      }
      for (String word : vocabularyMentions(plain)) {
        add("unknown-name", "names tag '" + word + "', which is not in the evidence");
      }
    }

    private List<String> vocabularyMentions(String plain) {
      if (vocabulary.isEmpty()) {
        return List.of();
      }
      NameIndex vocab = new NameIndex();
      // Built per text from the vocabulary's forms present in it, keeping one index for all texts cheap.
      String normal = NameIndex.normalise(plain);
      List<String> out = new ArrayList<>();
      for (String form : vocabulary) {
        if (normal.contains(form)) {
          vocab.add(form, new Named(Kind.TAG, form));
        }
      }
      for (Mention m : vocab.find(plain)) {
        out.add(m.named().key());
      }
      return out;
    }

    private void echo(String text) {
      Matcher instruction = INSTRUCTION.matcher(text);
      if (instruction.find()) {
        add("echo", "contains instruction-like text '" + instruction.group() + "'");
      }
      String title = e.title() == null ? "" : e.title();
      String normalText = NameIndex.normalise(text);
      String[] words = NameIndex.normalise(title.replaceAll("\\p{IsHan}", " ")).split(" ");
      for (int i = 0; i + ECHO_WORDS <= words.length; i++) {
        String run = String.join(" ", java.util.Arrays.copyOfRange(words, i, i + ECHO_WORDS));
        if (!run.isBlank() && (" " + normalText + " ").contains(" " + run + " ")) {
          add("echo", "repeats the video's title ('" + run + "')");
          return;
        }
      }
      String han = title.replaceAll("[^\\p{IsHan}]", "");
      String textHan = text.replaceAll("[^\\p{IsHan}]", "");
      for (int i = 0; i + ECHO_HAN <= han.length(); i++) {
        if (textHan.contains(han.substring(i, i + ECHO_HAN))) {
          add("echo", "repeats the video's title ('" + han.substring(i, i + ECHO_HAN) + "')");
          return;
        }
      }
    }

    private void add(String code, String detail) {
      findings.add(new Finding(code, detail));
    }
  }

  /** Whether a number given in a structured field equals {@code exact} at the rounding it shows. */
  static boolean statedAs(double given, double exact) {
    if (!Double.isFinite(given)) {
      return false;
    }
    int decimals = Math.max(0, new BigDecimal(Double.toString(given)).stripTrailingZeros().scale());
    return Math.abs(given - exact) <= 0.5 * Math.pow(10, -decimals) * (1 + 1e-9) + 1e-9;
  }

  /** The text with the names' characters blanked out, so that "18-24" or "3 weeks packing" states no number. */
  private static String masked(String text, List<Mention> mentions) {
    StringBuilder b = new StringBuilder(text);
    for (Mention m : mentions) {
      for (int i = m.start(); i < m.end(); i++) {
        b.setCharAt(i, ' ');
      }
    }
    return b.toString();
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  private static String shorten(String s) {
    if (s == null) {
      return "null";
    }
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() <= 40 ? one : one.substring(0, 40) + "…";
  }
}
