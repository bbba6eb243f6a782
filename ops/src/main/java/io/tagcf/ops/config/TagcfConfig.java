package io.tagcf.ops.config;

import io.tagcf.workflowapi.effects.EffectRequest;
import java.util.List;
import io.tagcf.activities.llm.LlmProvider;
import io.tagcf.activities.llm.LlmSettings;
import io.tagcf.models.tagging.OfflineTagger;
import io.tagcf.store.DatabaseUrl;
import io.tagcf.store.tags.CandidateQuarantine;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration from the environment, with embedded defaults that need nothing set. Every
 * variable is documented in the README.
 *
 * @param temporalAddress host:port of a Temporal frontend; empty means the embedded dev server
 * @param managementHost where readiness and metrics are served: the loopback interface by default
 * @param managementPort their port; 0 picks a free one
 * @param llm the LLM tagger's settings; empty means the offline tagger tags every video
 * @param limits connection pools, the gateway's lanes and timeouts, Temporal deadlines
 * @param usage what one creator can do to everyone's vocabulary and to the LLM's bill
 */
public record TagcfConfig(
    DatabaseUrl database,
    Optional<String> temporalAddress,
    String temporalNamespace,
    int devTemporalPort,
    String httpHost,
    int httpPort,
    String managementHost,
    int managementPort,
    String embeddingModel,
    double normaliseThreshold,
    OfflineTagger.Settings offlineTagger,
    int cpuActivitySlots,
    int dbPoolSize,
    Optional<LlmSettings> llm,
    MaintenanceSettings maintenance,
    AccessSettings access,
    LimitSettings limits,
    UsageLimits usage) {

  public static final int DEFAULT_TEMPORAL_PORT = 7233;
  public static final int DEFAULT_HTTP_PORT = 8080;
  public static final int DEFAULT_MANAGEMENT_PORT = 9090;

  public static TagcfConfig fromEnvironment() {
    return from(System.getenv());
  }

  public static TagcfConfig from(Map<String, String> env) {
    EnvReader r = new EnvReader(env);
    OfflineTagger.Settings tagger = OfflineTagger.Settings.defaults();
    int cores = Runtime.getRuntime().availableProcessors();
    int workerPool = r.positiveInt("TAGCF_DB_POOL_SIZE", 16);
    return new TagcfConfig(
        DatabaseUrl.parse(r.string("DATABASE_URL", DatabaseUrl.DEFAULT)),
        Optional.ofNullable(r.string("TEMPORAL_ADDRESS", null)),
        r.string("TEMPORAL_NAMESPACE", "default"),
        r.port("TAGCF_DEV_TEMPORAL_PORT", DEFAULT_TEMPORAL_PORT),
        r.string("TAGCF_HTTP_HOST", "127.0.0.1"),
        r.port("TAGCF_HTTP_PORT", DEFAULT_HTTP_PORT),
        r.string("TAGCF_MANAGEMENT_HOST", "127.0.0.1"),
        r.port("TAGCF_MANAGEMENT_PORT", DEFAULT_MANAGEMENT_PORT),
        r.string("TAGCF_EMBEDDING_MODEL", "bge-small-zh-v15-q"),
        r.fraction("TAGCF_NORMALISE_THRESHOLD", 0.85),
        new OfflineTagger.Settings(
            r.positiveInt("TAGCF_MAX_ITEM_TAGS", tagger.maxItemTags()),
            r.positiveInt("TAGCF_MAX_AUDIENCE_TAGS", tagger.maxAudienceTags()),
            r.fraction("TAGCF_TAG_MIN_SCORE", tagger.minScore()),
            tagger.maxPhrases(),
            r.nonNegativeInt("TAGCF_TAG_NEIGHBOURS", tagger.neighbours())),
        r.positiveInt("TAGCF_CPU_ACTIVITY_SLOTS", Math.max(2, cores)),
        workerPool,
        llm(r),
        new MaintenanceSettings(
            !"off".equalsIgnoreCase(r.string("TAGCF_MAINTENANCE", "on")),
            r.positiveInt("TAGCF_COVER_SET_WINDOW_DAYS", 30),
            Duration.ofMinutes(r.positiveInt("TAGCF_COVER_SET_INTERVAL_MINUTES", 1_440)),
            Duration.ofMinutes(r.positiveInt("TAGCF_ROLES_INTERVAL_MINUTES", 60)),
            Duration.ofMinutes(r.positiveInt("TAGCF_EFFECTS_INTERVAL_MINUTES", 1_440)),
            effects(r),
            r.positiveInt("TAGCF_EFFECTS_THREADS", cores),
            !"off".equalsIgnoreCase(r.string("TAGCF_EXPLAIN_AFTER_SNAPSHOT", "on")),
            Duration.ofSeconds(r.positiveInt("TAGCF_RECONCILE_INTERVAL_SECONDS", 300)),
            Duration.ofSeconds(r.positiveInt("TAGCF_RECONCILE_MIN_AGE_SECONDS", 600))),
        AccessSettings.from(env),
        LimitSettings.from(env, workerPool),
        new UsageLimits(
            new CandidateQuarantine(
                r.positiveInt("TAGCF_CANDIDATE_MIN_CREATORS", CandidateQuarantine.DEFAULT_MIN_CREATORS)),
            r.positiveInt("TAGCF_LLM_BUDGET_PER_CREATOR_PER_DAY", UsageLimits.DEFAULT_LLM_CALLS_PER_CREATOR_PER_DAY)));
  }

  private static EffectRequest effects(EnvReader r) {
    EffectRequest defaults = EffectRequest.defaults();
    EffectRequest request = new EffectRequest(null,
        r.positiveInt("TAGCF_EFFECTS_WINDOW_DAYS", defaults.windowDays()),
        r.string("TAGCF_EFFECTS_SEGMENTS", defaults.segments()),
        r.positiveInt("TAGCF_EFFECTS_SHARDS", defaults.shards()),
        defaults.settings());
    List<String> problems = request.problems();
    if (!problems.isEmpty()) {
      throw new ConfigException("TAGCF_EFFECTS_*: " + String.join("; ", problems));
    }
    return request;
  }

  /** Unset (or {@code none}) provider: no LLM, the offline tagger does the tagging. */
  private static Optional<LlmSettings> llm(EnvReader r) {
    String provider = r.string("TAGCF_LLM_PROVIDER", "none");
    if (provider.equalsIgnoreCase("none")) {
      return Optional.empty();
    }
    try {
      return Optional.of(new LlmSettings(
          LlmProvider.fromWireName(provider),
          r.string("TAGCF_LLM_BASE_URL", null),
          r.string("TAGCF_LLM_API_KEY", null),
          r.string("TAGCF_LLM_MODEL", null),
          Duration.ofSeconds(r.positiveInt("TAGCF_LLM_TIMEOUT_SECONDS", 30)),
          r.positiveInt("TAGCF_LLM_MAX_ATTEMPTS", 3),
          Duration.ofMillis(r.positiveInt("TAGCF_LLM_BACKOFF_MILLIS", 2_000)),
          r.positiveInt("TAGCF_LLM_CONCURRENCY", 4),
          r.positiveNumber("TAGCF_LLM_RATE", 5)));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  public TagcfConfig withMaintenance(MaintenanceSettings m) {
    return new TagcfConfig(database, temporalAddress, temporalNamespace, devTemporalPort, httpHost,
        httpPort, managementHost, managementPort, embeddingModel, normaliseThreshold, offlineTagger,
        cpuActivitySlots, dbPoolSize, llm, m, access, limits, usage);
  }

  public TagcfConfig withLlm(Optional<LlmSettings> settings) {
    return new TagcfConfig(database, temporalAddress, temporalNamespace, devTemporalPort, httpHost,
        httpPort, managementHost, managementPort, embeddingModel, normaliseThreshold, offlineTagger,
        cpuActivitySlots, dbPoolSize, settings, maintenance, access, limits, usage);
  }

  public TagcfConfig withHttpPort(int port) {
    return new TagcfConfig(database, temporalAddress, temporalNamespace, devTemporalPort, httpHost,
        port, managementHost, managementPort, embeddingModel, normaliseThreshold, offlineTagger,
        cpuActivitySlots, dbPoolSize, llm, maintenance, access, limits, usage);
  }

  public TagcfConfig withDevTemporalPort(int port) {
    return new TagcfConfig(database, temporalAddress, temporalNamespace, port, httpHost,
        httpPort, managementHost, managementPort, embeddingModel, normaliseThreshold, offlineTagger,
        cpuActivitySlots, dbPoolSize, llm, maintenance, access, limits, usage);
  }

  public TagcfConfig withAccess(AccessSettings settings) {
    return new TagcfConfig(database, temporalAddress, temporalNamespace, devTemporalPort, httpHost,
        httpPort, managementHost, managementPort, embeddingModel, normaliseThreshold, offlineTagger,
        cpuActivitySlots, dbPoolSize, llm, maintenance, settings, limits, usage);
  }

  public TagcfConfig withManagementPort(int port) {
    return new TagcfConfig(database, temporalAddress, temporalNamespace, devTemporalPort, httpHost, httpPort,
        managementHost, port, embeddingModel, normaliseThreshold, offlineTagger, cpuActivitySlots, dbPoolSize, llm,
        maintenance, access, limits, usage);
  }

  public TagcfConfig withDatabase(DatabaseUrl url) {
    return new TagcfConfig(url, temporalAddress, temporalNamespace, devTemporalPort, httpHost,
        httpPort, managementHost, managementPort, embeddingModel, normaliseThreshold, offlineTagger,
        cpuActivitySlots, dbPoolSize, llm, maintenance, access, limits, usage);
  }
}
