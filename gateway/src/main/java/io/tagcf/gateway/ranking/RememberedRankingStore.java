package io.tagcf.gateway.ranking;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tagcf.models.ranking.ItemTags;
import io.tagcf.models.ranking.UserTagProfile;
import io.tagcf.store.tags.TagSummary;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The ranking API's reads, remembered for {@link #TTL}: a ranker asks about the same users and the
 * same pool of candidates again and again, and a thousand candidates' tags cost the database
 * several milliseconds per call that memory answers in microseconds. What it remembers changes
 * slowly: profiles once a roles run (hourly), a video's tags when it is re-tagged. Unknown videos
 * are not remembered, so a video uploaded a moment ago is scored on the next call that names it.
 */
public final class RememberedRankingStore implements RankingStore {

  /** How stale a remembered profile or video may be. */
  public static final Duration TTL = Duration.ofSeconds(60);

  /** Videos remembered at most: about 1 KB each (a few tags per kind in small maps). */
  public static final long MAX_VIDEOS = 100_000;

  private final RankingStore store;
  private final Cache<String, Optional<UserTagProfile>> profiles;
  private final Cache<String, ItemTags> videos;
  private final Cache<Long, TagSummary> tags;

  public RememberedRankingStore(RankingStore store) {
    this.store = store;
    this.profiles = Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(100_000).build();
    this.videos = Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(MAX_VIDEOS).build();
    this.tags = Caffeine.newBuilder().expireAfterWrite(TTL).maximumSize(100_000).build();
  }

  @Override
  public Optional<UserTagProfile> profileOf(String userId) {
    return profiles.get(userId, store::profileOf);
  }

  @Override
  public Map<String, ItemTags> itemTags(Collection<String> videoIds) {
    return videos.getAll(videoIds, missing -> store.itemTags(java.util.List.copyOf(missing)));
  }

  @Override
  public Map<Long, TagSummary> findTags(Collection<Long> tagIds) {
    return tags.getAll(tagIds, missing -> store.findTags(java.util.List.copyOf(missing)));
  }
}
