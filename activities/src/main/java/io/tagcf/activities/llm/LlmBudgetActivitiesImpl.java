package io.tagcf.activities.llm;

import io.tagcf.activities.ingest.CurrentVideo;
import io.tagcf.models.video.IngestStage;
import io.tagcf.models.video.VideoRef;
import io.tagcf.store.budget.LlmCallBudget;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Counts LLM tagging against the video's creator, per UTC day. An attempt retried after its
 * commit takes a second share: the error is on the side of the budget, never past it.
 */
public final class LlmBudgetActivitiesImpl implements LlmBudgetActivities {

  /** One video's tagging is the paper's two prompts: item tags and audiences. */
  public static final int CALLS_PER_VIDEO = 2;

  private final CurrentVideo current;
  private final LlmCallBudget budget;
  private final int callsPerCreatorPerDay;
  private final Clock clock;

  public LlmBudgetActivitiesImpl(CurrentVideo current, LlmCallBudget budget, int callsPerCreatorPerDay, Clock clock) {
    if (callsPerCreatorPerDay < 1) {
      throw new IllegalArgumentException("the LLM budget per creator and day must be positive: " + callsPerCreatorPerDay);
    }
    this.current = current;
    this.budget = budget;
    this.callsPerCreatorPerDay = callsPerCreatorPerDay;
    this.clock = clock;
  }

  @Override
  public boolean takeLlmTagging(VideoRef ref) {
    String creator = current.enter(ref, IngestStage.TAGGING).creatorId();
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    return budget.take(creator, today, CALLS_PER_VIDEO, callsPerCreatorPerDay);
  }
}
