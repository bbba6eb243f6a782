package io.tagcf.activities.explanations;

import io.tagcf.activities.tagging.TaggerPlan;
import io.tagcf.models.explanations.Answer;
import io.tagcf.models.explanations.Evidence;
import io.tagcf.models.explanations.FaithfulnessVerifier;
import io.tagcf.models.explanations.TemplateWriter;
import io.tagcf.store.effects.EffectReader;
import io.tagcf.store.effects.SnapshotInfo;
import io.tagcf.store.explanations.EvidenceReader;
import io.tagcf.store.explanations.ExplanationRepository;
import io.tagcf.store.explanations.StoredExplanation;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Optional;

/**
 * Plans an explanation (resolve the snapshot, find a stored one, gather the evidence), and
 * finishes it: the verifier decides between the LLM's draft and the template, and the answer is
 * stored once per (video, snapshot, language).
 */
public final class ExplanationActivitiesImpl implements ExplanationActivities {

  /** Failure type of a request no retry can serve: no such video, or no such published snapshot. */
  public static final String NOT_EXPLAINABLE = "ExplanationNotPossible";
  public static final int MAX_PAGE = 1_000;

  private final EvidenceReader evidence;
  private final EffectReader snapshots;
  private final ExplanationRepository explanations;
  private final TaggerPlan llm;
  private final double sensitivityFloor;
  /**
   * The verifier over the vocabulary's names, and when they were read: read again after
   * {@link #VOCABULARY_FRESH}, not for every explanation.
   */
  private volatile Checker checker;

  private record Checker(FaithfulnessVerifier verifier, long readAtNanos) {}

  static final long VOCABULARY_FRESH = java.util.concurrent.TimeUnit.MINUTES.toNanos(5);

  /**
   * @param sensitivityFloor the smallest sensitivity value of an effect the text may call a cause
   */
  public ExplanationActivitiesImpl(EvidenceReader evidence, EffectReader snapshots, ExplanationRepository explanations,
      TaggerPlan llm, double sensitivityFloor) {
    this.evidence = evidence;
    this.snapshots = snapshots;
    this.explanations = explanations;
    this.llm = llm;
    this.sensitivityFloor = sensitivityFloor;
  }

  @Override
  public ExplanationPlan planExplanation(ExplanationTarget target) {
    if (!"zh".equals(target.language()) && !"en".equals(target.language())) {
      throw notExplainable("language must be zh or en, got " + target.language());
    }
    long snapshotId = target.snapshotId() > 0 ? target.snapshotId()
        : snapshots.latestPublished().map(SnapshotInfo::snapshotId)
            .orElseThrow(() -> notExplainable("no effect snapshot has been published yet"));
    ExplanationTarget resolved = new ExplanationTarget(target.videoId(), snapshotId, target.language());
    Optional<StoredExplanation> stored = explanations.find(target.videoId(), snapshotId, target.language());
    if (stored.isPresent()) {
      return new ExplanationPlan(resolved, outcome(stored.get(), false), null, llm);
    }
    Evidence e = evidence.evidence(target.videoId(), snapshotId)
        .orElseThrow(() -> notExplainable("no video " + target.videoId() + " or no published snapshot " + snapshotId));
    return new ExplanationPlan(resolved, null, e, llm);
  }

  @Override
  public ExplanationOutcome finishExplanation(FinishRequest r) {
    ExplanationTarget t = r.target();
    Answer answer = Answer.choose(r.evidence(), t.language(), r.draft() == null ? null : r.draft().explanation(),
        r.llmFailure() != null, verifier(),
        new TemplateWriter(sensitivityFloor));
    boolean byLlm = Answer.LLM.equals(answer.writer());
    ExplanationRepository.Stored stored = explanations.storeIfAbsent(new StoredExplanation(t.videoId(), t.snapshotId(),
        t.language(), answer.writer(), byLlm ? r.draft().provider() + "/" + r.draft().model() : null,
        byLlm ? r.draft().promptVersion() : null, answer.verdict(), answer.llmOutcome(), answer.llmFindings(),
        r.llmFailure(), answer.explanation(), r.evidence(), null));
    return outcome(stored.explanation(), stored.created());
  }

  @Override
  public List<String> videosToExplain(long snapshotId, String afterVideoId, int limit) {
    return explanations.videosWithEffects(snapshotId, afterVideoId, Math.max(1, Math.min(MAX_PAGE, limit)));
  }

  private FaithfulnessVerifier verifier() {
    Checker known = checker;
    long now = System.nanoTime();
    if (known == null || now - known.readAtNanos() > VOCABULARY_FRESH) {
      known = new Checker(new FaithfulnessVerifier(sensitivityFloor, evidence.vocabularyNames()), now);
      checker = known;
    }
    return known.verifier();
  }

  private static ExplanationOutcome outcome(StoredExplanation s, boolean created) {
    return new ExplanationOutcome(s.videoId(), s.snapshotId(), s.language(), created, s.writer(), s.verdict().passed(),
        s.llmOutcome());
  }

  private static ApplicationFailure notExplainable(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, NOT_EXPLAINABLE);
  }
}
