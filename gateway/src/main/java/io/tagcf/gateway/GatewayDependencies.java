package io.tagcf.gateway;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tagcf.gateway.access.AccessControl;
import io.tagcf.gateway.effects.EffectStore;
import io.tagcf.gateway.effects.SnapshotStarter;
import io.tagcf.gateway.explanations.ExplanationStarter;
import io.tagcf.gateway.explanations.ExplanationStore;
import io.tagcf.gateway.health.ReachabilityProbe;
import io.tagcf.gateway.ingest.IngestStarter;
import io.tagcf.gateway.interactions.InteractionStore;
import io.tagcf.gateway.ranking.RankingStore;
import io.tagcf.gateway.tags.TagStore;
import io.tagcf.gateway.users.UserRoleStore;
import io.tagcf.gateway.videos.VideoStore;

/**
 * What the gateway needs from the rest of the platform, as ports: the runtime passes JDBC and
 * Temporal implementations, the gateway's tests in-memory ones.
 *
 * @param rankings users' ranking profiles and candidates' tags, read by the ranking API
 * @param effects published effect snapshots, read by the effects API
 * @param snapshots starts effect snapshot runs and reports on them
 * @param explanations stored explanations, read by the explanation API
 * @param explainer starts explanation runs
 * @param database the readiness probe of the database behind the stores
 * @param access whether requests present keys, and where keys are looked up
 * @param limits threads, queues and timeouts of the gateway
 */
public record GatewayDependencies(
    VideoStore videos,
    TagStore tags,
    UserRoleStore userRoles,
    RankingStore rankings,
    InteractionStore interactions,
    IngestStarter ingest,
    EffectStore effects,
    SnapshotStarter snapshots,
    ExplanationStore explanations,
    ExplanationStarter explainer,
    ReachabilityProbe database,
    PrometheusMeterRegistry metrics,
    AccessControl access,
    GatewayLimits limits) {}
