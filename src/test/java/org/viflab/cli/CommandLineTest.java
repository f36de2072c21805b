package org.viflab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user runs it: output, and exit codes 0 / 1 / 2. */
class CommandLineTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return new CommandLineInterface(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void runOfAPassingScenarioExitsZeroAndPrintsTheCount() {
        int code = run("run", "scenarios/fig5-move-to-standby.yaml");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("PASS  2 attach vif-web to vm-1 at device 1")
                .endsWith("7 passed, 0 failed" + System.lineSeparator());
    }

    @Test
    void runOfAnUnmetExpectationExitsOneWithExpectedAndActual() throws IOException {
        Path file = dir.resolve("wrong.yaml");
        Files.writeString(file, """
                scenario: wrong landing
                principals: [alice]
                topology:
                  partitions: [{id: vpc-a, owner: alice, cidr: 10.0.0.0/16}]
                  subnets: [{id: web, partition: vpc-a, cidr: 10.0.1.0/24, zone: zone-1}]
                  interfaces: [{id: vif-web, owner: alice, subnet: web, privateIps: [10.0.1.10]}]
                steps:
                  - describe: {kind: interfaces}
                    expect: {fields: {vif-web: {status: in-use}}}
                """);
        int code = run("run", file.toString());
        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("FAIL  1 describe interfaces")
                .contains("fields vif-web.status: expected in-use, actual available")
                .endsWith("0 passed, 1 failed" + System.lineSeparator());
    }

    @Test
    void runOfAMalformedFileExitsTwoNamingFileLineAndColumn() throws IOException {
        Path file = dir.resolve("typo.yaml");
        Files.writeString(file, """
                scenario: typo
                topology:
                  partitions:
                    - {id: vpc-a, owner: operator, cidr: 10.0.0.0/16, internetGateway: true, colour: red}
                steps: []
                """);
        int code = run("run", file.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains(file + ":4:").contains("colour");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void checkValidatesWithoutRunning() {
        assertThat(run("check", "scenarios/fig5-move-to-standby.yaml")).isZero();
        assertThat(out.toString()).contains("ok   scenarios/fig5-move-to-standby.yaml: Move an interface to a standby server");
    }

    @Test
    void runJsonReportsEveryStep() {
        assertThat(run("run", "--json", "scenarios/fig5-move-to-standby.yaml")).isZero();
        assertThat(out.toString()).contains("\"passed\": 7, \"failed\": 0").contains("\"step\": 6");
    }

    @Test
    void describeAndTraceReadASavedLab() {
        Path lab = dir.resolve("lab");
        assertThat(run("run", "--db", lab.toString(), "scenarios/fig5-move-to-standby.yaml")).isZero();
        out.getBuffer().setLength(0);
        assertThat(run("describe", "--db", lab.toString(), "interfaces", "--filter", "status=in-use", "--filter",
                "subnet-id=web")).isZero();
        assertThat(out.toString()).contains("vif-web").contains("attachedInstances: [vm-2]").contains("3 interfaces");
        out.getBuffer().setLength(0);
        assertThat(run("trace", "--db", lab.toString(), "internet", "203.0.113.10", "tcp", "80")).isZero();
        assertThat(out.toString()).contains("DELIVERED");
        assertThat(run("describe", "--db", lab.toString(), "interfaces", "--filter", "colour=red")).isEqualTo(2);
        assertThat(err.toString()).contains("InvalidParameterValue");
    }

    @Test
    void aLabTheStoreCannotTakeExitsTwoWithItsSentence() {
        Path semicolon = dir.resolve("class;1").resolve("lab");
        assertThat(run("run", "--db", semicolon.toString(), "scenarios/fig5-move-to-standby.yaml")).isEqualTo(2);
        assertThat(run("describe", "--db", semicolon.toString(), "interfaces")).isEqualTo(2);
        assertThat(run("trace", "--db", semicolon.toString(), "internet", "203.0.113.10", "tcp", "80")).isEqualTo(2);
        assertThat(run("describe", "--db", "jdbc:mysql://nowhere/lab", "interfaces")).isEqualTo(2);
        assertThat(err.toString()).contains("The lab path " + semicolon + " contains ';'")
                .contains("The lab jdbc:mysql://nowhere/lab is not an H2 URL").doesNotContain("internal error");
        assertThat(out.toString()).isEmpty();
        assertThat(dir.toFile().list()).as("nothing was created").isEmpty();
    }

    @Test
    void aLabFileOpenElsewhereExitsTwoWithItsSentence() {
        Path lab = dir.resolve("lab");
        try (var elsewhere = org.viflab.store.H2Repository.open(lab)) {
            assertThat(run("describe", "--db", lab.toString(), "interfaces")).isEqualTo(2);
            assertThat(err.toString()).contains("The lab file " + lab + ".mv.db is already open")
                    .doesNotContain("internal error");
        }
    }

    @Test
    void importAwsWritesAScenarioThatRunsAndWarnsAboutWhatItCannotHold() {
        Path scenario = dir.resolve("imported.yaml");
        assertThat(run("import-aws", "src/test/resources/aws", "-o", scenario.toString())).isZero();
        assertThat(err.toString()).contains("warning: ").contains("IPv6").contains("route tables");
        assertThat(run("run", scenario.toString())).isZero();
        assertThat(out.toString()).contains("0 failed");
        out.getBuffer().setLength(0);
        assertThat(run("describe", "--db", dir.resolve("aws-lab").toString(), "partitions")).isZero();
    }

    @Test
    void benchPrintsEveryFigureAsJson() {
        assertThat(run("bench", "--quick", "--json", "--instances", "40", "--interfaces", "200")).isZero();
        String json = out.toString();
        assertThat(json).startsWith("[").contains("\"name\": \"attach+detach pairs/s (file database)\"")
                .contains("\"unit\": \"pairs/s\"").contains("\"ratio\": ").contains("\"pass\": ")
                .contains("single-flow trace, median").contains("load a scenario of 200 interfaces")
                .doesNotContain("NaN");
        assertThat(json.split("\\{\"name\"", -1)).hasSizeGreaterThanOrEqualTo(11);
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"run", "check", "trace", "describe", "import-aws", "bench", "gui"}) {
            out.getBuffer().setLength(0);
            assertThat(run(command, "--help")).isZero();
            assertThat(out.toString()).as(command).contains("Usage: viflab " + command);
        }
    }
}
