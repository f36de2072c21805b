package org.viflab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.viflab.lab.Lab;
import org.viflab.store.H2Repository;

/**
 * The expectations a step did not meet are sentences: said in English, byte for byte the lines the
 * command line and run reports print, and in Japanese for the UI, with values, codes and ids as written.
 */
class StepFailuresTest {

    private static final String TEXT = """
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
            watch:
              - {name: web, from: vm-1, to: 10.0.1.10, protocol: tcp, port: 80}
            steps:
              - attach: {interface: vif-nobody, instance: vm-1}
              - describe: {kind: interfaces}
                expect: {ok: false, fields: {vif-web: {status: in-use, colour: red}, vif-ghost: {status: available}}}
              - trace: {from: vm-1, to: 10.0.1.10, protocol: tcp, port: 80}
                expect: {disposition: DELIVERED, deliveredTo: vm-1, exitsTo: internet}
              - trace: {from: vm-1, to: ghost, protocol: tcp, port: 80}
              - assignIps: {interface: vif-web, privateIps: [10.0.1.300]}
              - detach: {interface: vif-web}
                expect: {error: InvalidParameterValue, lands: {web: vm-1}, disposition: {web: DELIVERED},
                         available: {web: 3, app: 2}}
            """;

    private static List<StepResult> run() {
        try (Lab lab = Lab.open(H2Repository.inMemory())) {
            return new ScenarioRun(ScenarioReader.parse("unmet.yaml", TEXT), lab).runAll("unmet.yaml").steps();
        }
    }

    @Test
    void everyUnmetExpectationIsSaidInEnglishAsBefore() {
        List<StepResult> steps = run();
        assertThat(steps).noneMatch(StepResult::passed);
        assertThat(steps.get(0).failures()).containsExactly("request: expected it to be accepted, actual rejected "
                + "InvalidNetworkInterfaceID.NotFound: The interface 'vif-nobody' does not exist.");
        assertThat(steps.get(1).failures()).hasSize(4)
                .startsWith("request: expected it to be rejected, actual accepted",
                        "fields vif-web.status: expected in-use, actual available")
                .endsWith("fields vif-ghost: no object with that id");
        assertThat(steps.get(1).failures().get(2))
                .startsWith("fields vif-web.colour: no such field (known: id, description, ").endsWith(", counters)");
        assertThat(steps.get(2).failures()).containsExactly("disposition: expected DELIVERED, actual DETACHED",
                "deliveredTo: expected vm-1, actual nothing", "exitsTo: expected internet, actual nowhere");
        assertThat(steps.get(3).failures()).containsExactly("trace: no instance or interface record is named 'ghost'");
        assertThat(steps.get(4).failures()).containsExactly("request: expected it to be accepted, actual rejected "
                + "InvalidParameterValue: assignIps.privateIps[0]: '10.0.1.300' is not an IPv4 address");
        assertThat(steps.get(5).failures()).containsExactly(
                "error: expected InvalidParameterValue, actual InvalidAttachmentID.NotFound",
                "lands web: expected vm-1, actual nowhere", "disposition web: expected DELIVERED, actual DETACHED",
                "available web: expected 3, actual 249", "available app: expected 2, actual no such subnet");
        for (StepResult step : steps) {
            assertThat(step.failures(Locale.ROOT)).isEqualTo(step.failures(Locale.ENGLISH)).isEqualTo(step.failures());
        }
    }

    @Test
    void everyUnmetExpectationIsSaidInJapaneseWithValuesCodesAndIdsAsWritten() {
        List<StepResult> steps = run();
        assertThat(steps.get(0).failures(Locale.JAPANESE)).containsExactly("request: 期待は受理、実際は却下 "
                + "InvalidNetworkInterfaceID.NotFound: ネットワークインターフェイス vif-nobody は存在しません。");
        assertThat(steps.get(1).failures(Locale.JAPANESE)).hasSize(4)
                .startsWith("request: 期待は却下、実際は受理", "fields vif-web.status: 期待は in-use、実際は available")
                .endsWith("fields vif-ghost: その ID のオブジェクトはありません");
        assertThat(steps.get(1).failures(Locale.JAPANESE).get(2))
                .startsWith("fields vif-web.colour: そのフィールドはありません（あるフィールド: id, description, ")
                .endsWith(", counters）");
        assertThat(steps.get(2).failures(Locale.JAPANESE)).containsExactly("disposition: 期待は DELIVERED、実際は DETACHED",
                "deliveredTo: 期待は vm-1、実際は なし", "exitsTo: 期待は internet、実際は なし");
        assertThat(steps.get(3).failures(Locale.JAPANESE))
                .containsExactly("trace: 'ghost' という名前のインスタンスもネットワークインターフェイスもありません");
        assertThat(steps.get(4).failures(Locale.JAPANESE)).containsExactly("request: 期待は受理、実際は却下 "
                + "InvalidParameterValue: assignIps.privateIps[0]: '10.0.1.300' は IPv4 アドレスではありません");
        assertThat(steps.get(5).failures(Locale.JAPANESE)).containsExactly(
                "error: 期待は InvalidParameterValue、実際は InvalidAttachmentID.NotFound",
                "lands web: 期待は vm-1、実際は nowhere", "disposition web: 期待は DELIVERED、実際は DETACHED",
                "available web: 期待は 3、実際は 249", "available app: 期待は 2、実際はそのサブネットがありません");
    }

    @Test
    void anExpectedErrorOnAnAcceptedRequestSaysAcceptedInTheReadersLanguage() {
        String text = TEXT.substring(0, TEXT.indexOf("steps:")) + """
                steps:
                  - describe: {kind: interfaces}
                    expect: {error: UnauthorizedOperation}
                """;
        try (Lab lab = Lab.open(H2Repository.inMemory())) {
            StepResult step = new ScenarioRun(ScenarioReader.parse("unmet.yaml", text), lab).next();
            assertThat(step.failures()).containsExactly("error: expected UnauthorizedOperation, actual accepted");
            assertThat(step.failures(Locale.JAPANESE)).containsExactly("error: 期待は UnauthorizedOperation、実際は 受理");
        }
    }

    @Test
    void aMalformedStepKeepsItsEnglishReasonAndSaysItInJapanese() {
        Step.Malformed malformed = (Step.Malformed) ScenarioReader.parse("unmet.yaml", TEXT).step(5).action();
        assertThat(malformed.message()).isEqualTo("assignIps.privateIps[0]: '10.0.1.300' is not an IPv4 address");
        assertThat(malformed.message(Locale.ROOT)).isEqualTo(malformed.message());
        assertThat(malformed.message(Locale.JAPANESE))
                .isEqualTo("assignIps.privateIps[0]: '10.0.1.300' は IPv4 アドレスではありません");
        assertThat(malformed.describe()).isEqualTo("assignIps (malformed: " + malformed.message() + ")");
    }

    @Test
    void aMalformedStepBuiltWithItsReasonAsTextEqualsTheSameStepRead() {
        Step.Malformed read = (Step.Malformed) ScenarioReader.parse("unmet.yaml", TEXT).step(5).action();
        Step.Malformed built = new Step.Malformed(read.key(), read.parameters(), read.as(), read.dryRun(),
                read.clientToken(), read.code(), read.message());
        assertThat(built).isEqualTo(read).hasSameHashCodeAs(read);
        assertThat(built.message(Locale.JAPANESE)).as("text is said as it is").isEqualTo(read.message());
    }
}
