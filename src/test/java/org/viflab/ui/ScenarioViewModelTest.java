package org.viflab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viflab.ui.canvas.CanvasKey;
import org.viflab.ui.scenario.ScenarioViewModel;
import org.viflab.ui.scenario.StepRow;

/** The Scenario tab's model: the built-in library opens and plays through the GUI's session. */
class ScenarioViewModelTest {

    @Test
    void everyBuiltInScenarioOpensAndPlaysWithItsExpectationsHolding() {
        MainViewModel main = TestLabs.demoViewModel(new RecordingNotifier());
        ScenarioViewModel scenarios = main.scenario();
        scenarios.loadLibrary(Path.of("scenarios"));
        assertThat(scenarios.library()).isNotEmpty();
        for (Path file : scenarios.library()) {
            assertThat(scenarios.open(file)).as("%s opens: %s", file, scenarios.errorProperty().get()).isTrue();
            assertThat(main.session().labNameProperty().get()).startsWith("scenario: ");
            assertThat(main.canvas().layout().items().size()).as("%s is drawn", file)
                    .isGreaterThanOrEqualTo(main.session().topology().partitions().size());
            scenarios.runAll();
            assertThat(scenarios.steps()).as("%s", file).allSatisfy(row ->
                    assertThat(row.status()).as("%s step %d: %s", file.getFileName(), row.index(), row.expectations())
                            .isEqualTo(StepRow.Status.PASSED));
            assertThat(scenarios.hasNext().get()).isFalse();
        }
    }

    @Test
    void backReplaysTheStepsBeforeTheLastOne() {
        MainViewModel main = TestLabs.demoViewModel(new RecordingNotifier());
        ScenarioViewModel scenarios = main.scenario();
        assertThat(scenarios.open(Path.of("src/test/resources/scenario/move-interface.yaml"))).isTrue();
        assertThat(main.canvas().layout().item(CanvasKey.of(CanvasKey.Kind.INTERFACE, "vif-web")).orElseThrow().container())
                .isEqualTo(CanvasKey.of(CanvasKey.Kind.SUBNET, "web"));
        scenarios.next();
        assertThat(main.canvas().layout().item(CanvasKey.of(CanvasKey.Kind.INTERFACE, "vif-web")).orElseThrow().container())
                .isEqualTo(CanvasKey.of(CanvasKey.Kind.INSTANCE, "vm-1"));
        assertThat(main.log().entries()).hasSize(1);
        scenarios.next();
        scenarios.back();
        assertThat(scenarios.nextProperty().get()).isEqualTo(1);
        assertThat(scenarios.narrationProperty().get()).isEqualTo("The web address is on vm-1.");
        assertThat(main.session().topology().attachmentsOf(org.viflab.model.InterfaceId.interfaceId("vif-web")))
                .hasSize(1);
        assertThat(scenarios.open(Path.of("no-such-file.yaml"))).isFalse();
        assertThat(scenarios.errorProperty().get()).contains("no-such-file.yaml");
    }

    @Test
    void stepResultsAreSaidInTheLanguageOfTheWindowAndAgainWhenItChanges() {
        MainViewModel main = TestLabs.demoViewModel(new RecordingNotifier());
        ScenarioViewModel scenarios = main.scenario();
        assertThat(scenarios.open(Path.of("scenarios/fig5-move-to-standby.yaml"))).isTrue();
        scenarios.runAll();
        // step 4: bob may not attach alice's record
        StepRow refused = scenarios.steps().get(3);
        assertThat(refused.answer()).startsWith("rejected UnauthorizedOperation: bob may not ");
        assertThat(scenarios.steps().get(1).answer()).startsWith("accepted (attach-");

        main.texts().localeProperty().set(java.util.Locale.JAPANESE);
        assertThat(scenarios.steps().get(3).answer()).startsWith("却下 UnauthorizedOperation: bob ")
                .doesNotContain("may not");
        assertThat(scenarios.steps().get(1).answer()).startsWith("受理 (attach-");
        assertThat(scenarios.steps()).anySatisfy(row -> assertThat(row.answer()).startsWith("DELIVERED: ")
                .doesNotContain(" receives "));
    }

    @Test
    void aFileThatCannotBeReadIsExplainedInTheUiLanguageAtItsPlaceAsWritten(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("typo.yaml");
        Files.writeString(file, "scenario: Typo\ntopology:\n  partitions:\n    - {id: vpc-a, cidr: 10.0.0.0/33}\n");
        MainViewModel main = TestLabs.demoViewModel(new RecordingNotifier());
        ScenarioViewModel scenarios = main.scenario();
        main.texts().localeProperty().set(Locale.JAPANESE);

        assertThat(scenarios.open(file)).isFalse();
        assertThat(scenarios.errorProperty().get())
                .isEqualTo(file + ":4:19: topology.partitions[0].cidr: '10.0.0.0/33' は IPv4 の CIDR ではありません");

        // the error on show is said again in the language chosen next
        main.texts().localeProperty().set(Locale.ENGLISH);
        assertThat(scenarios.errorProperty().get())
                .isEqualTo(file + ":4:19: topology.partitions[0].cidr: '10.0.0.0/33' is not an IPv4 CIDR prefix");
    }

    @Test
    void aWatchedFlowThatCannotBeTracedIsExplainedInTheUiLanguage(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ghost.yaml");
        Files.writeString(file, "scenario: Ghost\nwatch:\n  - {name: web, from: internet, to: ghost, protocol: tcp, port: 80}\n");
        MainViewModel main = TestLabs.demoViewModel(new RecordingNotifier());
        ScenarioViewModel scenarios = main.scenario();
        main.texts().localeProperty().set(Locale.JAPANESE);

        assertThat(scenarios.open(file)).isFalse();
        assertThat(scenarios.errorProperty().get()).isEqualTo("Ghost:0:0: 監視フロー 'web' をトレースできません: "
                + "'ghost' という名前のインスタンスもネットワークインターフェイスもありません");
        main.texts().localeProperty().set(Locale.ENGLISH);
        assertThat(scenarios.errorProperty().get())
                .isEqualTo("Ghost:0:0: the watched flow 'web' cannot be traced: no instance or interface record is named 'ghost'");
    }

    @Test
    void unmetExpectationsAndMalformedStepsAreSaidInTheLanguageOfTheWindow(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("unmet.yaml");
        Files.writeString(file, """
                scenario: Unmet
                principals: [alice]
                topology:
                  partitions: [{id: vpc-a, owner: alice, cidr: 10.0.0.0/16}]
                  subnets: [{id: web, partition: vpc-a, cidr: 10.0.1.0/24, zone: zone-1}]
                  platforms: [{id: host-a, zone: zone-1, nics: [{id: nic-a1}]}]
                  instances:
                    - {id: vm-1, owner: alice, type: t3.medium, zone: zone-1, platform: host-a, state: running,
                       interfaces: [{id: vm-1-eth0, subnet: web, privateIps: [10.0.1.11]}]}
                  interfaces: [{id: vif-web, owner: alice, subnet: web, privateIps: [10.0.1.10]}]
                steps:
                  - trace: {from: vm-1, to: 10.0.1.10, protocol: tcp, port: 80}
                    expect: {disposition: DELIVERED, deliveredTo: vm-1}
                  - narration: a typo in the address
                    assignIps: {interface: vif-web, privateIps: [10.0.1.300]}
                """);
        MainViewModel main = TestLabs.demoViewModel(new RecordingNotifier());
        ScenarioViewModel scenarios = main.scenario();
        assertThat(scenarios.open(file)).as(scenarios.errorProperty().get()).isTrue();
        scenarios.runAll();
        String malformedEnglish = "rejected InvalidParameterValue: assignIps.privateIps[0]: '10.0.1.300' "
                + "is not an IPv4 address";
        String traceEnglish = "disposition: expected DELIVERED, actual DETACHED; deliveredTo: expected vm-1, actual nothing";
        assertThat(scenarios.steps()).extracting(StepRow::status).containsOnly(StepRow.Status.FAILED);
        assertThat(scenarios.steps().get(0).expectations()).isEqualTo(traceEnglish);
        assertThat(scenarios.steps().get(1).answer()).isEqualTo(malformedEnglish);
        assertThat(scenarios.steps().get(1).expectations())
                .isEqualTo("request: expected it to be accepted, actual " + malformedEnglish);

        main.texts().localeProperty().set(Locale.JAPANESE);
        String malformedJapanese = "却下 InvalidParameterValue: assignIps.privateIps[0]: '10.0.1.300' は IPv4 アドレスではありません";
        assertThat(scenarios.steps().get(0).expectations())
                .isEqualTo("disposition: 期待は DELIVERED、実際は DETACHED; deliveredTo: 期待は vm-1、実際は なし");
        assertThat(scenarios.steps().get(1).answer()).isEqualTo(malformedJapanese);
        assertThat(scenarios.steps().get(1).failures())
                .containsExactly("request: 期待は受理、実際は" + malformedJapanese);

        main.texts().localeProperty().set(Locale.ENGLISH);
        assertThat(scenarios.steps().get(0).expectations()).isEqualTo(traceEnglish);
        assertThat(scenarios.steps().get(1).answer()).isEqualTo(malformedEnglish);
        assertThat(scenarios.steps().get(1).expectations())
                .isEqualTo("request: expected it to be accepted, actual " + malformedEnglish);
    }
}
