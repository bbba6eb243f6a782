package io.tagcf.workflows.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.activities.ingest.IngestFailures;
import io.tagcf.models.video.IngestStage;
import io.temporal.api.enums.v1.RetryState;
import io.temporal.api.enums.v1.TimeoutType;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TimeoutFailure;
import org.junit.jupiter.api.Test;

/** What a failed video's stored state says: codes, and our own refusals in our words. */
class StoredReasonTest {

  private static ActivityFailure failed(Throwable cause) {
    return new ActivityFailure("activity failed", 1, 2, "EmbedVideo", "1", RetryState.RETRY_STATE_TIMEOUT,
        "worker", cause);
  }

  @Test
  void aProvidersOrDriversTextNeverReachesTheStoredReason() {
    ApplicationFailure sql = ApplicationFailure.newFailure(
        "ERROR: relation \"secret_table\" does not exist; password=hunter2", "org.postgresql.util.PSQLException");

    assertThat(VideoIngestWorkflowImpl.storedReason(IngestStage.EMBEDDING, failed(sql)))
        .isEqualTo("embedding failed: PSQLException");
  }

  @Test
  void aTimeoutIsItsOwnCode() {
    TimeoutFailure timeout = new TimeoutFailure("timed out", null, TimeoutType.TIMEOUT_TYPE_START_TO_CLOSE);

    assertThat(VideoIngestWorkflowImpl.storedReason(IngestStage.TAGGING, failed(timeout)))
        .isEqualTo("tagging failed: Timeout");
  }

  @Test
  void ourOwnRefusalOfTheInputKeepsItsWords() {
    assertThat(VideoIngestWorkflowImpl.storedReason(IngestStage.TAGGING,
        failed(IngestFailures.invalid("v-1", "no title, description or transcript"))))
        .isEqualTo("video v-1 cannot be ingested: no title, description or transcript");
  }
}
