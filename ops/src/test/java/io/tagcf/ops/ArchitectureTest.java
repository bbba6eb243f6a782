package io.tagcf.ops;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module layering of DESIGN.md §3 (models ← store ← activities ← workflows ← ops;
 * gateway ← store and workflow interfaces) and workflow determinism, checked on the compiled
 * classes of every module.
 */
class ArchitectureTest {

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
            "io.tagcf.store..", "io.tagcf.activities..", "io.tagcf.workflows..", "io.tagcf.gateway..",
            "io.tagcf.ops..", "io.temporal..", "io.vertx..", "java.sql..", "javax.sql..",
            "ai.onnxruntime..", "dev.langchain4j..", "java.net.http.."));
  }

  @Test
  void storeSeesOnlyModels() {
    check(noClasses().that().resideInAPackage("io.tagcf.store..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.tagcf.activities..", "io.tagcf.workflows..", "io.tagcf.gateway..", "io.tagcf.ops..",
            "io.temporal..", "io.vertx.."));
  }

  @Test
  void activitiesDoNotReachUp() {
    check(noClasses().that().resideInAPackage("io.tagcf.activities..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "io.tagcf.workflows..", "io.tagcf.gateway..", "io.tagcf.ops..", "io.vertx.."));
  }

  @Test
  void workflowsDoNotReachUp() {
    check(noClasses().that().resideInAPackage("io.tagcf.workflows..")
        .should().dependOnClassesThat().resideInAnyPackage("io.tagcf.gateway..", "io.tagcf.ops..", "io.vertx.."));
  }

  @Test
  void gatewayUsesWorkflowInterfacesNotImplementationsOrActivities() {
    check(noClasses().that().resideInAPackage("io.tagcf.gateway..")
        .should().dependOnClassesThat().resideInAnyPackage("io.tagcf.activities..", "io.tagcf.ops.."));
    check(noClasses().that().resideInAPackage("io.tagcf.gateway..")
        .should().dependOnClassesThat().haveSimpleNameEndingWith("WorkflowImpl"));
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
