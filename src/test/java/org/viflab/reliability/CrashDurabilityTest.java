package org.viflab.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viflab.coordinator.Coordinator;
import org.viflab.coordinator.CoordinatorInvariantsProperties;
import org.viflab.coordinator.Outcome;
import org.viflab.scenario.JournalCodec;
import org.viflab.coordinator.JournalEntry;
import org.viflab.lab.Lab;
import org.viflab.store.H2Repository;

/**
 * Kills a VIF Lab process with SIGKILL at random moments while it commits random requests, and
 * checks after each kill that the lab file opens without repair, that every acknowledged request is
 * there, that none is half applied (the invariants hold, the journal has one entry per version),
 * that the realized state compiles from what was stored, and that the journal replays to the same lab.
 */
class CrashDurabilityTest {

    static final int KILLS = 20;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedRequestSurvivesAKillNine() throws Exception {
        Path file = dir.resolve("crash-lab");
        Random random = new Random(20261125L);
        for (int kill = 1; kill <= KILLS; kill++) {
            long lastAcknowledged = runAndKill(file, random.nextLong(), 5 + random.nextInt(60));
            try (H2Repository repository = H2Repository.open(file); Lab lab = Lab.open(repository, JournalCodec.INSTANCE)) {
                long version = lab.snapshot().version();
                assertThat(version).as("kill %d: version after reopening", kill).isGreaterThanOrEqualTo(lastAcknowledged);
                CoordinatorInvariantsProperties.assertInvariants(lab.snapshot());
                List<JournalEntry> journal = lab.journal();
                assertThat(journal).as("kill %d: one journal entry per version", kill).hasSize((int) version);
                for (int i = 0; i < journal.size(); i++) {
                    assertThat(journal.get(i).version()).isEqualTo(i + 1);
                }
                assertThat(lab.realized()).isTrue();
                assertThat(repository.writeDelay()).isZero();
                try (H2Repository fresh = H2Repository.inMemory()) {
                    Coordinator replaying = new Coordinator(fresh, JournalCodec.INSTANCE);
                    assertThat(replaying.replay(journal)).as("kill %d: the journal replays", kill).allMatch(Outcome::isAccepted);
                    assertThat(replaying.snapshot()).as("kill %d: the journal rebuilds the lab", kill).isEqualTo(lab.snapshot());
                }
            }
        }
    }

    /** Starts the child, lets it acknowledge {@code acknowledgements} requests, kills it; returns the last acknowledged version. */
    private static long runAndKill(Path file, long seed, int acknowledgements) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(), file.toString(), Long.toString(seed));
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process child = builder.start();
        long last = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            int seen = 0;
            String line;
            while (seen < acknowledgements && (line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    last = Long.parseLong(line.substring(4).trim());
                    seen++;
                }
            }
            // SIGKILL: no shutdown hooks, no flushing, the process just stops.
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.exists(file.resolveSibling(file.getFileName() + ".mv.db"))).isTrue();
        return last;
    }
}
