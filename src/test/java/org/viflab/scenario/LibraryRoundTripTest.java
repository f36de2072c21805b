package org.viflab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every library file survives being written back: read → write (YAML and JSON) → read gives an equal scenario. */
class LibraryRoundTripTest {

    @Test
    void everyLibraryFileReadsBackEqualAfterWriting() throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.list(Path.of("scenarios"))) {
            files = all.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(15);
        for (Path file : files) {
            Scenario read = ScenarioReader.read(file);
            Scenario fromYaml = ScenarioReader.parse(file + " (written)", ScenarioWriter.write(read));
            Scenario fromJson = ScenarioReader.parse(file + ".json", ScenarioWriter.writeJson(read));
            assertThat(fromYaml).as(file + " via YAML").isEqualTo(read);
            assertThat(fromJson).as(file + " via JSON").isEqualTo(read);
        }
    }
}
