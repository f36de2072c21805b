package org.viflab.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcDataSource;
import org.viflab.coordinator.Repository.StoreException;
import org.viflab.model.Sentence;
import org.viflab.model.Topology;

/**
 * A lab file on disk ({@code <name>.mv.db}), looked at before H2 opens it for writing.
 *
 * <p>H2 opens nearly anything it is given: a file cut short is opened at an older state (losing the
 * last commits for good as soon as it writes), a damaged one may be "recovered", a file of another
 * program may be turned into a lab, and a failed open can leave the file locked inside the JVM. So
 * before the repository opens a lab file, {@link #inspect} checks it without writing a byte of it:
 * it refuses a file that is empty, read-only, held by another program, not an H2 database, shorter
 * than its own header says, unreadable in any row, not a VIF Lab lab, or saved by a newer VIF Lab.
 * The H2 part of the check runs on a private copy of the file, opened read-only, so that whatever
 * H2 does with a damaged file happens to the copy.
 *
 * <p>Every refusal is a {@link StoreException} whose message names the file, says in plain words
 * what is wrong and what to do, and ends with "The file was not changed."
 *
 * <p>A lab whose schema is older than this build's is upgraded by the repository after
 * {@link #backUp} has put a copy of it next to it ({@code lab.mv.db.bak-v1-20261125T101530Z}).
 */
final class LabFile {

    /** The size of an H2 MVStore block: files grow by whole blocks and chunks start on them. */
    static final int BLOCK_SIZE = 4096;
    static final String SUFFIX = ".mv.db";

    /** What the inspection found. */
    enum State {
        /** No file yet: the repository creates a new lab there. */
        NEW,
        /** An H2 database with nothing in it (a lab whose creation stopped before its schema). */
        BLANK,
        /** A lab at this build's schema version. */
        CURRENT,
        /** A lab at an older schema version: back it up, then upgrade it. */
        OLDER
    }

    /**
     * @param schemaVersion the last migration applied to the file (0 for {@code NEW} and {@code BLANK})
     * @param lab           the lab as the check read it through the model ({@code CURRENT} only): the
     *                      repository starts from it instead of reading the file a second time, when
     *                      the file is still at the same version
     */
    record Inspection(Path file, State state, int schemaVersion, Optional<Topology> lab) {
        Inspection(Path file, State state, int schemaVersion) {
            this(file, state, schemaVersion, Optional.empty());
        }
    }

    private static final DateTimeFormatter BACKUP_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private LabFile() {
    }

    /** The data file H2 keeps for the database {@code base} ({@code base.mv.db}). */
    static Path dataFile(Path base) {
        return base.resolveSibling(base.getFileName() + SUFFIX);
    }

    /**
     * The same file whatever path leads to it (symbolic links, {@code ..}, letter case on file
     * systems that ignore it), so that two paths to one lab are recognised as one.
     */
    static Path identity(Path dataFile) {
        Path absolute = dataFile.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (IOException missing) {
            Path parent = absolute.getParent();
            try {
                return parent == null ? absolute : parent.toRealPath().resolve(absolute.getFileName());
            } catch (IOException alsoMissing) {
                return absolute;
            }
        }
    }

    // ---- inspecting ------------------------------------------------------------------------------

    /**
     * Looks at {@code dataFile} without changing it.
     *
     * @throws StoreException if the file must not be opened; the file is untouched
     */
    static Inspection inspect(Path dataFile) {
        if (!Files.exists(dataFile, LinkOption.NOFOLLOW_LINKS) && !Files.exists(dataFile)) {
            return new Inspection(dataFile, State.NEW, 0);
        }
        if (Files.isDirectory(dataFile)) {
            throw refuse(dataFile, Sentence.of(Refusal.IS_FOLDER));
        }
        if (!Files.isRegularFile(dataFile)) {
            throw refuse(dataFile, Sentence.of(Refusal.NOT_REGULAR_FILE));
        }
        long size = size(dataFile);
        if (size == 0) {
            throw refuse(dataFile, Sentence.of(Refusal.EMPTY));
        }
        if (isReadOnly(dataFile)) {
            throw refuse(dataFile, Sentence.of(Refusal.READ_ONLY));
        }
        Path copy = null;
        try {
            copy = Files.createTempFile("viflab-check-", SUFFIX);
            copyUnderSharedLock(dataFile, copy);
            return inspectCopy(dataFile, copy);
        } catch (IOException e) {
            throw new StoreException(Sentence.of(Refusal.CANNOT_BE_READ, dataFile, e.getMessage()), e);
        } finally {
            deleteQuietly(copy);
        }
    }

    /**
     * Copies the file while holding a shared lock on it, after checking its H2 header against its
     * length. A program that has the lab open (H2 holds an exclusive lock while it has a database
     * open) makes the lock fail: the file is in use.
     */
    private static void copyUnderSharedLock(Path dataFile, Path copy) throws IOException {
        try (FileChannel source = FileChannel.open(dataFile, StandardOpenOption.READ)) {
            FileLock lock;
            try {
                lock = source.tryLock(0, Long.MAX_VALUE, true);
            } catch (OverlappingFileLockException e) {
                throw refuse(dataFile, Sentence.of(Refusal.OPEN_HERE));
            }
            if (lock == null) {
                throw refuse(dataFile, Sentence.of(Refusal.OPEN_ELSEWHERE));
            }
            try {
                // Measured under the lock: another program may have written to it a moment ago.
                long size = source.size();
                checkHeader(dataFile, source, size);
                try (FileChannel target = FileChannel.open(copy, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    long done = 0;
                    while (done < size) {
                        long n = source.transferTo(done, size - done, target);
                        if (n <= 0) {
                            throw new IOException("the file shrank while it was being read");
                        }
                        done += n;
                    }
                }
            } finally {
                lock.release();
            }
        }
    }

    /**
     * An H2 file begins with two copies of a text header ({@code H:2,block:4b,...,chunk:48,...});
     * {@code block} is where the chunk holding the last saved state begins, and that chunk's own
     * header gives its length in blocks. H2 opens a file that ends before that chunk ends at an
     * older state, silently; this check refuses it instead.
     */
    private static void checkHeader(Path dataFile, FileChannel channel, long size) throws IOException {
        ByteBuffer start = ByteBuffer.allocate((int) Math.min(size, 2L * BLOCK_SIZE));
        readFully(channel, start, 0);
        String first = new String(start.array(), 0, Math.min(start.limit(), 4), StandardCharsets.ISO_8859_1);
        if (!first.equals("H:2,")) {
            throw refuse(dataFile, Sentence.of(Refusal.NOT_H2));
        }
        if (size < 2L * BLOCK_SIZE) {
            throw truncated(dataFile, size, 2L * BLOCK_SIZE);
        }
        Optional<Map<String, String>> header = newer(fields(start.array(), 0), fields(start.array(), BLOCK_SIZE));
        if (header.isEmpty()) {
            // Neither copy of the header reads: leave the verdict to H2, which reports the damage.
            return;
        }
        long block = hex(header.get().get("block"));
        long chunk = hex(header.get().get("chunk"));
        if (block < 2 || chunk < 0) {
            return;
        }
        long chunkStart = block * BLOCK_SIZE;
        if (size < chunkStart + BLOCK_SIZE) {
            throw truncated(dataFile, size, chunkStart + BLOCK_SIZE);
        }
        ByteBuffer chunkHeader = ByteBuffer.allocate(BLOCK_SIZE);
        readFully(channel, chunkHeader, chunkStart);
        Map<String, String> chunkFields = fields(chunkHeader.array(), 0);
        if (hex(chunkFields.get("chunk")) == chunk) {
            long length = hex(chunkFields.get("len"));
            if (length > 0 && size < chunkStart + length * BLOCK_SIZE) {
                throw truncated(dataFile, size, chunkStart + length * BLOCK_SIZE);
            }
        }
    }

    private static StoreException truncated(Path dataFile, long size, long needed) {
        return refuse(dataFile, Sentence.of(Refusal.INCOMPLETE, size, needed));
    }

    /** The {@code key:value} pairs of the text at {@code offset}, up to the first line end or NUL. */
    private static Map<String, String> fields(byte[] bytes, int offset) {
        Map<String, String> out = new HashMap<>();
        if (offset >= bytes.length) {
            return out;
        }
        int end = offset;
        while (end < bytes.length && end < offset + BLOCK_SIZE && bytes[end] != '\n' && bytes[end] != 0) {
            end++;
        }
        String text = new String(bytes, offset, end - offset, StandardCharsets.ISO_8859_1);
        for (String pair : text.split(",")) {
            int colon = pair.indexOf(':');
            if (colon > 0) {
                out.put(pair.substring(0, colon).trim(), pair.substring(colon + 1).trim());
            }
        }
        return out;
    }

    /** Of two copies of the store header, the one describing the later version; empty if neither reads. */
    private static Optional<Map<String, String>> newer(Map<String, String> a, Map<String, String> b) {
        boolean aReads = hex(a.get("block")) >= 0 && hex(a.get("chunk")) >= 0;
        boolean bReads = hex(b.get("block")) >= 0 && hex(b.get("chunk")) >= 0;
        if (aReads && bReads) {
            return Optional.of(hex(b.get("version")) > hex(a.get("version")) ? b : a);
        }
        return aReads ? Optional.of(a) : bReads ? Optional.of(b) : Optional.empty();
    }

    private static long hex(String text) {
        if (text == null || text.isEmpty() || text.length() > 15) {
            return -1;
        }
        try {
            return Long.parseLong(text, 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                break;
            }
            at += n;
        }
        buffer.flip();
    }

    /** Opens the private copy read-only and reads all of it: H2 checks every page it reads. */
    private static Inspection inspectCopy(Path dataFile, Path copy) {
        String name = copy.getFileName().toString();
        Path base = copy.resolveSibling(name.substring(0, name.length() - SUFFIX.length()));
        JdbcDataSource readOnly = new JdbcDataSource();
        // IFEXISTS: never create; ACCESS_MODE_DATA=r: never write; no trace file beside the copy.
        readOnly.setURL("jdbc:h2:file:" + base + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE;TRACE_LEVEL_FILE=0");
        readOnly.setUser("sa");
        readOnly.setPassword("");
        try (Connection connection = readOnly.getConnection()) {
            Set<String> tables = tables(connection);
            if (tables.isEmpty()) {
                return new Inspection(dataFile, State.BLANK, 0);
            }
            if (!tables.contains("flyway_schema_history") || !tables.contains("LAB")) {
                throw refuse(dataFile, Sentence.of(Refusal.NO_LAB_TABLE));
            }
            Versions versions = schemaVersions(dataFile, connection, readOnly);
            Set<String> expected = Migrations.shape(versions.applied());
            Set<String> found = Migrations.shape(connection);
            if (!found.equals(expected)) {
                Set<String> missing = new java.util.TreeSet<>(expected);
                missing.removeAll(found);
                Set<String> extra = new java.util.TreeSet<>(found);
                extra.removeAll(expected);
                throw refuse(dataFile, Sentence.of(Refusal.WRONG_TABLES, versions.applied(),
                        missing.isEmpty() ? Sentence.verbatim("") : Sentence.of(Refusal.TABLES_MISSING, brief(missing)),
                        extra.isEmpty() ? Sentence.verbatim("") : Sentence.of(Refusal.TABLES_UNEXPECTED, brief(extra))));
            }
            for (String table : tables) {
                readEveryRow(dataFile, connection, table);
            }
            if (versions.applied() < versions.latest()) {
                return new Inspection(dataFile, State.OLDER, versions.applied());
            }
            return new Inspection(dataFile, State.CURRENT, versions.applied(), Optional.of(readAsALab(dataFile, connection)));
        } catch (SQLException e) {
            throw refuse(dataFile, unreadable(e));
        }
    }

    private static Set<String> tables(Connection connection) throws SQLException {
        Set<String> tables = new java.util.TreeSet<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                     + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    /** The last migration applied to a lab, and the last one this build knows. */
    private record Versions(int applied, int latest) {
    }

    /**
     * The last migration applied to the lab; refuses a lab saved by a newer build (it has migrations
     * this build does not know, or says so in its {@code lab} row) and one whose last upgrade failed.
     */
    private static Versions schemaVersions(Path dataFile, Connection connection, JdbcDataSource readOnly)
            throws SQLException {
        MigrationInfoService info;
        try {
            info = Migrations.configure(readOnly).load().info();
        } catch (FlywayException e) {
            throw new StoreException(Sentence.of(Refusal.SCHEMA_HISTORY_UNREADABLE, dataFile, firstLine(e.getMessage())),
                    e);
        }
        int latest = Migrations.latest(info);
        int newest = storedSchemaVersion(connection);
        for (MigrationInfo migration : info.all()) {
            if (migration.getVersion() != null && migration.getState().isApplied()) {
                newest = Math.max(newest, Migrations.number(migration));
            }
        }
        if (newest > latest) {
            throw refuse(dataFile, Sentence.of(Refusal.NEWER_SCHEMA, newest, latest));
        }
        for (MigrationInfo migration : info.all()) {
            if (migration.getState().isFailed()) {
                throw refuse(dataFile, Sentence.of(Refusal.HALF_UPGRADED, migration.getVersion(),
                        dataFile.getFileName()));
            }
        }
        MigrationInfo current = info.current();
        return new Versions(current == null || current.getVersion() == null ? 0 : Migrations.number(current), latest);
    }

    private static int storedSchemaVersion(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT MAX(schema_version) FROM lab")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /**
     * Reads every value of {@code table}. H2 checks the structure of what it reads, not the content,
     * so a damaged row may still read; a value whose type is not its column's gives it away.
     */
    private static void readEveryRow(Path dataFile, Connection connection, String table) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM \"" + table.replace("\"", "\"\"") + "\"")) {
            ResultSetMetaData meta = rs.getMetaData();
            int columns = meta.getColumnCount();
            Class<?>[] types = new Class<?>[columns + 1];
            for (int i = 1; i <= columns; i++) {
                types[i] = classOf(meta.getColumnClassName(i));
            }
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    Object value = rs.getObject(i);
                    if (value != null && !types[i].isInstance(value)) {
                        throw refuse(dataFile, Sentence.of(Refusal.DAMAGED_COLUMN, table,
                                value.getClass().getSimpleName(), meta.getColumnName(i)));
                    }
                }
            }
        }
    }

    /** The class JDBC says a column's values have; {@code Object} when it names none we can load. */
    private static Class<?> classOf(String className) {
        try {
            return Class.forName(className, false, LabFile.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError | NullPointerException e) {
            return Object.class;
        }
    }

    /** Reads the lab as the repository will: every object through the model, and the journal. */
    private static Topology readAsALab(Path dataFile, Connection connection) throws SQLException {
        Statements statements = new Statements(connection);
        try {
            Topology lab = new TopologyReader(statements).read();
            try (ResultSet rs = statements.get(H2Repository.SELECT_JOURNAL + " ORDER BY version").executeQuery()) {
                while (rs.next()) {
                    H2Repository.journalEntry(rs);
                }
            }
            return lab;
        } catch (RuntimeException e) {
            throw refuse(dataFile, Sentence.of(Refusal.DAMAGED_VALUE, firstLine(e.getMessage())));
        } finally {
            statements.close();
        }
    }

    // ---- backing up -------------------------------------------------------------------------------

    /**
     * Copies the lab file to {@code <name>.bak-v<version>-<time>} beside it before an upgrade. The
     * copy is written under a temporary name, forced to disk and then renamed, so a backup that exists
     * is complete.
     *
     * @throws StoreException if no backup could be made; the lab file is untouched then
     */
    static Path backUp(Path dataFile, int fromVersion, Instant now) {
        String stem = dataFile.getFileName() + ".bak-v" + fromVersion + "-" + BACKUP_TIME.format(now);
        Path partial = dataFile.resolveSibling(stem + ".partial");
        try {
            Path backup = dataFile.resolveSibling(stem);
            for (int n = 2; Files.exists(backup, LinkOption.NOFOLLOW_LINKS); n++) {
                backup = dataFile.resolveSibling(stem + "-" + n);
            }
            try (FileChannel source = FileChannel.open(dataFile, StandardOpenOption.READ);
                 FileChannel target = FileChannel.open(partial, StandardOpenOption.CREATE_NEW,
                         StandardOpenOption.WRITE)) {
                long size = source.size();
                long done = 0;
                while (done < size) {
                    long n = source.transferTo(done, size - done, target);
                    if (n <= 0) {
                        throw new IOException("the lab file shrank while it was being copied");
                    }
                    done += n;
                }
                target.force(true);
            }
            try {
                Files.move(partial, backup, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, backup);
            }
            return backup;
        } catch (FileAlreadyExistsException e) {
            throw new StoreException(Sentence.of(Refusal.UPGRADE_UNDER_WAY, dataFile, fromVersion,
                    partial.getFileName()), e);
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new StoreException(Sentence.of(Refusal.UPGRADE_COPY_FAILED, dataFile, fromVersion,
                    e.getMessage()), e);
        }
    }

    // ---- messages ---------------------------------------------------------------------------------

    /** The lab file refused, with what is wrong with it ({@code what}: a {@link Refusal} fragment). */
    static StoreException refuse(Path dataFile, Sentence what) {
        return new StoreException(Sentence.of(Refusal.LAB_FILE, dataFile, what), null);
    }

    /** What an H2 error on opening or reading a lab file means, in plain words. */
    static Sentence unreadable(SQLException e) {
        return switch (e.getErrorCode()) {
            case ErrorCode.DATABASE_ALREADY_OPEN_1 -> Sentence.of(Refusal.OPEN_ELSEWHERE);
            case ErrorCode.FILE_VERSION_ERROR_1 -> Sentence.of(Refusal.OLD_H2_FORMAT, firstLine(e.getMessage()));
            case ErrorCode.FILE_ENCRYPTION_ERROR_1, ErrorCode.WRONG_USER_OR_PASSWORD -> Sentence.of(Refusal.ENCRYPTED);
            case ErrorCode.DATABASE_IS_READ_ONLY -> Sentence.of(Refusal.H2_READ_ONLY);
            default -> Sentence.of(Refusal.DAMAGED, firstLine(e.getMessage()));
        };
    }

    private static String brief(Set<String> items) {
        List<String> first = items.stream().limit(3).toList();
        return String.join(", ", first) + (items.size() > first.size() ? ", …" : "");
    }

    static String firstLine(String text) {
        if (text == null) {
            return "no details";
        }
        String line = text.lines().findFirst().orElse(text).trim();
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }

    // ---- files ---------------------------------------------------------------------------------------

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new StoreException(Sentence.of(Refusal.CANNOT_BE_READ, file, e.getMessage()), e);
        }
    }

    /**
     * Read-only for the user: not writable, or (on POSIX systems) without the owner's write
     * permission. The second test matters for an administrator, whom the system lets write anyway: a
     * file someone marked read-only is meant to stay as it is.
     */
    static boolean isReadOnly(Path file) {
        if (!Files.isWritable(file)) {
            return true;
        }
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix == null) {
            return false;
        }
        try {
            Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
            return !permissions.contains(PosixFilePermission.OWNER_WRITE);
        } catch (IOException e) {
            return false;
        }
    }

    /** The temporary copy, and any file H2 may have put beside it. */
    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        List<Path> leftovers = new ArrayList<>(List.of(file));
        String name = file.getFileName().toString();
        if (name.endsWith(SUFFIX)) {
            String base = name.substring(0, name.length() - SUFFIX.length());
            leftovers.add(file.resolveSibling(base + ".trace.db"));
            leftovers.add(file.resolveSibling(base + ".lock.db"));
        }
        for (Path leftover : leftovers) {
            try {
                Files.deleteIfExists(leftover);
            } catch (NoSuchFileException ignored) {
                // Gone already.
            } catch (IOException e) {
                leftover.toFile().deleteOnExit();
            }
        }
    }
}
