package wales.safeguarding.hub.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL (binaries from Maven jars) for the default run, kept in the data folder across restarts. Started
 * before Quarkus, because the datasource URL must be known when Quarkus starts; skipped when a server is configured.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** True when the operator pointed the hub at a PostgreSQL server. */
    public static boolean serverConfigured() {
        return System.getProperty("quarkus.datasource.jdbc.url") != null
                || System.getenv("QUARKUS_DATASOURCE_JDBC_URL") != null;
    }

    public static EmbeddedDatabase start(Path dataDir) throws IOException {
        Path data = dataDir.resolve("postgres").toAbsolutePath();
        Path binaries = dataDir.resolve("postgres-binaries").toAbsolutePath();
        Files.createDirectories(data);
        Files.createDirectories(binaries);
        StalePostmaster.stopIfOrphaned(data);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binaries.toFile())
                .setRegisterShutdownHook(false)
                .setPort(Integer.getInteger("hub.database.embedded.port", 0))
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setLocaleConfig("locale", "C")
                .setLocaleConfig("encoding", "UTF8")
                .start();
        return new EmbeddedDatabase(postgres);
    }

    /** The system properties that point Quarkus at this database. */
    public Map<String, String> quarkusProperties() {
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "");
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

}
