package org.viflab.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.h2.jdbcx.JdbcDataSource;

/** The lab schema's Flyway migrations ({@code db/migration/V<n>__*.sql}), configured in one place. */
final class Migrations {

    private static final Map<Integer, Set<String>> SHAPES = new ConcurrentHashMap<>();

    private Migrations() {
    }

    static FluentConfiguration configure(DataSource dataSource) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                // A lab written by a newer VIF Lab has migrations this one does not know: refuse it
                // rather than misread it (Flyway ignores such "future" ones by default).
                .ignoreMigrationPatterns(new String[0]);
    }

    /** The highest schema version this build's migrations reach. */
    static int latest(MigrationInfoService info) {
        int latest = 0;
        for (MigrationInfo migration : info.all()) {
            if (migration.getVersion() != null && migration.getState().isResolved()) {
                latest = Math.max(latest, number(migration));
            }
        }
        return latest;
    }

    /** A migration's version as a number ({@code V2__…} is 2); one that is not a whole number counts as huge. */
    static int number(MigrationInfo migration) {
        String text = migration.getVersion().getVersion();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    /**
     * The tables and columns of a lab at schema version {@code version}, as
     * {@code TABLE.COLUMN TYPE} lines: what the migrations up to it make of an empty database.
     * Worked out once per version, on a scratch in-memory database.
     */
    static Set<String> shape(int version) {
        return SHAPES.computeIfAbsent(version, v -> {
            JdbcDataSource scratch = new JdbcDataSource();
            scratch.setURL("jdbc:h2:mem:viflab-shape-" + UUID.randomUUID());
            scratch.setUser("sa");
            scratch.setPassword("");
            try (Connection keepAlive = scratch.getConnection()) {
                configure(scratch).target(Integer.toString(v)).load().migrate();
                return shape(keepAlive);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot work out the tables of schema version " + v, e);
            }
        });
    }

    /** The tables and columns of the database behind {@code connection}, as {@link #shape(int)} gives them. */
    static Set<String> shape(Connection connection) throws SQLException {
        Set<String> shape = new TreeSet<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS"
                     + " WHERE TABLE_SCHEMA = 'PUBLIC'")) {
            while (rs.next()) {
                shape.add(rs.getString(1) + "." + rs.getString(2) + " " + rs.getString(3));
            }
        }
        return Set.copyOf(shape);
    }
}
