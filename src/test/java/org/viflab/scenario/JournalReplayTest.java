package org.viflab.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.viflab.coordinator.Coordinator;
import org.viflab.coordinator.Fixture;
import org.viflab.coordinator.Outcome;
import org.viflab.coordinator.RandomRequests;
import org.viflab.coordinator.Submission;
import org.viflab.lab.Lab;
import org.viflab.store.H2Repository;

/** A journal written with the scenario codec explains its lab: replayed, it rebuilds the same snapshot. */
class JournalReplayTest {

    @Test
    void everyLibraryScenarioLeavesAJournalThatReplaysToTheSameLab() throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.list(Path.of("scenarios"))) {
            files = all.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            try (Lab lab = Lab.open(H2Repository.inMemory(), JournalCodec.INSTANCE)) {
                new ScenarioRun(ScenarioReader.read(file), lab).runAll(file.toString());
                assertReplays(lab, file.toString());
            }
        }
    }

    @Test
    void randomRequestsReplayToTheSameLab() {
        List<Submission> requests = RandomRequests.submission().sampleStream().limit(300).toList();
        try (Lab lab = Lab.open(H2Repository.inMemory(), JournalCodec.INSTANCE)) {
            Fixture.standardRequests().forEach(lab::submit);
            requests.forEach(lab::submit);
            assertReplays(lab, "random requests");
        }
    }

    private static void assertReplays(Lab lab, String what) {
        try (H2Repository fresh = H2Repository.inMemory()) {
            Coordinator replaying = new Coordinator(fresh, JournalCodec.INSTANCE);
            List<Outcome> outcomes = replaying.replay(lab.journal());
            assertThat(outcomes).as(what).allMatch(Outcome::isAccepted);
            assertThat(replaying.snapshot()).as(what).isEqualTo(lab.snapshot());
        }
    }
}
