package io.tagcf.bench.effects;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a snapshot run's time went, from its workflow history: the server's own timestamps, so the
 * phases are what the workflow waited for, scheduling and queueing included. Activity types are
 * the Temporal names of {@code EffectActivities}' methods.
 *
 * @param prepareSeconds PrepareSnapshot scheduled to completed
 * @param estimateSeconds the first EstimateShard scheduled to the last one completed
 * @param publishSeconds PublishSnapshot scheduled to completed
 * @param workflowSeconds the run started to completed
 * @param shards every shard activity that completed, with the worker that ran it
 */
record SnapshotTimeline(double prepareSeconds, double estimateSeconds, double publishSeconds, double workflowSeconds,
    String prepareWorker, String publishWorker, List<ShardRun> shards) {

  static final String PREPARE = "PrepareSnapshot";
  static final String SHARD = "EstimateShard";
  static final String PUBLISH = "PublishSnapshot";

  /**
   * @param worker the identity of the worker that ran it (pid@host unless set otherwise)
   * @param attempt 1 unless it was retried
   * @param queuedSeconds scheduled to started
   * @param runSeconds started to completed
   */
  record ShardRun(String worker, int attempt, double queuedSeconds, double runSeconds) {}

  /** Shards run per worker identity, in identity order. */
  Map<String, Integer> shardsByWorker() {
    Map<String, Integer> out = new TreeMap<>();
    shards.forEach(s -> out.merge(s.worker(), 1, Integer::sum));
    return out;
  }

  /** One activity as the history tells it; filled in as its events are read. */
  private static final class Activity {
    final String type;
    final Instant scheduled;
    Instant started;
    Instant completed;
    String identity;
    int attempt;

    Activity(String type, Instant scheduled) {
      this.type = type;
      this.scheduled = scheduled;
    }
  }

  /** @throws IllegalArgumentException when the history has no completed run with all three steps */
  static SnapshotTimeline of(List<HistoryEvent> history) {
    Instant runStarted = null;
    Instant runCompleted = null;
    Map<Long, Activity> byScheduledEvent = new HashMap<>();
    List<Activity> activities = new ArrayList<>();
    for (HistoryEvent e : history) {
      Instant at = Instant.ofEpochSecond(e.getEventTime().getSeconds(), e.getEventTime().getNanos());
      EventType type = e.getEventType();
      if (type == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED) {
        runStarted = at;
      } else if (type == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED) {
        runCompleted = at;
      } else if (type == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED) {
        Activity a = new Activity(e.getActivityTaskScheduledEventAttributes().getActivityType().getName(), at);
        byScheduledEvent.put(e.getEventId(), a);
        activities.add(a);
      } else if (type == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED) {
        var attributes = e.getActivityTaskStartedEventAttributes();
        Activity a = byScheduledEvent.get(attributes.getScheduledEventId());
        if (a != null) {
          a.started = at;
          a.identity = attributes.getIdentity();
          a.attempt = attributes.getAttempt();
        }
      } else if (type == EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED) {
        Activity a = byScheduledEvent.get(e.getActivityTaskCompletedEventAttributes().getScheduledEventId());
        if (a != null) {
          a.completed = at;
        }
      }
    }
    if (runStarted == null || runCompleted == null) {
      throw new IllegalArgumentException("the history has no completed run");
    }
    Activity prepare = only(activities, PREPARE);
    Activity publish = only(activities, PUBLISH);
    Instant firstShard = null;
    Instant lastShard = null;
    List<ShardRun> shards = new ArrayList<>();
    for (Activity a : activities) {
      if (!a.type.equals(SHARD) || a.completed == null) {
        continue;
      }
      firstShard = firstShard == null || a.scheduled.isBefore(firstShard) ? a.scheduled : firstShard;
      lastShard = lastShard == null || a.completed.isAfter(lastShard) ? a.completed : lastShard;
      shards.add(new ShardRun(a.identity, a.attempt, seconds(a.scheduled, a.started), seconds(a.started, a.completed)));
    }
    if (firstShard == null) {
      throw new IllegalArgumentException("the history has no completed " + SHARD);
    }
    return new SnapshotTimeline(seconds(prepare.scheduled, prepare.completed), seconds(firstShard, lastShard),
        seconds(publish.scheduled, publish.completed), seconds(runStarted, runCompleted), prepare.identity,
        publish.identity, shards);
  }

  private static Activity only(List<Activity> activities, String type) {
    List<Activity> matching = activities.stream().filter(a -> a.type.equals(type) && a.completed != null).toList();
    if (matching.size() != 1) {
      throw new IllegalArgumentException("the history has " + matching.size() + " completed " + type + ", not 1");
    }
    return matching.get(0);
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toNanos() / 1e9;
  }
}
