package wales.safeguarding.hub.packaged;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import wales.safeguarding.schemas.envelope.CanonicalJson;

/**
 * Issue 13, upgrade and rollback (deploy/README section 13): the previous release's packaged hub (the commit in
 * deploy/drills/previous-release, built by deploy/drills/build-previous-release.sh) and this one, in turn, on one
 * database on the PostgreSQL server and one broker data folder:
 * <ol>
 * <li>the previous release makes the schema and carries a duty-to-report;</li>
 * <li>this release migrates it (expand-only migrations), reads what the previous one stored, counts again the
 * clocks it started (they carry no bank-holiday data name) and carries a report;</li>
 * <li>the previous release again, on the schema this release migrated (a rollback): it starts, reads both, carries a
 * report;</li>
 * <li>this release again: the clocks the previous release started during the rollback are counted again.</li>
 * </ol>
 */
class UpgradeIT {

    private static final String POLICE = "dyfed-powys-police";
    private static final String COUNCIL = "carmarthenshire-childrens-services";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Path PREVIOUS = Path.of(System.getProperty("hub.previous.jar",
            "../target/previous-release/src/hub-routes/target/quarkus-app/quarkus-run.jar")).toAbsolutePath();

    private WireMockServer agencies;
    private Path root;
    private Path dataDir;
    private Path directory;
    /** Agency kinds added since the previous release, which it cannot read. */
    private static final java.util.Set<String> PREVIOUS_UNKNOWN_KINDS = java.util.Set.of("health-visiting",
            "school-nursing", "pupil-referral-unit", "eotas-provider", "youth-justice", "youth-support");

    @BeforeEach
    void agency_systems_and_a_data_folder() throws IOException {
        assumeTrue(Files.isRegularFile(PREVIOUS), "the previous release is not built (" + PREVIOUS
                + "): run deploy/drills/build-previous-release.sh");
        agencies = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        agencies.start();
        agencies.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(202)));
        root = Files.createDirectories(Path.of("target", "upgrade-it", "run-" + Instant.now().toEpochMilli())
                .toAbsolutePath());
        dataDir = root.resolve("data");
        directory = root.resolve("directory.json");
        try (InputStream in = getClass().getResourceAsStream("/directory/test-directory.json")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            ObjectNode file = (ObjectNode) CanonicalJson.mapper().readTree(text.replaceAll("\\$\\{[a-z0-9-]+}",
                    "http://127.0.0.1:" + agencies.port() + "/hub/messages"));
            // a directory both releases read (deploy/README section 13): the previous release knows no health visiting
            // or school nursing service nor education provider other than a school; a council's healthBoard it ignores
            var all = file.withArray("agencies");
            for (int i = all.size() - 1; i >= 0; i--) {
                if (PREVIOUS_UNKNOWN_KINDS.contains(all.get(i).path("kind").asText())) {
                    all.remove(i);
                }
            }
            Files.writeString(directory, CanonicalJson.mapper().writeValueAsString(file));
        }
    }

    @AfterEach
    void stop_agency_systems() {
        if (agencies != null) {
            agencies.stop();
        }
    }

    @Test
    void the_previous_release_and_this_one_take_turns_on_one_database() throws Exception {
        try (ServerDatabase db = ServerDatabase.create(root)) {
            String a;
            try (HubProcess previous = HubProcess.startJar(PREVIOUS, dataDir, directory, on(db), "previous-1")) {
                assertThat(schemaVersion(db)).as("the previous release's schema").isLessThan(29);
                a = carried(previous);
                previous.stop();
            }
            assertThat(db.count("select count(*) from statutory_clock where message_id = '" + a + "'")).isEqualTo(3);

            String b;
            try (HubProcess current = HubProcess.start(dataDir, directory, on(db), "current-1")) {
                assertThat(schemaVersion(db)).isGreaterThanOrEqualTo(29);
                assertThat(current.state(POLICE, a)).isEqualTo("delivered");
                await().atMost(WAIT).until(() -> db.count("select count(*) from statutory_clock "
                        + "where met_at is null and calendar is null") == 0);
                assertThat(Files.readString(current.log())).contains("clocks counted again with bank holidays");
                b = carried(current);
                current.stop();
            }

            String c;
            // the previous release (stop 20) predates quarkus.flyway.ignore-migration-patterns in application.properties:
            // given at its start, as deploy/README section 13 says for a rollback to it
            Map<String, String> rollback = on(db);
            rollback.put("quarkus.flyway.ignore-migration-patterns", "*:future");
            try (HubProcess rolledBack = HubProcess.startJar(PREVIOUS, dataDir, directory, rollback, "previous-2")) {
                assertThat(rolledBack.state(POLICE, a)).isEqualTo("delivered");
                assertThat(rolledBack.state(POLICE, b)).isEqualTo("delivered");
                c = carried(rolledBack);
                rolledBack.stop();
            }
            assertThat(db.count("select count(*) from statutory_clock where message_id = '" + c
                    + "' and calendar is null")).as("the previous release does not know the column").isEqualTo(3);

            try (HubProcess current = HubProcess.start(dataDir, directory, on(db), "current-2")) {
                await().atMost(WAIT).until(() -> db.count("select count(*) from statutory_clock "
                        + "where met_at is null and calendar is null") == 0);
                for (String id : new String[] {a, b, c}) {
                    assertThat(current.state(POLICE, id)).as(id).isEqualTo("delivered");
                }
                current.stop();
            }
            for (String id : new String[] {a, b, c}) {
                assertThat(agencies.findAll(postRequestedFor(urlEqualTo("/hub/messages"))
                        .withHeader("X-Hub-Message-Id", WireMock.equalTo(id)))).as("copies of " + id).isNotEmpty();
            }
        }
    }

    /** Sends a duty-to-report through this hub and waits until the council has it. */
    private String carried(HubProcess hub) throws Exception {
        ObjectNode report;
        try (InputStream in = UpgradeIT.class.getResourceAsStream("/examples/valid/duty-to-report.json")) {
            report = (ObjectNode) CanonicalJson.mapper().readTree(in);
        }
        String id = UUID.randomUUID().toString();
        report.put("messageId", id);
        assertThat(hub.post(POLICE, report.toString()).statusCode()).isEqualTo(202);
        await().atMost(WAIT).until(() -> "delivered".equals(hub.state(POLICE, id)));
        return id;
    }

    private static Map<String, String> on(ServerDatabase db) {
        Map<String, String> extra = new HashMap<>(db.hubProperties());
        extra.put("hub.database.embedded", "false");
        extra.put("hub.calendar.recount-delay-ms", "1000");
        return extra;
    }

    private static int schemaVersion(ServerDatabase db) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), ServerDatabase.user(), null);
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select max(version::int) from flyway_schema_history where success")) {
            r.next();
            return r.getInt(1);
        }
    }

}
