package wales.safeguarding.hub.packaged;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import wales.safeguarding.schemas.envelope.CanonicalJson;

/**
 * Issue 13, the restore drill, run in CI with the operator's script (deploy/drills/restore-drill.sh): the packaged
 * hub on the PostgreSQL server and its broker; a backup (pg_dump) is taken while three reports wait for the council's
 * system, which is down; two more reports come after it; the council recovers for the first three only; the hub is
 * killed. The dump is restored into a fresh database and the hub started on it with the same broker:
 * <ul>
 * <li>copies whose rows are gone (the two reports accepted after the backup) are dropped, each with a WARN line, and
 * the tracking API does not know them (their senders must send them again);</li>
 * <li>rows whose copies are gone (the first three: delivered after the backup, so the broker holds nothing, while the
 * restored database says they wait) are delivered again once the operator reconciles: at least once, under the same
 * message id.</li>
 * </ul>
 */
class RestoreDrillIT {

    private static final String POLICE = "dyfed-powys-police";
    private static final String COUNCIL = "carmarthenshire-childrens-services";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Path SCRIPT = Path.of("..", "deploy", "drills", "restore-drill.sh").toAbsolutePath();

    private WireMockServer council;
    private WireMockServer others;
    private Path root;
    private Path dataDir;
    private Path directory;

    @BeforeEach
    void agency_systems_and_a_data_folder() throws IOException {
        council = started();
        others = started();
        root = Files.createDirectories(Path.of("target", "restore-drill-it", "run-" + Instant.now().toEpochMilli())
                .toAbsolutePath());
        dataDir = root.resolve("data");
        directory = root.resolve("directory.json");
        try (InputStream in = getClass().getResourceAsStream("/directory/test-directory.json")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            text = text.replace("${" + COUNCIL + "}", url(council)).replaceAll("\\$\\{[a-z0-9-]+}", url(others));
            Files.writeString(directory, text);
        }
    }

    @AfterEach
    void stop_agency_systems() {
        council.stop();
        others.stop();
    }

    @Test
    void a_dump_restored_into_a_fresh_database_is_reconciled_with_the_broker() throws Exception {
        council.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
        List<String> beforeBackup = new ArrayList<>();
        List<String> afterBackup = new ArrayList<>();
        Path dump = root.resolve("hub.dump");
        try (ServerDatabase live = ServerDatabase.create(root)) {
            String restored = live.name() + "_restored";
            try {
                try (HubProcess hub = HubProcess.start(dataDir, directory, on(live.serverUrl() + live.name()), "drill-1")) {
                    send(hub, 3, beforeBackup);
                    await().atMost(WAIT).until(() -> beforeBackup.stream().allMatch(id -> atCouncil(id) >= 1));
                    run(List.of("pg_dump", "-Fc", "-h", host(live), "-p", port(live), "-U", ServerDatabase.user(),
                            "-f", dump.toString(), live.name()));
                    send(hub, 2, afterBackup);
                    await().atMost(WAIT).until(() -> afterBackup.stream().allMatch(id -> atCouncil(id) >= 1));
                    for (String id : beforeBackup) {
                        council.stubFor(post(urlEqualTo("/hub/messages")).atPriority(1)
                                .withHeader("X-Hub-Message-Id", WireMock.equalTo(id))
                                .willReturn(aResponse().withStatus(202)));
                    }
                    await().atMost(WAIT).until(() -> beforeBackup.stream().allMatch(id -> "delivered".equals(hub.state(POLICE, id))));
                    hub.kill();
                }
                int deliveredBefore = beforeBackup.stream().mapToInt(this::atCouncil).sum();

                String restoredOut = run(List.of("bash", SCRIPT.toString(), "restore", dump.toString(), restored),
                        host(live), port(live));
                assertThat(restoredOut).contains("restored 3 messages; 3 deliveries still to be delivered");

                try (HubProcess hub = HubProcess.start(dataDir, directory, on(live.serverUrl() + restored), "drill-2")) {
                    // copies whose rows are gone: dropped and said
                    await().atMost(WAIT).until(() -> Files.readString(hub.log())
                            .split("the database has no such delivery", -1).length - 1 >= afterBackup.size());
                    for (String id : afterBackup) {
                        assertThat(hub.get(POLICE, "/api/v1/messages/" + id).statusCode()).isEqualTo(404);
                        assertThat(Files.readString(hub.log())).contains("dropped a copy of " + id + " for " + COUNCIL);
                    }
                    // rows whose copies are gone: waiting, until the operator reconciles
                    assertThat(beforeBackup.stream().map(id -> hub.state(POLICE, id)).toList()).doesNotContain("delivered");
                    Path tokenFile = root.resolve("operator.jwt");
                    Files.writeString(tokenFile, hub.token("demo-operator"));
                    String answer = run(List.of("bash", SCRIPT.toString(), "reconcile",
                            hub.uri("").toString(), tokenFile.toString(), "restore drill " + root.getFileName()),
                            host(live), port(live));
                    JsonNode result = CanonicalJson.mapper().readTree(answer);
                    assertThat(result.path("requeued").asInt()).isEqualTo(beforeBackup.size());
                    await().atMost(WAIT).until(() -> beforeBackup.stream().allMatch(id -> "delivered".equals(hub.state(POLICE, id))));
                    for (String id : beforeBackup) {
                        assertThat(atCouncil(id)).as("copies of " + id + " at the council").isGreaterThanOrEqualTo(2);
                    }
                    assertThat(beforeBackup.stream().mapToInt(this::atCouncil).sum()).isGreaterThan(deliveredBefore);
                    hub.stop();
                }
            } finally {
                try (Connection c = DriverManager.getConnection(live.serverUrl() + "postgres", ServerDatabase.user(), null);
                        Statement s = c.createStatement()) {
                    s.execute("drop database if exists " + restored + " with (force)");
                }
            }
        }
    }

    private static Map<String, String> on(String jdbcUrl) {
        Map<String, String> extra = new HashMap<>();
        extra.put("hub.database.embedded", "false");
        extra.put("quarkus.datasource.jdbc.url", jdbcUrl);
        extra.put("quarkus.datasource.username", ServerDatabase.user());
        return extra;
    }

    private static void send(HubProcess hub, int count, List<String> ids) throws Exception {
        for (int i = 0; i < count; i++) {
            ObjectNode report = example();
            report.put("messageId", UUID.randomUUID().toString());
            assertThat(hub.post(POLICE, report.toString()).statusCode()).isEqualTo(202);
            ids.add(report.get("messageId").asText());
        }
    }

    private static String run(List<String> command, String... hostAndPort) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (hostAndPort.length == 2) {
            builder.environment().put("PGHOST", hostAndPort[0]);
            builder.environment().put("PGPORT", hostAndPort[1]);
            builder.environment().put("PGUSER", ServerDatabase.user());
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(command + ":\n" + output).isZero();
        return output;
    }

    private static String host(ServerDatabase db) {
        return URI.create(db.serverUrl().substring("jdbc:".length())).getHost();
    }

    private static String port(ServerDatabase db) {
        int port = URI.create(db.serverUrl().substring("jdbc:".length())).getPort();
        return String.valueOf(port < 0 ? 5432 : port);
    }

    private int atCouncil(String id) {
        return council.findAll(postRequestedFor(urlEqualTo("/hub/messages"))
                .withHeader("X-Hub-Message-Id", WireMock.equalTo(id))).size();
    }


    private static ObjectNode example() throws IOException {
        try (InputStream in = RestoreDrillIT.class.getResourceAsStream("/examples/valid/duty-to-report.json")) {
            return (ObjectNode) CanonicalJson.mapper().readTree(in);
        }
    }

    private static WireMockServer started() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(202)));
        return server;
    }

    private static String url(WireMockServer server) {
        return "http://127.0.0.1:" + server.port() + "/hub/messages";
    }
}
