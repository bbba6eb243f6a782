package io.tagcf.gateway.fakes;

import io.tagcf.gateway.interactions.InteractionStore;
import io.tagcf.models.interactions.Exposure;
import io.tagcf.models.interactions.UserProfile;
import io.tagcf.store.interactions.InteractionWriter;
import io.tagcf.store.interactions.LoadResult;
import io.tagcf.store.interactions.UnknownIds;
import io.tagcf.store.interactions.UnknownReferencesException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The interaction log in memory, by the rules of InteractionWriter: users upserted first, events
 * keyed by event id whatever their time, the whole batch refused when it names an unknown user or
 * video (the first few of each named, all counted).
 */
public final class InMemoryInteractionStore implements InteractionStore {

  private final CallingThreads threads;
  private final Set<String> videos = ConcurrentHashMap.newKeySet();
  private final Map<String, UserProfile> users = new ConcurrentHashMap<>();
  private final Map<String, Exposure> events = new ConcurrentHashMap<>();
  private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
  private volatile RuntimeException failure;

  public InMemoryInteractionStore(CallingThreads threads) {
    this.threads = threads;
  }

  public void putVideos(String... videoIds) {
    videos.addAll(List.of(videoIds));
  }

  public void putUsers(String... userIds) {
    for (String id : userIds) {
      users.put(id, new UserProfile(id, null, null, null, Map.of()));
    }
  }

  /** Every later call throws {@code e}, as a database that went away would. */
  public void failWith(RuntimeException e) {
    failure = e;
  }

  /** What is stored, read without counting as a call of the gateway. */
  public Map<String, Exposure> events() {
    return Map.copyOf(events);
  }

  public Map<String, UserProfile> users() {
    return Map.copyOf(users);
  }

  /** The number of events of each batch that reached the store, in order. */
  public List<Integer> batchSizes() {
    return List.copyOf(batchSizes);
  }

  @Override
  public synchronized LoadResult record(List<UserProfile> batchUsers, List<Exposure> batchEvents) {
    threads.record("interactions.record");
    RuntimeException e = failure;
    if (e != null) {
      throw e;
    }
    batchSizes.add(batchEvents.size());
    Map<String, UserProfile> known = new HashMap<>(users);
    batchUsers.forEach(u -> known.put(u.userId(), u));
    UnknownIds unknownUsers = unknown(batchEvents, Exposure::userId, known.keySet());
    UnknownIds unknownVideos = unknown(batchEvents, Exposure::videoId, videos);
    if (!unknownUsers.isEmpty() || !unknownVideos.isEmpty()) {
      throw new UnknownReferencesException(unknownUsers, unknownVideos);
    }
    users.putAll(known);
    long inserted = 0;
    for (Exposure event : batchEvents) {
      if (events.putIfAbsent(event.eventId(), event) == null) {
        inserted++;
      }
    }
    return new LoadResult(batchEvents.size(), inserted);
  }

  private static UnknownIds unknown(List<Exposure> batch, Function<Exposure, String> id, Set<String> known) {
    TreeSet<String> unknown = new TreeSet<>();
    batch.stream().map(id).filter(i -> !known.contains(i)).forEach(unknown::add);
    List<String> named = new ArrayList<>(unknown).subList(0, Math.min(unknown.size(), InteractionWriter.NAMED_UNKNOWN));
    return new UnknownIds(named, unknown.size());
  }
}
