package org.viflab.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged commit is on disk: a JVM that is stopped dead right after {@code commit}
 * returns leaves a lab file that holds the commit.
 *
 * <p>Before it was written, the same child with H2's default {@code WRITE_DELAY} lost such commits,
 * which is why the repository sets it to 0 and checks it on open.
 */
class DurabilityTest {

    @TempDir
    Path folder;

    @Test
    void fileLabRunsWithoutWriteDelay() {
        try (H2Repository repository = H2Repository.open(folder.resolve("lab"))) {
            assertThat(repository.writeDelay()).isZero();
        }
    }

    @Test
    void commitSurvivesTheProcessBeingKilledRightAfterIt() throws Exception {
        Path lab = folder.resolve("crashed-lab");
        Path log = folder.resolve("child.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("java.class.path");
        assertThat(classpath).as("the test class path").contains("test-classes");

        Process child = new ProcessBuilder(java, "-cp", classpath, CommitThenHalt.class.getName(), lab.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();

        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child finished").isTrue();
        assertThat(child.exitValue()).as(Files.readString(log)).isEqualTo(CommitThenHalt.HALTED_AFTER_COMMIT);
        try (H2Repository reopened = H2Repository.open(lab)) {
            assertThat(reopened.version()).isEqualTo(2);
            assertThat(reopened.load()).isEqualTo(CommitThenHalt.expected());
            assertThat(reopened.journal()).hasSize(2);
        }
    }
}
