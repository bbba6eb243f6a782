package io.tagcf.gateway.interactions;

import io.micrometer.core.instrument.MeterRegistry;
import io.tagcf.gateway.http.BlockingReplies;
import io.tagcf.gateway.http.BodyValidation;
import io.tagcf.gateway.problem.ProblemException;
import io.tagcf.store.interactions.LoadResult;
import io.tagcf.store.interactions.UnknownReferencesException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;

/** Handler of {@code POST /v1/interactions}. */
public final class InteractionHandlers {

  private final BlockingReplies blocking;
  private final BodyValidation contract;
  private final InteractionStore store;
  private final MeterRegistry metrics;
  private final Clock clock;

  /** @param contract the contract's check of this route's body, which the router leaves to the handler */
  public InteractionHandlers(BlockingReplies blocking, BodyValidation contract, InteractionStore store,
      MeterRegistry metrics, Clock clock) {
    this.blocking = blocking;
    this.contract = contract;
    this.store = store;
    this.metrics = metrics;
    this.clock = clock;
  }

  public void record(RoutingContext ctx) {
    Buffer raw = ctx.body().buffer();
    // Checking up to 10,000 events is work too: all of it on a worker thread.
    blocking.json(ctx, 200, () -> {
      InteractionBatch batch = BatchParser.parse(contract.validate(raw), clock.instant());
      LoadResult result;
      try {
        result = store.record(batch.users(), batch.events());
      } catch (UnknownReferencesException e) {
        throw new ProblemException(UnknownReferences.problem(e, batch));
      }
      long duplicates = result.read() - result.inserted();
      metrics.counter("tagcf.interactions", "outcome", "stored").increment(result.inserted());
      metrics.counter("tagcf.interactions", "outcome", "duplicate").increment(duplicates);
      return new JsonObject().put("received", result.read()).put("stored", result.inserted())
          .put("duplicates", duplicates);
    });
  }
}
