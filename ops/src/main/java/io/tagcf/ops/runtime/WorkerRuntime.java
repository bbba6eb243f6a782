package io.tagcf.ops.runtime;

import dev.langchain4j.service.AiServices;
import io.tagcf.activities.coverset.CoverSetActivitiesImpl;
import io.tagcf.activities.effects.EffectActivitiesImpl;
import io.tagcf.activities.embedding.CachingEmbedder;
import io.tagcf.activities.embedding.EmbeddingActivitiesImpl;
import io.tagcf.activities.embedding.OnnxEmbedder;
import io.tagcf.activities.embedding.OnnxModelSpec;
import io.tagcf.activities.explanations.ExplanationActivitiesImpl;
import io.tagcf.activities.explanations.LlmExplanationActivitiesImpl;
import io.tagcf.activities.explanations.LlmExplanationWriter;
import io.tagcf.activities.ingest.CurrentVideo;
import io.tagcf.activities.ingest.IngestStoreActivitiesImpl;
import io.tagcf.activities.ingest.ReconcileActivitiesImpl;
import io.tagcf.activities.llm.ChatModels;
import io.tagcf.activities.llm.LlmBudgetActivitiesImpl;
import io.tagcf.activities.llm.LlmTaggingActivitiesImpl;
import io.tagcf.activities.llm.LlmVideoTagger;
import io.tagcf.activities.llm.LogicAssistant;
import io.tagcf.activities.roles.LlmLogicActivitiesImpl;
import io.tagcf.activities.roles.UserRoleActivitiesImpl;
import io.tagcf.activities.tagging.NormalisationActivitiesImpl;
import io.tagcf.activities.tagging.TagNormaliser;
import io.tagcf.activities.tagging.TaggerPlan;
import io.tagcf.activities.tagging.TaggerPlanActivitiesImpl;
import io.tagcf.activities.tagging.TaggingActivitiesImpl;
import io.tagcf.activities.vocabulary.ReferenceBootstrap;
import io.tagcf.activities.vocabulary.VocabularyBootstrap;
import io.tagcf.activities.vocabulary.VocabularyCache;
import io.tagcf.models.embedding.Embedder;
import io.tagcf.models.tagging.TaggingReference;
import io.tagcf.models.tags.TagVocabulary;
import io.tagcf.ops.config.TagcfConfig;
import io.tagcf.store.Database;
import io.tagcf.store.budget.LlmCallBudget;
import io.tagcf.store.coverset.CoverSetRepository;
import io.tagcf.store.effects.EffectReader;
import io.tagcf.store.effects.SnapshotStore;
import io.tagcf.store.exemplars.LabelExemplarRepository;
import io.tagcf.store.explanations.EvidenceReader;
import io.tagcf.store.explanations.ExplanationRepository;
import io.tagcf.store.ingest.IngestResultWriter;
import io.tagcf.store.logic.LogicEdgeRepository;
import io.tagcf.store.roles.EngagementRepository;
import io.tagcf.store.ranking.RankingProfileRepository;
import io.tagcf.store.roles.UserRoleRepository;
import io.tagcf.store.tags.CandidateQuarantine;
import io.tagcf.store.tags.TagRepository;
import io.tagcf.store.video.VideoRepository;
import io.tagcf.workflowapi.TaskQueues;
import io.tagcf.workflowapi.ingest.IngestSignal;
import io.tagcf.workflows.coverset.CoverSetWorkflowImpl;
import io.tagcf.workflows.effects.EffectEstimationWorkflowImpl;
import io.tagcf.workflows.effects.EffectScheduleWorkflowImpl;
import io.tagcf.workflows.explanations.ExplanationWorkflowImpl;
import io.tagcf.workflows.explanations.SnapshotExplanationsWorkflowImpl;
import io.tagcf.workflows.ingest.IngestReconcilerWorkflowImpl;
import io.tagcf.workflows.ingest.VideoIngestWorkflowImpl;
import io.tagcf.workflows.roles.UserRoleWorkflowImpl;
import io.temporal.activity.Activity;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker process: loads the embedding model, makes sure the vocabulary is stored, and polls the
 * ingest, tagging and embedding task queues. CPU-bound queues get as many slots as there are
 * cores; more would only queue inside ONNX Runtime.
 */
public final class WorkerRuntime implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(WorkerRuntime.class);

  private final WorkerFactory factory;
  private final OnnxEmbedder embedder;

  private WorkerRuntime(WorkerFactory factory, OnnxEmbedder embedder) {
    this.factory = factory;
    this.embedder = embedder;
  }

  public static WorkerRuntime start(TagcfConfig config, Database db, WorkflowClient client) {
    long t0 = System.nanoTime();
    // One ONNX thread per call: the CPU-bound activity slots already run one call per core, and
    // intra-op threads on top of that only contend.
    OnnxEmbedder onnx = OnnxEmbedder.load(OnnxModelSpec.byName(config.embeddingModel()), 1, OnnxEmbedder.DEFAULT_MAX_BATCH);
    Embedder embedder = new CachingEmbedder(onnx, 4_096);
    var ds = db.dataSource();
    VideoRepository videos = new VideoRepository(ds);
    CandidateQuarantine quarantine = config.usage().quarantine();
    TagRepository tags = new TagRepository(ds, quarantine);
    new VocabularyBootstrap(tags, onnx).ensureLoaded(TagVocabulary.seed());
    CurrentVideo current = new CurrentVideo(videos);
    TaggingReference reference = config.offlineTagger().neighbours() == 0 ? TaggingReference.NONE
        : new ReferenceBootstrap(new LabelExemplarRepository(ds), onnx).ensureLoaded();
    VocabularyCache vocabulary =
        new VocabularyCache(tags, embedder, config.offlineTagger(), reference, Duration.ofMinutes(5));

    var normalisation =
        new NormalisationActivitiesImpl(current, new TagNormaliser(tags, embedder, config.normaliseThreshold()));
    var embedding = new EmbeddingActivitiesImpl(current, embedder, reference.noise());

    WorkerFactory factory = WorkerFactory.newInstance(client);
    // Normalising, embedding and storing run as local activities of the ingest workflow; they
    // hold database connections, so at most half the pool.
    Worker ingest =
        factory.newWorker(
            TaskQueues.INGEST,
            WorkerOptions.newBuilder()
                .setMaxConcurrentActivityExecutionSize(config.dbPoolSize() / 2)
                .setMaxConcurrentLocalActivityExecutionSize(config.dbPoolSize() / 2)
                .build());
    ingest.registerWorkflowImplementationTypes(VideoIngestWorkflowImpl.class);
    ingest.registerActivitiesImplementations(
        new IngestStoreActivitiesImpl(new IngestResultWriter(ds), videos), normalisation, embedding);
    ingest.registerActivitiesImplementations(new TaggerPlanActivitiesImpl(taggerPlan(config)));
    ingest.registerActivitiesImplementations(new LlmBudgetActivitiesImpl(
        current, new LlmCallBudget(ds), config.usage().llmCallsPerCreatorPerDay(), Clock.systemUTC()));
    config.llm().ifPresent(llm -> {
      // Concurrency per worker and a rate across the whole queue keep within the LLM's quota.
      Worker llmWorker = factory.newWorker(
          TaskQueues.LLM,
          WorkerOptions.newBuilder()
              .setMaxConcurrentActivityExecutionSize(llm.concurrency())
              .setMaxTaskQueueActivitiesPerSecond(llm.callsPerSecond())
              .build());
      llmWorker.registerActivitiesImplementations(
          new LlmTaggingActivitiesImpl(current, LlmVideoTagger.create(llm)),
          new LlmExplanationActivitiesImpl(LlmExplanationWriter.create(llm)),
          new LlmLogicActivitiesImpl(
              AiServices.builder(LogicAssistant.class).chatModel(ChatModels.create(llm)).build(),
              new CoverSetRepository(ds, quarantine), tags, new LogicEdgeRepository(ds), embedder,
              done -> Activity.getExecutionContext().heartbeat(done)));
      log.info("LLM tagger: {}", llm);
    });

    WorkerOptions cpuBound =
        WorkerOptions.newBuilder()
            .setMaxConcurrentActivityExecutionSize(config.cpuActivitySlots())
            .build();
    Worker tagging = factory.newWorker(TaskQueues.TAGGING, cpuBound);
    // Normalisation and embedding stay on their remote queues too, for runs started before the
    // "local-steps" version; remove them once none of those can still be running.
    tagging.registerActivitiesImplementations(new TaggingActivitiesImpl(current, vocabulary), normalisation);
    factory.newWorker(TaskQueues.EMBEDDING, cpuBound).registerActivitiesImplementations(embedding);

    Worker maintenance = factory.newWorker(TaskQueues.MAINTENANCE);
    maintenance.registerWorkflowImplementationTypes(CoverSetWorkflowImpl.class, UserRoleWorkflowImpl.class,
        IngestReconcilerWorkflowImpl.class);
    maintenance.registerActivitiesImplementations(
        new CoverSetActivitiesImpl(new CoverSetRepository(ds, quarantine), Clock.systemUTC()),
        new UserRoleActivitiesImpl(new EngagementRepository(ds), new UserRoleRepository(ds),
            new LogicEdgeRepository(ds), new RankingProfileRepository(ds), Clock.systemUTC()),
        new TaggerPlanActivitiesImpl(taggerPlan(config)),
        new ReconcileActivitiesImpl(new VideoRepository(ds), (videoId, content) -> IngestSignal.send(client, videoId, content)));

    // One shard at a time per worker: a shard already runs its tags on every core, and two workers
    // split a snapshot's shards between them.
    Worker effects = factory.newWorker(TaskQueues.EFFECTS,
        WorkerOptions.newBuilder().setMaxConcurrentActivityExecutionSize(1).build());
    effects.registerWorkflowImplementationTypes(EffectEstimationWorkflowImpl.class, EffectScheduleWorkflowImpl.class);
    effects.registerActivitiesImplementations(new EffectActivitiesImpl(new SnapshotStore(ds),
        config.maintenance().effectsThreads(), EffectActivitiesImpl.temporalHeartbeat(),
        EffectEstimationWorkflowImpl.HEARTBEAT_TIMEOUT.dividedBy(6), config.maintenance().explainAfterSnapshot()));

    // Explanations read a snapshot's results and write one row each: database-bound, a few at a time.
    Worker explanations = factory.newWorker(TaskQueues.EXPLANATIONS,
        WorkerOptions.newBuilder().setMaxConcurrentActivityExecutionSize(Math.max(1, config.dbPoolSize() / 4)).build());
    explanations.registerWorkflowImplementationTypes(ExplanationWorkflowImpl.class,
        SnapshotExplanationsWorkflowImpl.class);
    explanations.registerActivitiesImplementations(new ExplanationActivitiesImpl(new EvidenceReader(ds),
        new EffectReader(ds), new ExplanationRepository(ds), taggerPlan(config),
        config.maintenance().effects().settings().sensitivityFloor()));

    vocabulary.offlineTagger();
    factory.start();
    log.info(
        "worker polling {}, {}, {}, {}, {}{} with model {} (ready in {} ms)",
        TaskQueues.INGEST, TaskQueues.TAGGING, TaskQueues.EMBEDDING, TaskQueues.EFFECTS, TaskQueues.EXPLANATIONS,
        config.llm().isPresent() ? ", " + TaskQueues.LLM : "", config.embeddingModel(),
        (System.nanoTime() - t0) / 1_000_000);
    return new WorkerRuntime(factory, onnx);
  }

  static TaggerPlan taggerPlan(TagcfConfig config) {
    return config.llm()
        .map(TaggerPlan::llm)
        .orElse(TaggerPlan.offline());
  }

  @Override
  public void close() {
    factory.shutdown();
    factory.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
    embedder.close();
  }
}
