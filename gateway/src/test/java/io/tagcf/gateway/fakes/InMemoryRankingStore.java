package io.tagcf.gateway.fakes;

import io.tagcf.gateway.ranking.RankingStore;
import io.tagcf.models.ranking.ItemTags;
import io.tagcf.models.ranking.UserTagProfile;
import io.tagcf.store.tags.TagSummary;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Ranking profiles, candidates' tags and labels in memory; records how many candidates each read asked for. */
public final class InMemoryRankingStore implements RankingStore {

  private final CallingThreads threads;
  private final Map<String, UserTagProfile> profiles = new ConcurrentHashMap<>();
  private final Map<String, ItemTags> videos = new ConcurrentHashMap<>();
  private final Map<Long, TagSummary> tags = new ConcurrentHashMap<>();
  private final List<Integer> candidateReads = new CopyOnWriteArrayList<>();

  public InMemoryRankingStore(CallingThreads threads) {
    this.threads = threads;
  }

  public void putProfile(String userId, UserTagProfile profile) {
    profiles.put(userId, profile);
  }

  public void putVideo(String videoId, ItemTags itemTags) {
    videos.put(videoId, itemTags);
  }

  public void putTag(TagSummary tag) {
    tags.put(tag.tagId(), tag);
  }

  public List<Integer> candidateReads() {
    return List.copyOf(candidateReads);
  }

  @Override
  public Optional<UserTagProfile> profileOf(String userId) {
    threads.record("rankings.profileOf");
    return Optional.ofNullable(profiles.get(userId));
  }

  @Override
  public Map<String, ItemTags> itemTags(Collection<String> videoIds) {
    threads.record("rankings.itemTags");
    candidateReads.add(videoIds.size());
    Map<String, ItemTags> out = new HashMap<>();
    videoIds.forEach(id -> {
      if (videos.containsKey(id)) {
        out.put(id, videos.get(id));
      }
    });
    return out;
  }

  @Override
  public Map<Long, TagSummary> findTags(Collection<Long> tagIds) {
    threads.record("rankings.findTags");
    Map<Long, TagSummary> out = new HashMap<>();
    tagIds.forEach(id -> {
      if (tags.containsKey(id)) {
        out.put(id, tags.get(id));
      }
    });
    return out;
  }
}
