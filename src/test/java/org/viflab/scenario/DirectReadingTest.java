package org.viflab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.viflab.lab.LabGenerator;

/**
 * A well-formed file is bound straight from the parser's tokens; every other file is read through
 * the located tree. Both readings must give the same scenario, and the same error, for any file.
 */
class DirectReadingTest {

    private static Scenario direct(String name, String text) {
        return ScenarioReader.parse(name, text.getBytes(StandardCharsets.UTF_8), SourceDocument.Limits.SCENARIO);
    }

    private static Scenario located(String name, String text) {
        return ScenarioReader.parseLocated(name, text.getBytes(StandardCharsets.UTF_8), SourceDocument.Limits.SCENARIO);
    }

    private static boolean boundDirectly(String name, String text) {
        return SourceDocument.bind(name, text.getBytes(StandardCharsets.UTF_8), SourceDocument.Format.ofName(name),
                SourceDocument.Limits.SCENARIO, Mappers.BINDER, FileFormat.ScenarioDto.class, "steps").isPresent();
    }

    private static String errorOf(Runnable reading) {
        try {
            reading.run();
        } catch (ScenarioException e) {
            return e.getMessage();
        }
        throw new AssertionError("the file was read without an error");
    }

    @Test
    void everyLibraryFileReadsTheSameBothWays() throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.list(Path.of("scenarios"))) {
            files = all.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            String text = Files.readString(file);
            assertThat(boundDirectly(file.toString(), text)).as(file + " is bound directly").isTrue();
            assertThat(direct(file.toString(), text)).as(file.toString()).isEqualTo(located(file.toString(), text));
            String json = ScenarioWriter.writeJson(direct(file.toString(), text));
            assertThat(direct(file + ".json", json)).as(file + " as JSON").isEqualTo(located(file + ".json", json));
        }
    }

    @Test
    void aGeneratedLabReadsTheSameBothWays() {
        Scenario generated = LabSnapshot.scenarioOf(LabGenerator.generate(60, 300).topology(), "generated");
        String yaml = ScenarioWriter.write(generated);
        String json = ScenarioWriter.writeJson(generated);
        assertThat(direct("g.yaml", yaml)).isEqualTo(located("g.yaml", yaml)).isEqualTo(generated);
        assertThat(direct("g.json", json)).isEqualTo(located("g.json", json)).isEqualTo(generated);
    }

    @Test
    void stepLinesAndMalformedParametersAreTheSameBothWays() {
        String text = """
                scenario: Lines
                steps:
                  - narration: a typo in the address
                    assignIps: {interface: vif-web, privateIps: [10.0.1.300]}
                    expect: {error: InvalidParameterValue}

                  - detach: {interface: vif-web, instance: vm-1}
                  - trace: {from: vm-1, to: 10.0.1.256, protocol: tcp, port: 80}
                  -   authorize: {group: sg-web, direction: in, rule: {protocol: tcp, ports: [80, 443], peer: 0.0.0.0/0}}
                      expect: {fields: {sg-web: {ingress: [{protocol: tcp, ports: 80}], size: 2.5}}}
                """;
        assertThat(boundDirectly("lines.yaml", text)).isTrue();
        Scenario read = direct("lines.yaml", text);
        assertThat(read).isEqualTo(located("lines.yaml", text));
        assertThat(read.steps()).extracting(Step::line).containsExactly(3, 7, 8, 9);
    }

    @Test
    void everyKindOfErrorIsReportedTheSameBothWays() {
        List<String> broken = List.of(
                "",
                "# only a comment\n",
                "just text\n",
                "- a\n- list\n",
                "scenario: x\n---\nscenario: y\n",
                "scenario: x\nscenario: y\n",
                "scenario: x\ndescription: ~\n",
                "scenario: x\ndescription: &d [text]\n",
                "scenario: *x\n",
                "scenario: !custom x\n",
                "scenario: x\ndescription: " + "[".repeat(60) + "]".repeat(60) + "\n",
                "scenario: 12\n",
                "scenario: x\nprincipals: alice\n",
                "scenario: x\ncolour: red\n",
                "scenario: x\nsteps:\n  - attach: {interface: a, instance: b, device: 1}\n",
                "scenario: x\nsteps:\n  - attach: {interface: a, instance: b}\n    detach: {interface: a}\n",
                "scenario: x\nsteps:\n  - attach: {interface: a, instance: b, deviceIndex: 99999999999}\n",
                "scenario: x\nsteps:\n  - {}\n",
                "scenario: x\nsteps:\n  - propagate: {steps: 0}\n",
                "scenario: x\ntopology:\n  subnets:\n    - {id: s, partition: nowhere, cidr: 10.0.0.0/24, zone: z}\n",
                "scenario: x\nwatch:\n  - {name: w, from: [1], to: vm-1, protocol: tcp}\n",
                "scenario: x\nsteps: [{describe: {kind: interfaces}, expect: {idz: [a]}}]\n",
                "{\"scenario\": \"x\", \"scenario\": \"y\"}",
                "scenario: [unclosed\n");
        for (String text : broken) {
            for (String name : List.of("bad.yaml", "bad.json")) {
                if (name.endsWith(".json") && !text.startsWith("{")) {
                    continue;
                }
                assertThat(errorOf(() -> direct(name, text))).as(text)
                        .isEqualTo(errorOf(() -> located(name, text)));
            }
        }
    }

    @Test
    void aFileThatBreaksAReadingRuleIsNotBoundDirectly() {
        assertThat(boundDirectly("a.yaml", "scenario: x\nprincipals: &p [alice]\n")).isFalse();
        assertThat(boundDirectly("a.yaml", "scenario: x\nscenario: y\n")).isFalse();
        assertThat(boundDirectly("a.yaml", "scenario: x\ndescription: ~\n")).isFalse();
        assertThat(boundDirectly("a.yaml", "scenario: x\n---\nscenario: y\n")).isFalse();
        assertThatThrownBy(() -> direct("a.yaml", "scenario: x\nprincipals: &p [alice]\n"))
                .hasMessage("a.yaml:2:13: YAML anchors (&p) are not supported: write the value out");
    }
}
