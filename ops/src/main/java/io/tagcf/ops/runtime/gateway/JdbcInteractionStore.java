package io.tagcf.ops.runtime.gateway;

import io.tagcf.gateway.interactions.InteractionStore;
import io.tagcf.models.interactions.Exposure;
import io.tagcf.models.interactions.UserProfile;
import io.tagcf.store.interactions.InteractionWriter;
import io.tagcf.store.interactions.LoadResult;
import java.util.List;
import javax.sql.DataSource;

/** The gateway's interaction log in PostgreSQL. */
public final class JdbcInteractionStore implements InteractionStore {

  private final InteractionWriter writer;

  public JdbcInteractionStore(DataSource dataSource) {
    this.writer = new InteractionWriter(dataSource);
  }

  @Override
  public LoadResult record(List<UserProfile> users, List<Exposure> events) {
    return writer.write(users, events);
  }
}
