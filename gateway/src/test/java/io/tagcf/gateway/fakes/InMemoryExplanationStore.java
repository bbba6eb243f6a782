package io.tagcf.gateway.fakes;

import io.tagcf.gateway.explanations.ExplanationStore;
import io.tagcf.store.explanations.StoredExplanation;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stored explanations in memory; every snapshot counts as published. */
public final class InMemoryExplanationStore implements ExplanationStore {

  private final CallingThreads threads;
  private final List<StoredExplanation> stored = new CopyOnWriteArrayList<>();

  public InMemoryExplanationStore(CallingThreads threads) {
    this.threads = threads;
  }

  public void put(StoredExplanation x) {
    stored.add(x);
  }

  @Override
  public Optional<StoredExplanation> latest(String videoId, String language) {
    threads.record("explanations.latest");
    return stored.stream().filter(x -> x.videoId().equals(videoId) && x.language().equals(language))
        .max(Comparator.comparingLong(StoredExplanation::snapshotId));
  }

  @Override
  public boolean exists(String videoId, long snapshotId, String language) {
    threads.record("explanations.exists");
    return stored.stream().anyMatch(x -> x.videoId().equals(videoId) && x.snapshotId() == snapshotId
        && x.language().equals(language));
  }
}
