package io.tagcf.ops.runtime.gateway;

import io.tagcf.gateway.ranking.RankingStore;
import io.tagcf.models.ranking.ItemTags;
import io.tagcf.models.ranking.UserTagProfile;
import io.tagcf.store.ranking.RankingProfileRepository;
import io.tagcf.store.tags.TagCatalog;
import io.tagcf.store.tags.TagSummary;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** The ranking API's profiles, candidate tags and tag labels in PostgreSQL. */
public final class JdbcRankingStore implements RankingStore {

  private final RankingProfileRepository profiles;
  private final TagCatalog catalog;

  public JdbcRankingStore(DataSource dataSource) {
    this.profiles = new RankingProfileRepository(dataSource);
    this.catalog = new TagCatalog(dataSource);
  }

  @Override
  public Optional<UserTagProfile> profileOf(String userId) {
    return profiles.profileOf(userId);
  }

  @Override
  public Map<String, ItemTags> itemTags(Collection<String> videoIds) {
    return profiles.itemTags(videoIds);
  }

  @Override
  public Map<Long, TagSummary> findTags(Collection<Long> tagIds) {
    return catalog.findAll(tagIds);
  }
}
