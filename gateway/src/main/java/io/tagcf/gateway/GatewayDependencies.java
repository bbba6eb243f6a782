package io.tagcf.gateway;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tagcf.gateway.ingest.IngestStarter;
import io.tagcf.store.Database;

/** What the gateway needs from the rest of the platform. */
public record GatewayDependencies(
    Database database, IngestStarter ingest, String embeddingModel, PrometheusMeterRegistry metrics) {}
