package org.viflab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.viflab.model.AttachmentId.attachmentId;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viflab.coordinator.JournalEntry;
import org.viflab.coordinator.Repository.StoreException;
import org.viflab.model.Topology;

/** The repository contract on a lab file, plus what only a file can show: reopening it. */
class FileH2RepositoryTest extends H2RepositoryContract {

    @TempDir
    Path folder;

    Path labPath() {
        return folder.resolve("labs").resolve("lab");
    }

    @Override
    H2Repository newRepository() {
        return H2Repository.open(labPath());
    }

    @Test
    void fileIsCreatedWithItsFolders() {
        assertThat(labPath().resolveSibling("lab.mv.db")).exists();
        assertThat(repository.url()).isEqualTo("jdbc:h2:file:" + labPath().toAbsolutePath());
    }

    @Test
    void reopenedLabHasTheSameSnapshotAndJournal() {
        Topology v1 = Labs.commit(repository, Topology.empty(), "build", Labs::rich);
        Topology v2 = Labs.commit(repository, v1, "detach", b -> b.removeAttachment(attachmentId("att-1")));
        List<JournalEntry> journal = repository.journal();
        repository.close();

        try (H2Repository reopened = H2Repository.open(labPath())) {
            assertThat(reopened.load()).isEqualTo(v2);
            assertThat(reopened.version()).isEqualTo(2);
            assertThat(reopened.journal()).isEqualTo(journal);
            assertThat(reopened.schemaVersion()).isEqualTo(3);
        }
    }

    @Test
    void theSameLabOpensByPathTextFileNameOrUrl() {
        Topology v1 = Labs.commit(repository, Topology.empty(), "build", Labs::rich);
        repository.close();

        for (String location : List.of(labPath().toString(), labPath() + ".mv.db", "jdbc:h2:file:" + labPath())) {
            try (H2Repository reopened = H2Repository.open(location)) {
                assertThat(reopened.load()).as(location).isEqualTo(v1);
            }
        }
        try (H2Repository reopened = H2Repository.open(labPath().resolveSibling("lab.mv.db"))) {
            assertThat(reopened.load()).isEqualTo(v1);
        }
    }

    @Test
    void commitsAreWrittenAtOnce() {
        assertThat(repository.writeDelay()).isZero();
        repository.close();
        try (H2Repository reopened = H2Repository.open(labPath())) {
            assertThat(reopened.writeDelay()).isZero();
        }
    }

    @Test
    void urlsThatAreNotPlainH2AreRefused() {
        assertThatThrownBy(() -> H2Repository.open("jdbc:postgresql://localhost/lab"))
                .isInstanceOf(StoreException.class).hasMessageContaining("is not an H2 URL");
        assertThatThrownBy(() -> H2Repository.open("jdbc:h2:file:" + folder.resolve("x") + ";WRITE_DELAY=500"))
                .isInstanceOf(StoreException.class).hasMessageContaining("WRITE_DELAY");
        assertThatThrownBy(() -> H2Repository.open("  ")).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("No lab was named");
        assertThat(Files.exists(folder.resolve("x.mv.db"))).isFalse();
    }

    @Test
    void theFileCheckReadsTheLabAsTheRepositoryDoesAndHandsItOver() {
        Topology committed = Labs.commit(repository, Topology.empty(), "build", Labs::rich);
        repository.close();

        LabFile.Inspection inspection = LabFile.inspect(LabFile.dataFile(labPath().toAbsolutePath().normalize()));
        assertThat(inspection.state()).isEqualTo(LabFile.State.CURRENT);
        assertThat(inspection.lab()).contains(committed);
        try (H2Repository reopened = H2Repository.open(labPath())) {
            assertThat(reopened.load()).as("handed over").isEqualTo(committed);
            assertThat(reopened.load()).as("read from the file").isEqualTo(committed);
        }
    }

    @Test
    void aLabChangedAfterTheFileCheckIsReadFromTheFile() {
        Topology v1 = Labs.commit(repository, Topology.empty(), "build", Labs::rich);
        repository.close();

        Topology[] v2 = new Topology[1];
        try (H2Repository reopened = H2Repository.open(labPath(), dataFile -> {
            LabFile.Inspection inspection = LabFile.inspect(dataFile);
            // another program commits between the check and the opening
            try (H2Repository other = H2Repository.open("jdbc:h2:file:" + labPath().toAbsolutePath())) {
                v2[0] = Labs.commit(other, v1, "detach", b -> b.removeAttachment(attachmentId("att-1")));
            }
            return inspection;
        })) {
            assertThat(reopened.load()).isEqualTo(v2[0]).isNotEqualTo(v1);
        }
    }

    @Test
    void aPathTheDatabaseCannotTakeIsRefusedInPlainWordsAndNothingIsCreated() {
        Path withSemicolon = folder.resolve("class;FILE_LOCK=NO").resolve("lab");
        assertThatThrownBy(() -> H2Repository.open(withSemicolon.toString())).isInstanceOf(StoreException.class)
                .hasMessage("The lab path " + withSemicolon + " contains ';', which the H2 database reads as the start"
                        + " of its settings. Choose a folder and a name without ';'. Nothing was opened or changed.");
        assertThatThrownBy(() -> H2Repository.open(folder.resolve("a;b.mv.db"))).isInstanceOf(StoreException.class)
                .hasMessageContaining("contains ';'");
        assertThatThrownBy(() -> H2Repository.open(folder + "/lab\u0000x")).isInstanceOf(StoreException.class)
                .hasMessage("The lab path " + folder + "/lab\\u0000x is not a path this system can use: Nul character"
                        + " not allowed. Nothing was opened or changed.");
        assertThat(folder.toFile().list()).as("no folder or file was made").containsExactly("labs");
        try (H2Repository fine = H2Repository.open(folder.resolve("fine"))) {
            assertThat(fine.load()).as("a refusal leaves nothing held open").isEqualTo(Topology.empty());
        }
    }

    @Test
    void labFromANewerSchemaIsRefused() {
        execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\","
                + " \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                + " VALUES (99, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 0, 'sa', 1, TRUE)");
        repository.close();

        assertThatThrownBy(() -> H2Repository.open(labPath()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("schema");
    }
}
