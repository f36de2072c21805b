package org.viflab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.viflab.model.AttachmentId.attachmentId;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viflab.model.Attachment;
import org.viflab.model.InterfaceRecord;
import org.viflab.model.Topology;

/**
 * Every acknowledged commit is where H2 looks for it after a crash. Right after each commit, the
 * lab file is copied as it is on disk — what a kill at that moment would leave — and the copy is
 * opened the way H2 opens a file after a crash: it must be at that commit.
 *
 * <p>The lab is opened with H2's {@code RETENTION_TIME=0}, so that freed space is reused at once
 * and the H2 2.5.252 fault (see {@link H2Repository}) would show within a few commits; with the
 * repository's own settings taken away, 1,336 of 1,500 such commits were not found in a run of the
 * same kind, and this test fails at its first check.
 */
class CrashPointTest {

    static final int COMMITS = 300;

    @TempDir
    Path dir;

    @Test
    void everyCommitIsFoundInTheFileAsACrashWouldLeaveIt() throws Exception {
        Path base = dir.resolve("lab");
        Random random = new Random(11);
        try (H2Repository repository = H2Repository.open("jdbc:h2:file:" + base + ";RETENTION_TIME=0")) {
            assertThat(repository.reusesSpace()).isFalse();
            Topology lab = Labs.commit(repository, Topology.empty(), "build", Labs::rich);
            assertThat(versionAfterACrash(base)).isEqualTo(lab.version());
            for (int i = 1; i <= COMMITS; i++) {
                lab = Labs.commit(repository, lab, "change " + i, change(lab, i, random));
                assertThat(versionAfterACrash(base)).as("a crash right after commit %d", lab.version())
                        .isEqualTo(lab.version());
            }
        }
    }

    @Test
    void closingTheLabGivesItsFreeSpaceBack() throws Exception {
        Path base = dir.resolve("lab");
        Path file = LabFile.dataFile(base);
        Random random = new Random(12);
        long whileOpen;
        try (H2Repository repository = H2Repository.open(base)) {
            Topology lab = Labs.commit(repository, Topology.empty(), "build", Labs::rich);
            for (int i = 1; i <= 1_000; i++) {
                lab = Labs.commit(repository, lab, "change " + i, change(lab, i, random));
            }
            whileOpen = Files.size(file);
        }
        long closed = Files.size(file);
        System.out.printf("1,000 commits: lab file %d KB while open, %d KB once closed%n", whileOpen / 1024,
                closed / 1024);
        assertThat(closed).as("the file after closing").isLessThan(whileOpen / 4);
        try (H2Repository reopened = H2Repository.open(base)) {
            assertThat(reopened.version()).isEqualTo(1_001);
            assertThat(reopened.reusesSpace()).isFalse();
        }
    }

    /** A change of a few rows: an attachment removed or put back, a description of varying length. */
    private static java.util.function.Consumer<Topology.Builder> change(Topology lab, int i, Random random) {
        return b -> {
            Attachment att = Labs.rich(Topology.empty().toBuilder()).build().attachment(attachmentId("att-2"))
                    .orElseThrow();
            if (lab.attachment(att.id()).isPresent()) {
                b.removeAttachment(att.id());
            } else {
                b.putAttachment(att);
            }
            InterfaceRecord.Builder web = lab.iface(Labs.vifWeb().id()).orElseThrow().toBuilder();
            web.description = "change " + i + " " + "x".repeat(random.nextInt(4_000));
            b.putInterface(web.build());
        };
    }

    /** Copies the lab file as it is now and opens the copy read-only, as H2 opens a file after a crash. */
    private long versionAfterACrash(Path base) throws SQLException, java.io.IOException {
        Path copy = dir.resolve("after-crash");
        Files.copy(LabFile.dataFile(base), LabFile.dataFile(copy), StandardCopyOption.REPLACE_EXISTING);
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + copy
                + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE;TRACE_LEVEL_FILE=0", "sa", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT COALESCE(MAX(version), 0) FROM journal")) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }
}
