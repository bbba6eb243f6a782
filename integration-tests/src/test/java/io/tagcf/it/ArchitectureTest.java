package io.tagcf.it;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of docs/ARCHITECTURE.md, checked on the compiled classes of every module:
 * dependencies point one way (models ← analysis; models ← store ← activities ← workflows ← ops;
 * models ← workflow-api ← gateway, workflows), the gateway and the worker never load what they do
 * not need (no ONNX Runtime or LangChain4j in the gateway, no test-server classes outside the
 * embedded dev server), the batch tools run without Temporal types, and workflow code is
 * deterministic. Maven's dependency rules (the enforcer in gateway/pom.xml) hold the same line
 * for jars.
 */
class ArchitectureTest {

  private static final String[] FRAMEWORKS = {"io.temporal..", "io.vertx..", "info.picocli..", "picocli.."};
  private static final String[] TEST_SERVER = {
    "io.temporal.testing..", "io.temporal.internal.testservice..", "io.temporal.testserver.."
  };

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.tagcf");
  }

  private static void check(ArchRule rule) {
    rule.check(classes);
  }

  @Test
  void modelsDependsOnNoOtherModuleAndNoFramework() {
    check(noClasses().that().resideInAPackage("io.tagcf.models..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.tagcf.analysis..", "io.tagcf.store..", "io.tagcf.workflowapi..", "io.tagcf.activities..",
            "io.tagcf.workflows..", "io.tagcf.batch..", "io.tagcf.gateway..", "io.tagcf.devserver..",
            "io.tagcf.ops..", "io.tagcf.bench..", "io.temporal..", "io.vertx..", "java.sql..", "javax.sql..",
            "ai.onnxruntime..", "dev.langchain4j..", "java.net.http.."));
  }

  @Test
  void analysisIoSeesOnlyTheCausalEngine() {
    check(noClasses().that().resideInAPackage("io.tagcf.analysis..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.tagcf.store..", "io.tagcf.workflowapi..", "io.tagcf.activities..", "io.tagcf.workflows..",
            "io.tagcf.batch..", "io.tagcf.gateway..", "io.tagcf.ops..", "java.sql..")
        .orShould().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS));
  }

  @Test
  void storeSeesOnlyModels() {
    check(noClasses().that().resideInAPackage("io.tagcf.store..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.tagcf.analysis..", "io.tagcf.workflowapi..", "io.tagcf.activities..", "io.tagcf.workflows..",
            "io.tagcf.batch..", "io.tagcf.gateway..", "io.tagcf.ops..", "io.temporal..", "io.vertx.."));
  }

  @Test
  void workflowApiHoldsNoImplementations() {
    check(noClasses().that().resideInAPackage("io.tagcf.workflowapi..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.tagcf.store..", "io.tagcf.activities..", "io.tagcf.workflows..", "io.tagcf.batch..",
            "io.tagcf.gateway..", "io.tagcf.ops..", "ai.onnxruntime..", "dev.langchain4j..", "io.vertx..",
            "java.sql.."));
  }

  @Test
  void activitiesDoNotReachUp() {
    check(noClasses().that().resideInAPackage("io.tagcf.activities..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.tagcf.workflowapi..", "io.tagcf.workflows..", "io.tagcf.batch..", "io.tagcf.gateway..",
            "io.tagcf.ops..", "io.vertx.."));
  }

  @Test
  void workflowsDoNotReachUp() {
    check(noClasses().that().resideInAPackage("io.tagcf.workflows..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.tagcf.batch..", "io.tagcf.gateway..", "io.tagcf.ops..", "io.tagcf.devserver..", "io.vertx.."));
  }

  @Test
  void gatewayKnowsWorkflowInterfacesOnly() {
    check(noClasses().that().resideInAPackage("io.tagcf.gateway..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.tagcf.activities..", "io.tagcf.workflows..", "io.tagcf.batch..", "io.tagcf.analysis..",
            "io.tagcf.ops..", "io.tagcf.devserver..", "ai.onnxruntime..", "dev.langchain4j..")
        .because("the HTTP process must not load ONNX Runtime, the model jars or LangChain4j to start a workflow"));
  }

  @Test
  void gatewayReadsAndWritesThroughItsPortsOnly() {
    check(noClasses().that().resideInAPackage("io.tagcf.gateway..")
        .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
        // Ours: the contract's SchemaRepository (Vert.x JSON Schema) is no database.
        .orShould().dependOnClassesThat(resideInAPackage("io.tagcf..").and(simpleNameEndingWith("Repository")))
        .orShould().dependOnClassesThat().haveFullyQualifiedName("io.tagcf.store.Database")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("io.tagcf.store.Transactions")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("io.tagcf.store.tags.TagCatalog")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("io.tagcf.store.tags.CandidateApproval")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("io.tagcf.store.effects.EffectReader")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("io.tagcf.store.effects.SnapshotStore")
        .because("handlers are tested with in-memory fakes behind the ports in GatewayDependencies;"
            + " the JDBC adapters are wired in ops"));
  }

  @Test
  void batchToolsRunWithoutTemporal() {
    check(noClasses().that().resideInAPackage("io.tagcf.batch..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.temporal..", "io.tagcf.workflowapi..", "io.tagcf.workflows..", "io.tagcf.gateway..",
            "io.tagcf.ops..", "io.vertx..", "java.sql..")
        .because("tag, classify and eval-tagging run the LLM retry policy themselves, outside Temporal"));
  }

  @Test
  void onlyTheDevServerTouchesTestServerClasses() {
    check(noClasses().that().resideOutsideOfPackage("io.tagcf.devserver..")
        .should().dependOnClassesThat().resideInAnyPackage(TEST_SERVER));
  }

  @Test
  void workerAndGatewayPathsNeverLoadTheDevServer() {
    // The benchmarks start the server on its own (worker processes of their own poll it); they
    // ship in no product jar.
    check(noClasses().that().haveSimpleNameNotEndingWith("DevStack").and().resideOutsideOfPackage("io.tagcf.bench..")
        .should().dependOnClassesThat().resideInAPackage("io.tagcf.devserver.."));
    check(noClasses().that().haveFullyQualifiedName("io.tagcf.ops.WorkerCommand")
        .or().haveFullyQualifiedName("io.tagcf.ops.GatewayCommand")
        .or().resideInAnyPackage("io.tagcf.gateway..", "io.tagcf.workflows..", "io.tagcf.activities..")
        .should().transitivelyDependOnClassesThat().resideInAnyPackage("io.tagcf.devserver..")
        .orShould().transitivelyDependOnClassesThat().resideInAnyPackage(TEST_SERVER)
        .orShould().transitivelyDependOnClassesThat().haveSimpleName("DevStack"));
  }

  @Test
  void nothingInTheProductShipsBenchmarks() {
    check(noClasses().that().resideOutsideOfPackage("io.tagcf.bench..")
        .should().dependOnClassesThat().resideInAPackage("io.tagcf.bench.."));
  }

  @Test
  void workflowCodeIsDeterministic() {
    check(noClasses().that().resideInAPackage("io.tagcf.workflows..").and().haveSimpleNameEndingWith("WorkflowImpl")
        .should().dependOnClassesThat().resideInAnyPackage(
            "java.sql..", "javax.sql..", "java.net..", "java.io..", "java.nio..", "java.util.concurrent..",
            "io.tagcf.store..", "ai.onnxruntime..", "dev.langchain4j..")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.Thread")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.UUID")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Instant")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.LocalDateTime")
        .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .orShould().callMethod(Math.class, "random")
        .because("workflow code must replay identically: time, randomness, I/O and threads only via Workflow.* or activities"));
  }

  @Test
  void activityImplementationsAreNotCalledFromWorkflows() {
    check(noClasses().that().resideInAPackage("io.tagcf.workflows..")
        .should().dependOnClassesThat().haveSimpleNameEndingWith("ActivitiesImpl"));
  }
}
