package org.viflab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile or oversized input is refused quickly, with a located error. */
class ReadingBoundsTest {

    @Test
    void yamlAliasBombIsRejectedAtItsFirstAnchor() {
        StringBuilder bomb = new StringBuilder("scenario: lol\ndescription: x\n");
        bomb.append("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        String previous = "a";
        for (char c = 'b'; c <= 'z'; c++) {
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            bomb.append("]\n");
            previous = String.valueOf(c);
        }
        assertTimeoutPreemptively(Duration.ofSeconds(2), () ->
                assertThatThrownBy(() -> ScenarioReader.parse("bomb.yaml", bomb.toString()))
                        .isInstanceOf(ScenarioException.class)
                        .hasMessage("bomb.yaml:3:4: YAML anchors (&a) are not supported: write the value out"));
    }

    @Test
    void aliasesAreRefusedEvenWithoutAnAnchorInView() {
        assertThatThrownBy(() -> ScenarioReader.parse("alias.yaml", "scenario: *title\n"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("alias.yaml:1:11: ");
    }

    @Test
    void deepNestingIsRejected() {
        String deep = "scenario: x\ndescription: " + "[".repeat(200) + "]".repeat(200) + "\n";
        assertTimeoutPreemptively(Duration.ofSeconds(2), () ->
                assertThatThrownBy(() -> ScenarioReader.parse("deep.yaml", deep))
                        .isInstanceOf(ScenarioException.class)
                        .hasMessageStartingWith("deep.yaml:2:"));
        String deepJson = "{\"scenario\": \"x\", \"description\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertThatThrownBy(() -> ScenarioReader.parse("deep.json", deepJson))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("deep.json:1:");
    }

    @Test
    void oversizedInputIsRejectedBeforeParsing() {
        byte[] big = ("scenario: x\ndescription: " + "y".repeat(200) + "\n").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ScenarioReader.parse("big.yaml", big, new SourceDocument.Limits(100, 40)))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("big.yaml:1:1: the file is larger than 100 bytes");
    }

    @Test
    void oversizedFileIsRejectedWithoutReadingItAll(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("huge.yaml");
        byte[] chunk = ("# " + "x".repeat(1022) + "\n").getBytes(StandardCharsets.UTF_8);
        try (var out = Files.newOutputStream(file)) {
            for (int i = 0; i < 5 * 1024; i++) {
                out.write(chunk);
            }
        }
        assertThatThrownBy(() -> ScenarioReader.read(file))
                .isInstanceOf(ScenarioException.class)
                .hasMessageEndingWith(":1:1: the file is larger than 4194304 bytes");
    }

    @Test
    void missingFileIsAScenarioException(@TempDir Path dir) {
        assertThatThrownBy(() -> ScenarioReader.read(dir.resolve("nope.yaml")))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("nope.yaml:1:1: cannot read the file");
    }

    @Test
    void yamlBooleanLikeWordsStayText() {
        Scenario s = ScenarioReader.parse("words.yaml", "scenario: no\ndescription: on\n");
        assertThat(s.title()).isEqualTo("no");
        assertThat(s.description()).contains("on");
    }
}
