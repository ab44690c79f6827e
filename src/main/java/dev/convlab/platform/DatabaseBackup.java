package dev.convlab.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A consistent copy of every ConvLab table, taken from a running server. Backup reads all tables in one read-only
 * repeatable-read transaction, so the copy is the database as it was at one instant, while learners keep writing.
 * Restore recreates the schema from the migrations the backup records (this jar's scripts, which Flyway validates at
 * the next start), loads every row and sets every sequence, all in one transaction.
 */
public final class DatabaseBackup {

    private static final String HISTORY = "flyway_schema_history";
    private static final String MANIFEST = "convlab-backup.properties";

    private DatabaseBackup() {
    }

    /** Writes a backup of the database behind {@code connection} to {@code file} (a zip of COPY texts). */
    public static Map<String, Long> backup(Connection connection, Path file) throws SQLException, IOException {
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        Map<String, Long> rows = new LinkedHashMap<>();
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial))) {
            List<String> tables = strings(connection, "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                    + "where n.nspname = current_schema() and c.relkind in ('r', 'p') order by c.relname");
            if (!tables.contains(HISTORY)) {
                throw new SQLException("no " + HISTORY + " in this database: is it ConvLab's?");
            }
            for (String table : tables) {
                zip.putNextEntry(new ZipEntry("tables/" + table + ".copy"));
                rows.put(table, copy.copyOut("copy " + quote(table) + " to stdout", zip));
                zip.closeEntry();
            }
            Properties manifest = new Properties();
            manifest.setProperty("format", "1");
            manifest.setProperty("taken", Instant.now().toString());
            manifest.setProperty("tables", String.join(",", tables));
            try (Statement statement = connection.createStatement();
                    ResultSet sequences = statement.executeQuery("select sequencename, last_value from pg_sequences "
                            + "where schemaname = current_schema() and last_value is not null")) {
                while (sequences.next()) {
                    manifest.setProperty("sequence." + sequences.getString(1), Long.toString(sequences.getLong(2)));
                }
            }
            zip.putNextEntry(new ZipEntry(MANIFEST));
            manifest.store(zip, "ConvLab backup");
            zip.closeEntry();
        } finally {
            connection.rollback();
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return rows;
    }

    /** Loads {@code file} into the empty database behind {@code connection}; nothing is kept if any step fails. */
    public static Map<String, Long> restore(Connection connection, Path file) throws SQLException, IOException {
        connection.setAutoCommit(false);
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        Map<String, Long> rows = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Properties manifest = new Properties();
            try (InputStream in = zip.getInputStream(entry(zip, MANIFEST))) {
                manifest.load(in);
            }
            if (!strings(connection, "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                    + "where n.nspname = current_schema() and c.relkind in ('r', 'p')").isEmpty()) {
                throw new SQLException("the target database is not empty: restore into a fresh one");
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute(historyTable());
                try (InputStream in = zip.getInputStream(entry(zip, "tables/" + HISTORY + ".copy"))) {
                    rows.put(HISTORY, copy.copyIn("copy " + HISTORY + " from stdin", in));
                }
                for (String script : strings(connection, "select script from " + HISTORY + " where success order by installed_rank")) {
                    statement.execute(migration(script));
                }
                List<ForeignKey> foreignKeys = foreignKeys(connection);
                for (ForeignKey key : foreignKeys) {
                    statement.execute("alter table " + key.table() + " drop constraint " + quote(key.name()));
                }
                for (String table : manifest.getProperty("tables").split(",")) {
                    if (!table.equals(HISTORY)) {
                        try (InputStream in = zip.getInputStream(entry(zip, "tables/" + table + ".copy"))) {
                            rows.put(table, copy.copyIn("copy " + quote(table) + " from stdin", in));
                        }
                    }
                }
                for (ForeignKey key : foreignKeys) {
                    statement.execute("alter table " + key.table() + " add constraint " + quote(key.name()) + " " + key.definition());
                }
                for (String name : manifest.stringPropertyNames()) {
                    if (name.startsWith("sequence.")) {
                        statement.execute("select setval(" + literal(quote(name.substring("sequence.".length()))) + ", "
                                + Long.parseLong(manifest.getProperty(name)) + ")");
                    }
                }
            }
            connection.commit();
            return rows;
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    /** A foreign key of the restored schema, dropped while rows load in any order and added back (checked) after. */
    private record ForeignKey(String name, String table, String definition) {
    }

    private static List<ForeignKey> foreignKeys(Connection connection) throws SQLException {
        List<ForeignKey> keys = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select conname, conrelid::regclass::text, pg_get_constraintdef(oid) from pg_constraint "
                        + "where contype = 'f' and connamespace = current_schema()::regnamespace")) {
            while (result.next()) {
                keys.add(new ForeignKey(result.getString(1), result.getString(2), result.getString(3)));
            }
        }
        return keys;
    }

    /** A migration script by the classpath name Flyway recorded, e.g. {@code db/migration/V1__accounts.sql}. */
    private static String migration(String script) throws IOException {
        try (InputStream in = DatabaseBackup.class.getClassLoader().getResourceAsStream(script)) {
            if (in == null) {
                throw new IOException("this ConvLab has no migration " + script + ": restore with the version that took the backup");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Flyway's own history table for PostgreSQL, so that the restored database is Flyway's as before. */
    private static String historyTable() {
        return "create table " + HISTORY + " (installed_rank int not null, version varchar(50), description varchar(200) not null,"
                + " type varchar(20) not null, script varchar(1000) not null, checksum integer, installed_by varchar(100) not null,"
                + " installed_on timestamp not null default now(), execution_time integer not null, success boolean not null,"
                + " constraint " + HISTORY + "_pk primary key (installed_rank));"
                + " create index " + HISTORY + "_s_idx on " + HISTORY + " (success)";
    }

    private static ZipEntry entry(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new IOException(name + " is missing: not a complete ConvLab backup");
        }
        return entry;
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
