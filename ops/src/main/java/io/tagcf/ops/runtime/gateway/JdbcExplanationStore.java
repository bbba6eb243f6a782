package io.tagcf.ops.runtime.gateway;

import io.tagcf.gateway.explanations.ExplanationStore;
import io.tagcf.store.explanations.ExplanationRepository;
import io.tagcf.store.explanations.StoredExplanation;
import java.util.Optional;
import javax.sql.DataSource;

/** The gateway's stored explanations in PostgreSQL, read through {@link ExplanationRepository}. */
public final class JdbcExplanationStore implements ExplanationStore {

  private final ExplanationRepository repository;

  public JdbcExplanationStore(DataSource dataSource) {
    this.repository = new ExplanationRepository(dataSource);
  }

  @Override
  public Optional<StoredExplanation> latest(String videoId, String language) {
    return repository.latest(videoId, language);
  }

  @Override
  public boolean exists(String videoId, long snapshotId, String language) {
    return repository.find(videoId, snapshotId, language).isPresent();
  }
}
