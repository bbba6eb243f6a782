package io.tagcf.bench.effects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.protobuf.Timestamp;
import io.temporal.api.common.v1.ActivityType;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.ActivityTaskCompletedEventAttributes;
import io.temporal.api.history.v1.ActivityTaskScheduledEventAttributes;
import io.temporal.api.history.v1.ActivityTaskStartedEventAttributes;
import io.temporal.api.history.v1.HistoryEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotTimelineTest {
  private final List<HistoryEvent> events = new ArrayList<>();

  private HistoryEvent.Builder event(EventType type, double at) {
    long millis = Math.round(at * 1000);
    return HistoryEvent.newBuilder().setEventId(events.size() + 1).setEventType(type)
        .setEventTime(Timestamp.newBuilder().setSeconds(1_800_000_000L + millis / 1000)
            .setNanos((int) (millis % 1000) * 1_000_000));
  }

  private long scheduled(String type, double at) {
    HistoryEvent e = event(EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED, at)
        .setActivityTaskScheduledEventAttributes(ActivityTaskScheduledEventAttributes.newBuilder()
            .setActivityType(ActivityType.newBuilder().setName(type)))
        .build();
    events.add(e);
    return e.getEventId();
  }

  private void started(long scheduledId, double at, String identity, int attempt) {
    events.add(event(EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED, at)
        .setActivityTaskStartedEventAttributes(ActivityTaskStartedEventAttributes.newBuilder()
            .setScheduledEventId(scheduledId).setIdentity(identity).setAttempt(attempt))
        .build());
  }

  private void completed(long scheduledId, double at) {
    events.add(event(EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED, at)
        .setActivityTaskCompletedEventAttributes(ActivityTaskCompletedEventAttributes.newBuilder()
            .setScheduledEventId(scheduledId))
        .build());
  }

  @Test
  void phasesAndWhichWorkerRanEachShardComeFromTheHistory() {
    events.add(event(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED, 0).build());
    long prepare = scheduled("PrepareSnapshot", 0.1);
    started(prepare, 0.2, "11@host", 1);
    completed(prepare, 10.1);
    // Three shards scheduled together; two workers; the third one is retried once.
    long s1 = scheduled("EstimateShard", 10.2);
    long s2 = scheduled("EstimateShard", 10.2);
    long s3 = scheduled("EstimateShard", 10.2);
    started(s1, 10.3, "11@host", 1);
    started(s2, 10.4, "22@host", 1);
    completed(s1, 20.0);
    completed(s2, 25.0);
    started(s3, 30.0, "22@host", 2);
    completed(s3, 40.2);
    long publish = scheduled("PublishSnapshot", 40.3);
    started(publish, 40.4, "11@host", 1);
    completed(publish, 41.3);
    events.add(event(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED, 41.5).build());

    SnapshotTimeline t = SnapshotTimeline.of(events);
    assertThat(t.prepareSeconds()).isCloseTo(10.0, within(1e-6));
    assertThat(t.estimateSeconds()).isCloseTo(30.0, within(1e-6));
    assertThat(t.publishSeconds()).isCloseTo(1.0, within(1e-6));
    assertThat(t.workflowSeconds()).isCloseTo(41.5, within(1e-6));
    assertThat(t.prepareWorker()).isEqualTo("11@host");
    assertThat(t.shardsByWorker()).isEqualTo(Map.of("11@host", 1, "22@host", 2));
    assertThat(t.shards()).extracting(SnapshotTimeline.ShardRun::attempt).containsExactly(1, 1, 2);
    assertThat(t.shards().get(2).queuedSeconds()).isCloseTo(19.8, within(1e-6));
    assertThat(t.shards().get(2).runSeconds()).isCloseTo(10.2, within(1e-6));
  }

  @Test
  void aRunThatDidNotCompleteHasNoTimeline() {
    events.add(event(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED, 0).build());
    long prepare = scheduled("PrepareSnapshot", 0.1);
    started(prepare, 0.2, "11@host", 1);
    assertThatThrownBy(() -> SnapshotTimeline.of(events)).hasMessage("the history has no completed run");
  }
}
