package org.viflab.store;

import static org.viflab.store.Statements.bind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.flywaydb.core.api.FlywayException;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.db.Store;
import org.viflab.coordinator.JournalEntry;
import org.viflab.coordinator.Repository;
import org.viflab.model.PrincipalId;
import org.viflab.model.Sentence;
import org.viflab.model.Topology;

/**
 * The lab's desired state in an embedded H2 database: a file for a real lab, {@code jdbc:h2:mem:}
 * for tests. The schema is created and upgraded by the Flyway migrations in {@code db/migration}.
 *
 * <p>Every commit is written to the database file before {@link #commit} returns: the repository
 * opens H2 with {@code WRITE_DELAY=0} (H2 otherwise keeps up to a second of commits in memory) and
 * refuses to open a database where the setting did not take; {@link #writeDelay()} reads it back.
 * H2 does not force the operating system to flush its cache at each commit, so an acknowledged
 * commit survives the application being killed, not the machine losing power.
 *
 * <p>The repository also opens H2 with {@code REUSE_SPACE=FALSE}, so that every commit is appended at
 * the end of the file while the lab is open, and lets H2 reuse (compact) the space only when the
 * last repository of the file closes. The reason is a fault of H2 2.5.252: when it writes a commit
 * into free space inside the file, the header it writes to find that commit after a crash still
 * names the commit before, so a crash at that moment silently loses the last acknowledged commit
 * (in a test of 1,500 commits with space reused at once, 1,336 would have been lost; H2 2.3.232 does
 * not do this). A commit at the end of the file is found after a crash without the header.
 * {@link #reusesSpace()} reads the setting back.
 *
 * <p>One repository holds one connection; its methods may be called from several threads and run
 * one at a time. Several repositories may open the same database in the same JVM through its
 * {@code jdbc:h2:} URL ({@link #url()}): each commit checks the lab's version, so a writer working
 * from a stale snapshot gets a {@link Repository.ConcurrentChangeException} instead of overwriting
 * the other's change.
 *
 * <p>A lab <em>file</em> opened by its path ({@link #open(Path)}) is checked before H2 may write to
 * it, and is refused with a {@link StoreException} that names it and says what to do when it is
 * empty, read-only, already open (in this VIF Lab or in another program), not an H2 database, cut
 * short, damaged, not a lab, or saved by a newer VIF Lab; the file is not changed then. A lab of an
 * older schema is copied beside itself ({@code lab.mv.db.bak-v1-<time>}) before it is upgraded. A
 * file is open in one repository at a time: opening it again by path while it is open is refused.
 * A {@code jdbc:h2:} URL ({@link #open(String)}) reaches the database as H2 does, without these
 * checks and shared with other repositories of the same JVM; it is meant for tests and tools.
 */
public final class H2Repository implements Repository {

    /** Appended to every URL: commits reach the file at once instead of up to a second later. */
    private static final String DURABLE_COMMITS = ";WRITE_DELAY=0";
    /**
     * Appended to the URL of a file: each commit at the end of the file, where H2 finds it after a
     * crash (see the class comment). H2 refuses the setting for an in-memory database.
     */
    private static final String COMMITS_AT_THE_END = ";REUSE_SPACE=FALSE";
    private static final String USER = "sa";
    private static final String H2_URL_PREFIX = "jdbc:h2:";
    private static final String H2_MEMORY_PREFIX = "jdbc:h2:mem:";
    private static final String H2_FILE_SUFFIX = ".mv.db";

    /** The lab's version is its newest journal entry's (0 for a lab with none). */
    private static final String SELECT_VERSION = "SELECT COALESCE(MAX(version), 0) FROM journal";
    private static final String INSERT_JOURNAL = "INSERT INTO journal (version, id_sequence, principal_id, request,"
            + " result, recorded_at, client_token) VALUES (?, ?, ?, ?, ?, ?, ?)";
    /** H2's "unique index or primary key violation". */
    private static final String DUPLICATE_KEY = "23505";
    private static final String INSERT_CLIENT_TOKEN = "INSERT INTO client_tokens (client_token, version) VALUES (?, ?)";
    static final String SELECT_JOURNAL = "SELECT version, principal_id, request, result, recorded_at,"
            + " client_token FROM journal";
    private static final String SELECT_BY_CLIENT_TOKEN = "SELECT j.version, j.principal_id, j.request, j.result,"
            + " j.recorded_at, j.client_token FROM client_tokens t JOIN journal j ON j.version = t.version"
            + " WHERE t.client_token = ?";

    /**
     * Flyway logs each routine check of an up-to-date schema at INFO through java.util.logging,
     * which would print half a dozen lines on every open (every CLI command). Its warnings and
     * errors still show. The field holds the logger so that the level is not lost with it.
     */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    static {
        if (FLYWAY_LOG.getLevel() == null) {
            FLYWAY_LOG.setLevel(Level.WARNING);
        }
    }

    /**
     * The lab files open in this JVM, by {@link LabFile#identity}, with how many repositories hold
     * each: a path open needs the file to itself; URL opens only count, so that a path open never
     * touches a file H2 already has open here (closing any channel of a file would drop H2's lock).
     */
    private static final Map<Path, Integer> OPEN_FILES = new ConcurrentHashMap<>();

    private final String url;
    private final Connection connection;
    private final Statements statements;
    private final TopologyReader reader;
    private final TopologyWriter writer;
    private final ReentrantLock lock = new ReentrantLock();
    private Path openFile;
    private boolean closed;
    /** The lab as the file check read it from its copy, for the first {@link #load()}; then null. */
    private Topology inspected;

    private H2Repository(String url, Connection connection) {
        this.url = url;
        this.connection = connection;
        this.statements = new Statements(connection);
        this.reader = new TopologyReader(statements);
        this.writer = new TopologyWriter(statements);
    }

    // ---- opening ---------------------------------------------------------------------------

    /** A fresh, empty lab in memory, under a name of its own; it disappears when closed. */
    public static H2Repository inMemory() {
        return connect(H2_MEMORY_PREFIX + "viflab-" + UUID.randomUUID(), Optional.empty(), Optional.empty());
    }

    /**
     * The lab in the H2 file {@code file} ({@code file.mv.db} on disk; a name that already ends in
     * {@code .mv.db} is taken as is), created with its folders if missing.
     *
     * <p>An existing file is checked first, without being changed (see the class comment); a lab of
     * an older schema is backed up beside itself, then upgraded.
     *
     * @throws StoreException if the file cannot be opened as a lab; its message names the file, says
     *                        what is wrong and what to do
     */
    public static H2Repository open(Path file) {
        return open(file, LabFile::inspect);
    }

    /** {@link #open(Path)} with the file check given, so tests can change the file right after it. */
    static H2Repository open(Path file, java.util.function.Function<Path, LabFile.Inspection> check) {
        Objects.requireNonNull(file, "file");
        Path base = file.toAbsolutePath().normalize();
        String name = base.getFileName() == null ? "" : base.getFileName().toString();
        if (name.endsWith(H2_FILE_SUFFIX)) {
            base = base.resolveSibling(name.substring(0, name.length() - H2_FILE_SUFFIX.length()));
        }
        if (base.toString().contains(";")) {
            // H2 reads what follows a ';' in its URL as settings: the file would be another one.
            throw new StoreException(Sentence.of(Refusal.PATH_HAS_SEMICOLON, file), null);
        }
        try {
            Path parent = base.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException("cannot create the folder for the lab " + base, e);
        }
        Path dataFile = LabFile.dataFile(base);
        Path identity = LabFile.identity(dataFile);
        if (OPEN_FILES.putIfAbsent(identity, 1) != null) {
            throw LabFile.refuse(dataFile, Sentence.of(Refusal.OPEN_HERE));
        }
        try {
            LabFile.Inspection inspection = check.apply(dataFile);
            Optional<Path> backup = Optional.empty();
            if (inspection.state() == LabFile.State.OLDER) {
                backup = Optional.of(LabFile.backUp(dataFile, inspection.schemaVersion(), Instant.now()));
            }
            H2Repository repository = connect(H2_URL_PREFIX + "file:" + base, Optional.of(inspection), backup);
            repository.openFile = identity;
            repository.inspected = inspection.lab().orElse(null);
            return repository;
        } catch (RuntimeException e) {
            OPEN_FILES.remove(identity);
            throw e;
        }
    }

    /**
     * The lab at {@code jdbcUrlOrPath}: a {@code jdbc:h2:} URL (without a {@code WRITE_DELAY}
     * setting, which the repository sets itself), or a file path as for {@link #open(Path)}, where
     * a leading {@code ~} stands for the user's home folder.
     */
    public static H2Repository open(String jdbcUrlOrPath) {
        Objects.requireNonNull(jdbcUrlOrPath, "jdbcUrlOrPath");
        String text = jdbcUrlOrPath.trim();
        if (text.isEmpty()) {
            throw new StoreException(Sentence.of(Refusal.NO_LAB_NAMED), null);
        }
        if (text.regionMatches(true, 0, "jdbc:", 0, 5)) {
            if (!text.regionMatches(true, 0, H2_URL_PREFIX, 0, H2_URL_PREFIX.length())) {
                throw new StoreException(Sentence.of(Refusal.NOT_H2_URL, text), null);
            }
            for (String setting : List.of("WRITE_DELAY", "REUSE_SPACE")) {
                if (text.toUpperCase(Locale.ROOT).contains(setting)) {
                    throw new StoreException(Sentence.of(Refusal.URL_SETS_SETTING, text, setting), null);
                }
            }
            if (text.regionMatches(true, 0, H2_MEMORY_PREFIX, 0, H2_MEMORY_PREFIX.length())
                    && text.substring(H2_MEMORY_PREFIX.length()).split(";", -1)[0].isBlank()) {
                // Each connection to an unnamed one gets a database of its own, so the schema
                // would be created where the repository never looks.
                throw new StoreException(Sentence.of(Refusal.UNNAMED_MEMORY_URL, text), null);
            }
            H2Repository repository = connect(text, Optional.empty(), Optional.empty());
            fileOfUrl(text).ifPresent(identity -> {
                OPEN_FILES.merge(identity, 1, Integer::sum);
                repository.openFile = identity;
            });
            return repository;
        }
        if (text.equals("~") || text.startsWith("~/") || text.startsWith("~\\")) {
            text = System.getProperty("user.home") + text.substring(1);
        }
        Path file;
        try {
            file = Path.of(text);
        } catch (InvalidPathException e) {
            throw new StoreException(Sentence.of(Refusal.PATH_UNUSABLE, printable(text), e.getReason()), e);
        }
        return open(file);
    }

    /** The text with control characters (a NUL, a line break) shown as escapes, for a message. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format(Locale.ROOT, "\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /**
     * Where the default lab lives: {@code <home>/labs/default}, where {@code <home>} is the system
     * property {@code viflab.home}, else the environment variable {@code VIFLAB_HOME}, else
     * {@code ~/.viflab}. Pass it to {@link #open(Path)}.
     */
    public static Path defaultLabPath() {
        return defaultLabPath(System.getProperty("viflab.home"), System.getenv("VIFLAB_HOME"),
                System.getProperty("user.home"));
    }

    static Path defaultLabPath(String property, String environment, String userHome) {
        Path home;
        if (property != null && !property.isBlank()) {
            home = Path.of(property.trim());
        } else if (environment != null && !environment.isBlank()) {
            home = Path.of(environment.trim());
        } else {
            home = Path.of(userHome, ".viflab");
        }
        return home.resolve("labs").resolve("default");
    }

    /** The data file of a {@code jdbc:h2:file:} URL, if it is one. */
    private static Optional<Path> fileOfUrl(String url) {
        if (!url.regionMatches(true, 0, H2_URL_PREFIX + "file:", 0, H2_URL_PREFIX.length() + 5)) {
            return Optional.empty();
        }
        String path = url.substring(H2_URL_PREFIX.length() + 5).split(";", -1)[0];
        if (path.equals("~") || path.startsWith("~/") || path.startsWith("~\\")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        try {
            return Optional.of(LabFile.identity(LabFile.dataFile(Path.of(path).toAbsolutePath().normalize())));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Opens the database at {@code url} read-write and brings its schema up to date.
     *
     * @param inspection what {@link LabFile#inspect} found, for a lab file opened by path
     * @param backup     the copy made before an upgrade, named in the message if the upgrade fails
     */
    private static H2Repository connect(String url, Optional<LabFile.Inspection> inspection, Optional<Path> backup) {
        JdbcDataSource dataSource = new JdbcDataSource();
        boolean inMemory = url.regionMatches(true, 0, H2_MEMORY_PREFIX, 0, H2_MEMORY_PREFIX.length());
        dataSource.setURL(url + DURABLE_COMMITS + (inMemory ? "" : COMMITS_AT_THE_END));
        dataSource.setUser(USER);
        dataSource.setPassword("");
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            if (inspection.isPresent()) {
                // The file passed the checks a moment ago: most likely another program opened it since.
                throw new StoreException(LabFile.refuse(inspection.get().file(), LabFile.unreadable(e)).sentence(), e);
            }
            throw new StoreException("cannot open the lab database " + url, e);
        }
        // The repository's connection is open first, so an in-memory database outlives the
        // connections Flyway opens and closes.
        try {
            Migrations.configure(dataSource).load().migrate();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            H2Repository repository = new H2Repository(url, connection);
            int writeDelay = repository.writeDelay();
            if (writeDelay != 0) {
                repository.close();
                throw new StoreException("the lab database " + url + " keeps commits in memory for " + writeDelay
                        + " ms (WRITE_DELAY); refusing to open it", null);
            }
            if (repository.reusesSpace()) {
                repository.close();
                throw new StoreException("the lab database " + url + " writes commits into free space inside the"
                        + " file, where H2 may not find the last one after a crash (REUSE_SPACE); refusing to open it",
                        null);
            }
            return repository;
        } catch (FlywayException e) {
            closeQuietly(connection);
            if (inspection.isPresent() && backup.isPresent()) {
                throw new StoreException(Sentence.of(Refusal.UPGRADE_FAILED, inspection.get().file(),
                        inspection.get().schemaVersion(), LabFile.firstLine(e.getMessage()), backup.get()), e);
            }
            throw new StoreException("cannot create or upgrade the schema of the lab database " + url, e);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new StoreException("cannot prepare the connection to the lab database " + url, e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Already failing; the first error is the one to report.
        }
    }

    // ---- facts about the database -----------------------------------------------------------

    /** The database's JDBC URL, without the settings the repository adds; {@code open(url())} reaches it again. */
    public String url() {
        return url;
    }

    /**
     * H2's {@code WRITE_DELAY} as in force now, in milliseconds: how long a commit may stay in
     * memory before it is written. The repository keeps it at 0.
     */
    public int writeDelay() {
        return read("read the WRITE_DELAY setting", () -> {
            try (ResultSet rs = statements.get("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                    + " WHERE SETTING_NAME = 'WRITE_DELAY'").executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("the database reports no WRITE_DELAY setting");
                }
                return Integer.parseInt(rs.getString(1).trim());
            }
        });
    }

    /**
     * Whether H2 writes commits into free space inside the lab file (rather than at its end). The
     * repository keeps this off while it is open; an in-memory lab has no file and answers false.
     */
    public boolean reusesSpace() {
        lock.lock();
        try {
            ensureOpen();
            return fileStore().map(MVStore::isSpaceReused).orElse(false);
        } catch (SQLException e) {
            throw new StoreException("cannot read the REUSE_SPACE setting of the lab at " + url, e);
        } finally {
            lock.unlock();
        }
    }

    /** H2's store of this database when it is a file (not in memory). */
    private Optional<MVStore> fileStore() throws SQLException {
        if (!(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return Optional.empty();
        }
        Store store = session.getDatabase().getStore();
        if (store == null || store.getMvStore().getFileStore() == null) {
            return Optional.empty();
        }
        return Optional.of(store.getMvStore());
    }

    /** The version of the lab's schema (the last migration applied). */
    public int schemaVersion() {
        return read("read the schema version", () -> {
            try (ResultSet rs = statements.get("SELECT schema_version FROM lab WHERE id = 1").executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("the lab table has no row");
                }
                return rs.getInt(1);
            }
        });
    }

    // ---- the port ----------------------------------------------------------------------------

    /**
     * The lab the file check read from its copy a moment ago, once, if the file is still at that
     * version: every commit adds the journal row of the version it makes (ADR 0005), so the same
     * newest row means the same lab, and the file need not be read through the model again.
     */
    private Optional<Topology> checked() throws SQLException {
        Topology lab = inspected;
        inspected = null;
        if (lab == null) {
            return Optional.empty();
        }
        boolean same = reader.standing().equals(new TopologyReader.Standing(lab.version(), lab.idSequence()));
        return same ? Optional.of(lab) : Optional.empty();
    }

    @Override
    public Topology load() {
        lock.lock();
        try {
            ensureOpen();
            boolean done = false;
            try {
                // One snapshot for all the tables: a commit from another connection in the middle
                // of the reads must not give half of it.
                connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
                Topology topology = checked().orElse(null);
                if (topology == null) {
                    topology = reader.read();
                }
                connection.commit();
                done = true;
                return topology;
            } finally {
                if (!done) {
                    rollbackQuietly();
                }
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot load the lab from " + url, e);
        } catch (IllegalArgumentException | NullPointerException | java.time.DateTimeException e) {
            // A damaged row: a NULL where the model needs a value, or text it does not parse.
            throw new StoreException("the lab at " + url + " holds a value the model refuses: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long version() {
        return read("read the lab's version", this::committedVersion);
    }

    private long committedVersion() throws SQLException {
        try (ResultSet rs = statements.get(SELECT_VERSION).executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@code after.version()} must be greater than {@code expectedVersion} (otherwise the version
     * check could not tell two writers apart), and the entries must be for the versions
     * {@code expectedVersion + 1} to {@code after.version()}, in order.
     *
     * @throws IllegalArgumentException if the versions do not fit, or {@code touched} holds an id of a
     *                                  kind the lab does not store; nothing is written then
     */
    @Override
    public void commitAll(long expectedVersion, Topology after, Set<Object> touched, List<JournalEntry> entries) {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(touched, "touched");
        Objects.requireNonNull(entries, "entries");
        if (after.version() <= expectedVersion) {
            throw new IllegalArgumentException("a commit must move the version forward: from " + expectedVersion
                    + " to " + after.version());
        }
        if (entries.size() != after.version() - expectedVersion) {
            throw new IllegalArgumentException("a commit from version " + expectedVersion + " to " + after.version()
                    + " needs " + (after.version() - expectedVersion) + " journal entries, not " + entries.size());
        }
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).version() != expectedVersion + 1 + i) {
                throw new IllegalArgumentException("the journal entry is for version " + entries.get(i).version()
                        + " but the commit writes version " + (expectedVersion + 1 + i));
            }
        }
        String what = entries.size() == 1 ? entries.get(0).request() : entries.size() + " requests";
        lock.lock();
        try {
            ensureOpen();
            // A lab at version 0 has never had an object stored: its rows can be inserted outright.
            writer.queue(after, touched, expectedVersion == 0);
            boolean done = false;
            try {
                // The first journal row is the version check: its key is the version this commit
                // makes, which a writer that got there first from the same version holds already
                // (a second writer on the same lab waits here until the first has finished).
                PreparedStatement journal = statements.get(INSERT_JOURNAL);
                try {
                    bindEntry(journal, entries.get(0), after).executeUpdate();
                } catch (SQLException e) {
                    if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                        throw e;
                    }
                    writer.discard();
                    connection.rollback();
                    done = true;
                    throw new ConcurrentChangeException("the lab at " + url + " is no longer at version "
                            + expectedVersion + currentVersionNote() + ": reload and try again");
                }
                for (JournalEntry entry : entries.subList(1, entries.size())) {
                    bindEntry(journal, entry, after).addBatch();
                }
                if (entries.size() > 1) {
                    journal.executeBatch();
                }
                writer.execute();
                writeClientTokens(entries);
                connection.commit();
                done = true;
            } finally {
                if (!done) {
                    writer.discard();
                    rollbackQuietly();
                }
            }
        } catch (SQLException e) {
            if (isWriteConflict(e)) {
                throw new ConcurrentChangeException("another writer changed the lab at " + url
                        + " while version " + after.version() + " was being written: reload and try again");
            }
            throw new StoreException("cannot commit version " + after.version() + " (" + what
                    + ") to the lab at " + url, e);
        } finally {
            lock.unlock();
        }
    }

    /** Binds a journal row: the entry, and the id counter as {@code after} leaves it. */
    private static PreparedStatement bindEntry(PreparedStatement journal, JournalEntry entry, Topology after)
            throws SQLException {
        return bind(journal, entry.version(), after.idSequence(), entry.principal().value(), entry.request(),
                entry.result(), OffsetDateTime.ofInstant(entry.time(), ZoneOffset.UTC), entry.clientToken().orElse(null));
    }

    /** Records the first version that carried each new client token of {@code entries}. */
    private void writeClientTokens(List<JournalEntry> entries) throws SQLException {
        Set<String> seen = new HashSet<>();
        for (JournalEntry entry : entries) {
            if (entry.clientToken().isPresent() && seen.add(entry.clientToken().get())) {
                bind(statements.get(INSERT_CLIENT_TOKEN), entry.clientToken().get(), entry.version()).executeUpdate();
            }
        }
    }

    private String currentVersionNote() {
        try {
            long now = committedVersion();
            connection.commit();
            return " (it is at " + now + ")";
        } catch (SQLException e) {
            return "";
        }
    }

    /** H2's "serialization failure" and "concurrent update" codes: another transaction won the row. */
    private static boolean isWriteConflict(SQLException e) {
        return "40001".equals(e.getSQLState()) || e.getErrorCode() == 90131;
    }

    @Override
    public List<JournalEntry> journal() {
        return read("read the journal", () -> {
            List<JournalEntry> entries = new ArrayList<>();
            try (ResultSet rs = statements.get(SELECT_JOURNAL + " ORDER BY version").executeQuery()) {
                while (rs.next()) {
                    entries.add(journalEntry(rs));
                }
            }
            return List.copyOf(entries);
        });
    }

    @Override
    public Optional<JournalEntry> findByClientToken(String clientToken) {
        Objects.requireNonNull(clientToken, "clientToken");
        return read("look up client token " + clientToken, () -> {
            PreparedStatement query = bind(statements.get(SELECT_BY_CLIENT_TOKEN), clientToken);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(journalEntry(rs)) : Optional.<JournalEntry>empty();
            }
        });
    }

    static JournalEntry journalEntry(ResultSet rs) throws SQLException {
        return new JournalEntry(rs.getLong(1), PrincipalId.principalId(rs.getString(2)), rs.getString(3),
                rs.getString(4), rs.getObject(5, OffsetDateTime.class).toInstant(),
                Optional.ofNullable(rs.getString(6)));
    }

    // ---- the raw baseline ------------------------------------------------------------------------

    /**
     * Times what a commit costs on this database with nothing of the lab in it: {@code pairs} times,
     * insert one row into a scratch table and commit, then delete it and commit, on the repository's
     * own connection and settings. Benchmarks print the result beside the rate of attach + detach
     * requests, which also commit twice per pair. The lab itself is not touched; the caller does any
     * warm-up it wants by calling this more than once.
     *
     * @return pairs per second
     */
    public double rawJdbcBaseline(int pairs) {
        if (pairs < 1) {
            throw new IllegalArgumentException("pairs must be at least 1, not " + pairs);
        }
        lock.lock();
        try {
            ensureOpen();
            try (PreparedStatement clear = connection.prepareStatement("DELETE FROM raw_baseline_scratch");
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO raw_baseline_scratch (id, payload) VALUES (?, ?)");
                 PreparedStatement delete = connection.prepareStatement("DELETE FROM raw_baseline_scratch WHERE id = ?")) {
                clear.executeUpdate();
                connection.commit();
                long start = System.nanoTime();
                for (int i = 0; i < pairs; i++) {
                    insert.setLong(1, i);
                    insert.setString(2, "attachment");
                    insert.executeUpdate();
                    connection.commit();
                    delete.setLong(1, i);
                    delete.executeUpdate();
                    connection.commit();
                }
                long elapsed = Math.max(1, System.nanoTime() - start);
                return pairs * 1e9 / elapsed;
            } catch (SQLException e) {
                rollbackQuietly();
                throw new StoreException("cannot run the raw JDBC baseline on " + url, e);
            }
        } finally {
            lock.unlock();
        }
    }

    // ---- plumbing ----------------------------------------------------------------------------

    @FunctionalInterface
    private interface Query<T> {
        T run() throws SQLException;
    }

    /** Runs a read as its own short transaction. */
    private <T> T read(String what, Query<T> query) {
        lock.lock();
        try {
            ensureOpen();
            boolean done = false;
            try {
                T result = query.run();
                connection.commit();
                done = true;
                return result;
            } finally {
                if (!done) {
                    rollbackQuietly();
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot " + what + " of the lab at " + url, e);
        } finally {
            lock.unlock();
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The error that led here is the one reported; a dead connection rolls back by itself.
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the repository of " + url + " is closed");
        }
    }

    /** Closes the connection; an in-memory lab is gone afterwards. Closing twice does nothing. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            statements.close();
            if (isLastSession()) {
                // Let H2 compact the file as it closes: it moves the chunks into the free space and
                // writes its header itself, with no commit of ours waiting on it.
                fileStore().ifPresent(store -> store.setReuseSpace(true));
            }
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the lab database " + url, e);
        } finally {
            release();
            lock.unlock();
        }
    }

    /** Whether this repository's connection is the only one H2 has open on the database. */
    private boolean isLastSession() throws SQLException {
        return connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session
                && session.getDatabase().getSessions(false).length <= 1;
    }

    /** Forgets this repository's hold on its file, once the file is closed (or could not be). */
    private void release() {
        if (openFile != null) {
            OPEN_FILES.computeIfPresent(openFile, (file, holders) -> holders > 1 ? holders - 1 : null);
            openFile = null;
        }
    }

    @Override
    public String toString() {
        return "H2Repository[" + url + "]";
    }
}
