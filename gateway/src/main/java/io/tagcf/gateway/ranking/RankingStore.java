package io.tagcf.gateway.ranking;

import io.tagcf.models.ranking.ItemTags;
import io.tagcf.models.ranking.UserTagProfile;
import io.tagcf.store.tags.TagSummary;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** What the ranking API reads: users' precomputed profiles, candidates' tags, tag labels. Every method blocks. */
public interface RankingStore {

  /** The user's profile (interest, roles, expansion); empty when the roles workflow has none. */
  Optional<UserTagProfile> profileOf(String userId);

  /** The tags of the known videos among {@code videoIds}; an unknown id is absent, an untagged video maps to no tags. */
  Map<String, ItemTags> itemTags(Collection<String> videoIds);

  /** The tags with these ids; ids without a tag are absent. */
  Map<Long, TagSummary> findTags(Collection<Long> tagIds);
}
