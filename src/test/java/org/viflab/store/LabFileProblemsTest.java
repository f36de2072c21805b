package org.viflab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.viflab.model.InstanceId.instanceId;
import static org.viflab.model.InterfaceId.interfaceId;
import static org.viflab.model.SubnetId.subnetId;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.viflab.coordinator.Coordinator;
import org.viflab.coordinator.Fixture;
import org.viflab.coordinator.JournalEntry;
import org.viflab.coordinator.Repository.StoreException;
import org.viflab.coordinator.Request;
import org.viflab.coordinator.Submission;
import org.viflab.model.InstanceId;
import org.viflab.model.InterfaceId;
import org.viflab.model.Topology;

/**
 * Lab files that are not what they should be. Each is refused with a {@link StoreException} that
 * names the file and says what is wrong and what to do, and the file is left as it was, byte for
 * byte (its SHA-256 is compared before and after), with nothing added beside it. A lab of an older
 * schema is copied beside itself before it is upgraded.
 */
class LabFileProblemsTest {

    /** Random requests sent after the standard lab is built, so the file spans many H2 chunks. */
    private static final int REQUESTS = 400;

    @TempDir
    static Path originals;

    @TempDir
    Path dir;

    private static Path good;
    private static Topology goodTopology;
    private static List<JournalEntry> goodJournal;

    /** A lab with some history, closed: the original every damaged file is made from. */
    @BeforeAll
    static void writeAGoodLab() {
        Path base = originals.resolve("lab");
        try (H2Repository repository = H2Repository.open(base)) {
            Coordinator coordinator = new Coordinator(repository);
            for (Submission s : Fixture.standardRequests()) {
                coordinator.submit(s);
            }
            churn(REQUESTS, 7).forEach(coordinator::submit);
            goodTopology = repository.load();
            goodJournal = repository.journal();
        }
        good = LabFile.dataFile(base);
    }

    /**
     * The same {@code count} requests for the same seed: interfaces created, attached, detached,
     * given addresses, described and deleted in the standard lab, so the file is the same from run
     * to run and spans many H2 chunks.
     */
    static List<Submission> churn(int count, long seed) {
        Random random = new Random(seed);
        List<Submission> out = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            InterfaceId iface = interfaceId("vif-" + random.nextInt(12));
            InstanceId instance = instanceId(random.nextBoolean() ? "vm-1" : "vm-2");
            Request request = switch (random.nextInt(6)) {
                case 0 -> new Request.CreateInterface(Request.InterfaceSpec.inSubnet(subnetId(random.nextBoolean()
                        ? "web" : "db")).withId(iface).withDescription("churn " + i));
                case 1 -> new Request.DeleteInterface(iface);
                case 2 -> Request.Attach.attach(iface, instance);
                case 3 -> Request.Detach.interfaceOf(iface);
                case 4 -> new Request.AssignIps(iface, List.of(), 1, false);
                default -> new Request.ModifyInterface(iface, Optional.of("modified " + i), Optional.empty(),
                        Optional.empty(), Optional.empty());
            };
            out.add(Submission.as(Fixture.ALICE, request));
        }
        return out;
    }

    // ---- newer, older ------------------------------------------------------------------------------

    @Test
    void labSavedByANewerSchemaIsRefusedUntouched() throws Exception {
        Path base = copyOfGood("newer");
        sql(base, "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\","
                + " \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                + " VALUES (4, '4', 'from the future', 'SQL', 'V4__from_the_future.sql', 0, 'sa', 1, TRUE)",
                "UPDATE lab SET schema_version = 4");

        assertRefusedUntouched(base, "was saved by a newer VIF Lab", "lab schema version 4",
                "reads up to version 3", "Open it with a newer VIF Lab");
    }

    @Test
    void labWhoseLastUpgradeFailedIsRefusedUntouched() throws Exception {
        Path base = dir.resolve("half").resolve("lab");
        Files.createDirectories(base.getParent());
        migrateTo(base, "1");
        sql(base, "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\","
                + " \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                + " VALUES (2, '2', 'raw baseline scratch', 'SQL', 'V2__raw_baseline_scratch.sql', 0, 'sa', 1, FALSE)");

        assertRefusedUntouched(base, "was left half upgraded", "Restore the copy");
    }

    @Test
    void labAtSchemaVersionOneIsBackedUpThenUpgraded() throws Exception {
        Path base = dir.resolve("old").resolve("lab");
        Files.createDirectories(base.getParent());
        migrateTo(base, "1");
        Topology.Builder builder = Labs.rich(Topology.empty().toBuilder());
        Topology v1 = builder.version(1).build();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + base, "sa", "")) {
            c.setAutoCommit(false);
            TopologyWriter writer = new TopologyWriter(new Statements(c));
            writer.queue(v1, Set.copyOf(builder.touched()), true);
            writer.execute();
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE lab SET version = 1, id_sequence = 17");
                s.executeUpdate("INSERT INTO journal (version, principal_id, request, result, recorded_at,"
                        + " client_token) VALUES (1, 'operator', 'build the rich lab', 'ok', CURRENT_TIMESTAMP,"
                        + " 'token-1')");
            }
            c.commit();
        }
        Path file = LabFile.dataFile(base);
        String before = sha256(file);
        Instant opened = Instant.now().minusSeconds(1);

        try (H2Repository repository = H2Repository.open(base)) {
            assertThat(repository.schemaVersion()).isEqualTo(3);
            assertThat(repository.load()).isEqualTo(v1);
            assertThat(repository.journal()).extracting(JournalEntry::request).containsExactly("build the rich lab");
            assertThat(repository.findByClientToken("token-1")).map(JournalEntry::version).contains(1L);
        }

        List<Path> backups = backupsOf(file);
        assertThat(backups).hasSize(1);
        String name = backups.get(0).getFileName().toString();
        assertThat(name).matches("lab\\.mv\\.db\\.bak-v1-\\d{8}T\\d{6}Z");
        assertThat(sha256(backups.get(0))).as("the backup is the lab as it was").isEqualTo(before);
        assertThat(listing(base.getParent())).as("no temporary file is left")
                .containsExactlyInAnyOrder("lab.mv.db", name);
        assertThat(Instant.parse(name.replaceAll(".*-(\\d{4})(\\d{2})(\\d{2})T(\\d{2})(\\d{2})(\\d{2})Z$",
                "$1-$2-$3T$4:$5:$6Z"))).isAfterOrEqualTo(opened.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));

        // Opening the upgraded lab again makes no second backup.
        try (H2Repository again = H2Repository.open(base)) {
            assertThat(again.load()).isEqualTo(v1);
        }
        assertThat(backupsOf(file)).hasSize(1);

        // The backup is a working schema 1 lab: copied back, it upgrades the same way.
        Path restored = dir.resolve("restored").resolve("lab");
        Files.createDirectories(restored.getParent());
        Files.copy(backups.get(0), LabFile.dataFile(restored));
        try (H2Repository repository = H2Repository.open(restored)) {
            assertThat(repository.load()).isEqualTo(v1);
        }
    }

    @Test
    void upToDateLabIsNotBackedUp() throws Exception {
        Path base = copyOfGood("current");
        try (H2Repository repository = H2Repository.open(base)) {
            assertThat(repository.load()).isEqualTo(goodTopology);
            assertThat(repository.journal()).isEqualTo(goodJournal);
        }
        assertThat(listing(base.getParent())).containsExactly("lab.mv.db");
    }

    // ---- cut short, damaged, not a lab ----------------------------------------------------------

    @Test
    void emptyFileIsRefusedUntouched() throws Exception {
        Path base = dir.resolve("empty").resolve("lab");
        Files.createDirectories(base.getParent());
        Files.write(LabFile.dataFile(base), new byte[0]);

        assertRefusedUntouched(base, "is empty (0 bytes)", "Restore it from a backup");
    }

    /**
     * Every cut at a block boundary, and some in between. H2 itself opens some of these at an older
     * state without a word (the last commits lost); all must be refused.
     */
    @Test
    void fileCutShortAnywhereIsRefusedUntouched() throws Exception {
        byte[] bytes = Files.readAllBytes(good);
        Set<Integer> cuts = new TreeSet<>(List.of(1, 100, 4095, 4097, 8191, 8193, bytes.length / 2 + 123,
                bytes.length - 4097, bytes.length - 1));
        for (int cut = LabFile.BLOCK_SIZE; cut < bytes.length; cut += LabFile.BLOCK_SIZE) {
            cuts.add(cut);
        }
        int tried = 0;
        for (int cut : cuts) {
            Path base = dir.resolve("cut-" + cut).resolve("lab");
            Files.createDirectories(base.getParent());
            Files.write(LabFile.dataFile(base), Arrays.copyOf(bytes, cut));
            String message = assertRefusedUntouched(base);
            assertThat(message).as("cut at %d of %d", cut, bytes.length)
                    .containsAnyOf("is incomplete", "is damaged", "not an H2 database");
            tried++;
        }
        System.out.printf("cut short: %d files tried (lab of %d bytes), all refused%n", tried, bytes.length);
        assertThat(tried).isGreaterThan(20);
    }

    @Test
    void incompleteFileMessageSaysWhatToDo() throws Exception {
        byte[] bytes = Files.readAllBytes(good);
        Path base = dir.resolve("incomplete").resolve("lab");
        Files.createDirectories(base.getParent());
        Files.write(LabFile.dataFile(base), Arrays.copyOf(bytes, bytes.length - LabFile.BLOCK_SIZE));

        assertRefusedUntouched(base, "is incomplete", "bytes long", "cut short", "Restore it from a backup");
    }

    /**
     * Random garbage (1 to 512 bytes) written over the file at random places: the file is refused
     * untouched, or it opens and reads back in full. Never does it open and then fail to read.
     *
     * <p>What this cannot promise: H2 checks the structure of what it reads, not the content, so
     * damage that leaves every value well formed (a digit of an address, a letter of a description)
     * opens with that value changed. The test counts such files ("opened with other data") and
     * prints them rather than failing; in a run of 1,500 files 6 were of that kind, all of 1 to 4
     * bytes. {@code -Dviflab.damage.files} and {@code -Dviflab.damage.seed} run more or other files.
     */
    @Test
    void damagedFileIsRefusedUntouchedOrOpensReadable() throws Exception {
        byte[] bytes = Files.readAllBytes(good);
        Random random = new Random(Long.getLong("viflab.damage.seed", 20261125L));
        int refused = 0;
        int intact = 0;
        List<String> different = new java.util.ArrayList<>();
        List<String> unreadable = new java.util.ArrayList<>();
        int files = Integer.getInteger("viflab.damage.files", 100);
        for (int i = 0; i < files; i++) {
            byte[] damaged = bytes.clone();
            int length = 1 + random.nextInt(i % 3 == 0 ? 8 : 512);
            int at = random.nextInt(damaged.length - length);
            for (int j = 0; j < length; j++) {
                damaged[at + j] = (byte) random.nextInt(256);
            }
            Path base = dir.resolve("damaged-" + i).resolve("lab");
            Files.createDirectories(base.getParent());
            Files.write(LabFile.dataFile(base), damaged);
            String before = sha256(LabFile.dataFile(base));
            H2Repository repository;
            try {
                repository = H2Repository.open(base);
            } catch (StoreException e) {
                assertThat(e.getMessage()).contains(LabFile.dataFile(base).toString(), "The file was not changed.");
                assertThat(sha256(LabFile.dataFile(base))).as("damage at %d+%d", at, length).isEqualTo(before);
                refused++;
                continue;
            }
            try (repository) {
                Topology loaded;
                List<JournalEntry> journal;
                try {
                    loaded = repository.load();
                    journal = repository.journal();
                } catch (RuntimeException e) {
                    unreadable.add("damage at " + at + "+" + length + ": " + e);
                    continue;
                }
                if (loaded.equals(goodTopology) && journal.equals(goodJournal)) {
                    intact++;
                } else {
                    different.add("damage at " + at + "+" + length);
                }
            }
        }
        System.out.printf("damaged: %d files tried, %d refused, %d opened intact, %d opened with other data,"
                + " %d opened but unreadable%n", files, refused, intact, different.size(), unreadable.size());
        assertThat(unreadable).as("opened, then failed to read").isEmpty();
        assertThat(refused).isPositive();
    }

    @Test
    void damagedHeadersAreRefusedUntouched() throws Exception {
        byte[] bytes = Files.readAllBytes(good);
        byte[] damaged = bytes.clone();
        Arrays.fill(damaged, 0, 2 * LabFile.BLOCK_SIZE, (byte) 'x');
        damaged[0] = 'H';
        damaged[1] = ':';
        damaged[2] = '2';
        damaged[3] = ',';
        Path base = dir.resolve("headers").resolve("lab");
        Files.createDirectories(base.getParent());
        Files.write(LabFile.dataFile(base), damaged);

        assertRefusedUntouched(base, "is damaged", "Restore it from a backup");
    }

    @Test
    void filesThatAreNotH2DatabasesAreRefusedUntouched() throws Exception {
        Random random = new Random(3);
        byte[] noise = new byte[3 * LabFile.BLOCK_SIZE];
        random.nextBytes(noise);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
        List<byte[]> contents = List.of(
                "scenario: not a lab\ndescription: a scenario file saved under the wrong name\n"
                        .getBytes(StandardCharsets.UTF_8),
                "hello, I am a text file\n".repeat(500).getBytes(StandardCharsets.UTF_8),
                png, zip, noise, new byte[2 * LabFile.BLOCK_SIZE], new byte[]{'H'});
        int tried = 0;
        for (byte[] content : contents) {
            Path base = dir.resolve("other-" + tried++).resolve("lab");
            Files.createDirectories(base.getParent());
            Files.write(LabFile.dataFile(base), content);
            assertRefusedUntouched(base, "is not a VIF Lab lab: it is not an H2 database");
        }
        System.out.printf("not H2: %d files tried, all refused%n", tried);
    }

    @Test
    void h2DatabaseOfAnotherProgramIsRefusedUntouched() throws Exception {
        Path base = dir.resolve("notes").resolve("lab");
        Files.createDirectories(base.getParent());
        sql(base, "CREATE TABLE notes (id INT PRIMARY KEY, text VARCHAR)", "INSERT INTO notes VALUES (1, 'hello')");

        assertRefusedUntouched(base, "is an H2 database, but not a VIF Lab lab");
    }

    @Test
    void folderInPlaceOfTheFileIsRefused() throws Exception {
        Path base = dir.resolve("folder").resolve("lab");
        Files.createDirectories(LabFile.dataFile(base));

        assertRefusedUntouched(base, "is a folder");
    }

    // ---- in use, read-only ---------------------------------------------------------------------

    @Test
    void labOpenInThisVifLabIsRefusedUntouched() throws Exception {
        Path base = copyOfGood("twice");
        Path file = LabFile.dataFile(base);
        try (H2Repository first = H2Repository.open(base)) {
            String before = sha256(file);
            for (Path other : List.of(base, file, base.getParent().resolve(".").resolve("lab"),
                    dir.resolve("twice").resolve("..").resolve("twice").resolve("lab.mv.db"))) {
                assertThatThrownBy(() -> H2Repository.open(other))
                        .isInstanceOf(StoreException.class)
                        .hasMessage("The lab file " + file + " is already open in this VIF Lab. Use the window"
                                + " that has it open, or close the lab there first. The file was not changed.");
            }
            assertThat(sha256(file)).isEqualTo(before);
            assertThat(first.load()).isEqualTo(goodTopology);
        }
        try (H2Repository again = H2Repository.open(base)) {
            assertThat(again.load()).as("the refusals left no hold on the file").isEqualTo(goodTopology);
        }
    }

    @Test
    void labOpenThroughALinkIsTheSameLab() throws Exception {
        Path base = copyOfGood("linked");
        Path link = dir.resolve("link");
        try {
            Files.createSymbolicLink(link, base.getParent());
        } catch (UnsupportedOperationException | IOException e) {
            return;
        }
        try (H2Repository first = H2Repository.open(base)) {
            assertThatThrownBy(() -> H2Repository.open(link.resolve("lab")))
                    .isInstanceOf(StoreException.class).hasMessageContaining("is already open in this VIF Lab");
            assertThat(first.version()).isEqualTo(goodTopology.version());
        }
    }

    @Test
    void labOpenInAnotherProgramIsRefusedUntouched() throws Exception {
        Path base = copyOfGood("held");
        Path file = LabFile.dataFile(base);
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LabHolder.class.getName(), base.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).as("the other program opened the lab").isEqualTo("OPEN " + goodTopology.version());
            String before = sha256(file);
            Set<String> listing = listing(base.getParent());

            assertThatThrownBy(() -> H2Repository.open(base))
                    .isInstanceOf(StoreException.class)
                    .hasMessage("The lab file " + file + " is already open in another program (another VIF Lab, or"
                            + " an H2 console). Close it there, then open it again. The file was not changed.");

            assertThat(sha256(file)).isEqualTo(before);
            assertThat(listing(base.getParent())).isEqualTo(listing);
            try (OutputStream in = holder.getOutputStream()) {
                in.flush();
            }
            assertThat(out.readLine()).isEqualTo("CLOSED");
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            holder.destroyForcibly();
        }
        try (H2Repository repository = H2Repository.open(base)) {
            assertThat(repository.load()).as("once the other program let go, the lab opens").isEqualTo(goodTopology);
        }
    }

    @Test
    void readOnlyLabIsRefusedUntouched() throws Exception {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Path base = copyOfGood("read-only");
        Path file = LabFile.dataFile(base);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        try {
            assertRefusedUntouched(base, "is read-only", "Make the file writable");
        } finally {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
        try (H2Repository repository = H2Repository.open(base)) {
            assertThat(repository.load()).isEqualTo(goodTopology);
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    /**
     * Opens {@code base}, expects a refusal naming its file, and checks that the file and its folder
     * are as they were.
     *
     * @return the message
     */
    private String assertRefusedUntouched(Path base, String... phrases) throws Exception {
        Path file = LabFile.dataFile(base);
        String before = Files.isRegularFile(file) ? sha256(file) : "";
        Set<String> listing = listing(base.getParent());
        StoreException refusal = null;
        try (H2Repository opened = H2Repository.open(base)) {
            fail("%s was opened (version %d)", file, opened.version());
        } catch (StoreException e) {
            refusal = e;
        }
        String message = refusal.getMessage();
        assertThat(message).startsWith("The lab file " + file + " ").endsWith(" The file was not changed.");
        if (phrases.length > 0) {
            assertThat(message).contains(phrases);
        }
        assertThat(Files.isRegularFile(file) ? sha256(file) : "").as("the file's bytes").isEqualTo(before);
        assertThat(listing(base.getParent())).as("the folder's files").isEqualTo(listing);
        return message;
    }

    private Path copyOfGood(String folder) throws IOException {
        Path base = dir.resolve(folder).resolve("lab");
        Files.createDirectories(base.getParent());
        Files.copy(good, LabFile.dataFile(base));
        return base;
    }

    private static void migrateTo(Path base, String target) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + base);
        dataSource.setUser("sa");
        dataSource.setPassword("");
        Migrations.configure(dataSource).target(target).load().migrate();
    }

    private static void sql(Path base, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + base, "sa", "");
             Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static List<Path> backupsOf(Path file) throws IOException {
        try (Stream<Path> files = Files.list(file.getParent())) {
            return files.filter(p -> p.getFileName().toString().startsWith(file.getFileName() + ".bak-")).toList();
        }
    }

    private static Set<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return new TreeSet<>(files.map(p -> p.getFileName().toString()).toList());
        }
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
