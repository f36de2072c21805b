package org.viflab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.viflab.lab.Lab;
import org.viflab.store.H2Repository;

class ScenarioRunTest {

    @Test
    void theStandbyScenarioPassesEveryStep() {
        Scenario scenario = ScenarioReader.read(Path.of("scenarios/fig5-move-to-standby.yaml"));
        try (Lab lab = Lab.open(H2Repository.inMemory())) {
            RunReport report = new ScenarioRun(scenario, lab).runAll("fig5");
            assertThat(report.steps()).allSatisfy(step -> assertThat(step.failures()).as("step " + step.step().index()
                    + " " + step.answer()).isEmpty());
            assertThat(report.passed()).isEqualTo(7);
        }
    }

    @Test
    void anUnmetExpectationSaysWhatWasExpectedAndWhatHappened() {
        String text = """
                scenario: wrong
                principals: [alice]
                topology:
                  partitions: [{id: vpc-a, owner: alice, cidr: 10.0.0.0/16}]
                  subnets: [{id: web, partition: vpc-a, cidr: 10.0.1.0/24, zone: zone-1}]
                  interfaces: [{id: vif-web, owner: alice, subnet: web, privateIps: [10.0.1.10]}]
                steps:
                  - deleteInterface: {interface: vif-web}
                    as: alice
                    expect: {error: UnauthorizedOperation}
                  - describe: {kind: interfaces}
                    expect: {ids: [vif-web], available: {web: 250}}
                """;
        Scenario scenario = ScenarioReader.parse("wrong.yaml", text);
        try (Lab lab = Lab.open(H2Repository.inMemory())) {
            RunReport report = new ScenarioRun(scenario, lab).runAll("wrong.yaml");
            assertThat(report.failed()).isEqualTo(2);
            assertThat(report.steps().get(0).failures()).containsExactly("error: expected UnauthorizedOperation, actual accepted");
            assertThat(report.steps().get(1).failures()).containsExactly("ids: expected [vif-web], actual []",
                    "available web: expected 250, actual 251");
        }
    }
}
