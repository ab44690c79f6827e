package dev.convlab.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A real PostgreSQL server run from binaries on the classpath, for machines where no database is configured. */
public final class EmbeddedDatabase implements AutoCloseable {

    /** How the server treats a commit. */
    public enum Durability {
        /** fsync, synchronous commit and full-page writes on: a committed transaction survives a power cut. */
        ON_DISK,
        /** zonky's test settings (fsync and synchronous commit off): only for throw-away test databases. */
        FAST_FOR_TESTS
    }

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts PostgreSQL on the given data directory on any free port, keeping what an earlier start left there. */
    public static EmbeddedDatabase start(Path dataDirectory, Durability durability) throws IOException {
        return start(dataDirectory, 0, durability);
    }

    /**
     * Starts PostgreSQL on a fixed port (0: any free one), so that a restarted server is found where it was. A server
     * of this data directory left running by a killed app is stopped first (see {@link OrphanedServer}).
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port, Durability durability) throws IOException {
        Files.createDirectories(dataDirectory);
        OrphanedServer.stopIfAny(dataDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (port > 0) {
            builder.setPort(port);
        }
        if (durability == Durability.ON_DISK) {
            // zonky passes -F (fsync off) first; these later -c options override it.
            builder.setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        EmbeddedPostgres postgres = builder
                .setRegisterShutdownHook(false) // its owner stops it, after whatever still uses it (see ConvLabMain)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        return new EmbeddedDatabase(postgres);
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public int port() {
        return postgres.getPort();
    }

    public String username() {
        return "postgres";
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
