package org.viflab.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of the architecture: who may depend on whom, and which library each package
 * alone may touch. A failing rule names the offending class and dependency.
 */
class LayeringTest {

    private static final String[] JDK = {"java.lang..", "java.util..", "java.time..", "java.io..", "java.nio..",
            "java.math..", "java.text..", "java.net..", "java.security..", "java.lang.invoke.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.viflab");
    }

    private static String[] allowed(String... packages) {
        String[] all = new String[JDK.length + packages.length];
        System.arraycopy(JDK, 0, all, 0, JDK.length);
        System.arraycopy(packages, 0, all, JDK.length, packages.length);
        return all;
    }

    private static void onlyDependOn(String layer, String... packages) {
        ArchRule rule = classes().that().resideInAPackage("org.viflab." + layer + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(allowed(packages))
                .allowEmptyShould(true);
        rule.check(classes);
    }

    @Test
    void netDependsOnlyOnTheJdkAndTheAddressLibrary() {
        onlyDependOn("net", "org.viflab.net..", "inet.ipaddr..");
    }

    @Test
    void modelDependsOnlyOnNetAndPersistentCollections() {
        onlyDependOn("model", "org.viflab.model..", "org.viflab.net..", "org.pcollections..");
    }

    @Test
    void coordinatorDependsOnlyOnModelAndNet() {
        onlyDependOn("coordinator", "org.viflab.coordinator..", "org.viflab.model..", "org.viflab.net..");
    }

    @Test
    void fabricNeverCallsTheCoordinator() {
        onlyDependOn("fabric", "org.viflab.fabric..", "org.viflab.model..", "org.viflab.net..");
    }

    @Test
    void flowReadsOnlyTheFabricAndTheModel() {
        onlyDependOn("flow", "org.viflab.flow..", "org.viflab.fabric..", "org.viflab.model..", "org.viflab.net..");
    }

    @Test
    void labWiresCoordinatorFabricAndFlow() {
        onlyDependOn("lab", "org.viflab.lab..", "org.viflab.coordinator..", "org.viflab.fabric..", "org.viflab.flow..",
                "org.viflab.model..", "org.viflab.net..");
    }

    @Test
    void storeImplementsOnlyTheRepositoryPort() {
        onlyDependOn("store", "org.viflab.store..", "org.viflab.model..", "org.viflab.net..", "org.viflab.coordinator..",
                "java.sql..", "javax.sql..", "org.h2..", "org.flywaydb..");
        noClasses().that().resideInAPackage("org.viflab.store..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.viflab.coordinator.Coordinator")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void scenarioUsesLabCoordinatorFlowAndModel() {
        onlyDependOn("scenario", "org.viflab.scenario..", "org.viflab.lab..", "org.viflab.coordinator..",
                "org.viflab.flow..", "org.viflab.fabric..", "org.viflab.model..", "org.viflab.net..",
                "com.fasterxml.jackson..", "org.yaml.snakeyaml..");
    }

    @Test
    void benchmarksUseEverythingButTheGuiAndTheCommandLine() {
        noClasses().that().resideInAPackage("org.viflab.bench..")
                .should().dependOnClassesThat().resideInAnyPackage("org.viflab.ui..", "org.viflab.cli..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void cliUsesEverythingButTheGui() {
        noClasses().that().resideInAPackage("org.viflab.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.viflab.ui..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void guiNeverUsesTheCommandLineAndOnlyItsRootWiresTheStore() {
        noClasses().that().resideInAPackage("org.viflab.ui..")
                .should().dependOnClassesThat().resideInAPackage("org.viflab.cli..")
                .allowEmptyShould(true).check(classes);
        noClasses().that().resideInAPackage("org.viflab.ui..").and().doNotHaveSimpleName("VifLabApp")
                .should().dependOnClassesThat().resideInAPackage("org.viflab.store..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void onlyTheGuiImportsJavaFx() {
        noClasses().that().resideOutsideOfPackages("org.viflab.ui..", "org.viflab")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void onlyTheStoreTouchesSql() {
        noClasses().that().resideOutsideOfPackage("org.viflab.store..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.h2..", "org.flywaydb..")
                .check(classes);
    }

    @Test
    void onlyScenarioTouchesJackson() {
        noClasses().that().resideOutsideOfPackage("org.viflab.scenario..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..", "org.yaml.snakeyaml..")
                .check(classes);
    }

    @Test
    void onlyTheCommandLineTouchesPicocliOrStandardStreams() {
        noClasses().that().resideOutsideOfPackage("org.viflab.cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .check(classes);
        noClasses().that().resideOutsideOfPackages("org.viflab.cli..", "org.viflab")
                .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
                .check(classes);
    }
}
