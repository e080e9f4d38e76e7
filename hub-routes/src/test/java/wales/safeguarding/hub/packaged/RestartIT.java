package wales.safeguarding.hub.packaged;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import wales.safeguarding.schemas.envelope.CanonicalJson;

/**
 * The packaged hub is killed with reports queued and unanswered, and started again: every report is delivered once,
 * and the escalation of each fires once, however often the hub restarts.
 */
class RestartIT {

    private static final String POLICE = "dyfed-powys-police";
    private static final String COUNCIL = "carmarthenshire-childrens-services";
    private static final int REPORTS = 5;
    private static final Duration WAIT = Duration.ofSeconds(90);

    private WireMockServer council;
    private WireMockServer police;
    private WireMockServer others;
    private Path dataDir;
    private Path directory;

    @BeforeEach
    void agency_systems_and_a_data_folder() throws IOException {
        council = started();
        police = started();
        others = started();
        Path root = Files.createDirectories(Path.of("target", "restart-it").toAbsolutePath());
        dataDir = root.resolve("data-" + Instant.now().toEpochMilli());
        directory = root.resolve("directory-" + Instant.now().toEpochMilli() + ".json");
        try (InputStream in = getClass().getResourceAsStream("/directory/test-directory.json")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            text = text.replace("${" + COUNCIL + "}", url(council)).replace("${" + POLICE + "}", url(police))
                    .replaceAll("\\$\\{[a-z0-9-]+}", url(others));
            Files.writeString(directory, text);
        }
    }

    @AfterEach
    void stop_agency_systems() {
        council.stop();
        police.stop();
        others.stop();
    }

    @Test
    void should_deliver_every_queued_report_once_and_escalate_once_across_kills_and_restarts() throws Exception {
        council.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
        List<String> reports = new ArrayList<>();
        try (HubProcess first = HubProcess.start(dataDir, directory, Map.of(), "hub-1")) {
            for (int i = 0; i < REPORTS; i++) {
                ObjectNode report = example();
                report.put("messageId", UUID.randomUUID().toString());
                assertThat(first.post(POLICE, report.toString()).statusCode()).isEqualTo(202);
                reports.add(report.get("messageId").asText());
            }
            await().atMost(WAIT).until(() -> reports.stream().allMatch(id -> attemptsAtCouncil(id) >= 1));
            first.kill();
        }

        council.resetAll();
        council.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(202)));
        Instant dueAt;
        try (HubProcess second = HubProcess.start(dataDir, directory, Map.of(), "hub-2")) {
            await().atMost(WAIT).until(() -> reports.stream().allMatch(id -> attemptsAtCouncil(id) >= 1));
            await().atMost(WAIT).until(() -> reports.stream().allMatch(id -> "delivered".equals(second.state(POLICE, id))));
            for (String id : reports) {
                assertThat(attemptsAtCouncil(id)).as("deliveries of " + id).isEqualTo(1);
            }
            JsonNode tracking = CanonicalJson.mapper().readTree(second.get(POLICE, "/api/v1/messages/" + reports.get(0)).body());
            dueAt = Instant.parse(tracking.at("/clocks/0/dueAt").asText());
            second.stop();
        }

        // Move the hub's clock just past the seventh working day: the first step of the ladder is due.
        Duration pastDue = Duration.between(Instant.now(), dueAt).plusHours(1);
        Map<String, String> later = Map.of("hub.clock.offset", pastDue.toString());
        try (HubProcess third = HubProcess.start(dataDir, directory, later, "hub-3")) {
            // one notice each, and still one each 2 s later: the hub has recorded them delivered (a kill between
            // the police's answer and that record would send one again, which is delivery's at-least-once, not
            // what this step is about: that the escalation does not fire again after a restart)
            await().during(Duration.ofSeconds(2)).atMost(WAIT)
                    .until(() -> reports.stream().allMatch(id -> noticesAtPolice(id) == 1));
            third.kill();
        }
        try (HubProcess fourth = HubProcess.start(dataDir, directory, later, "hub-4")) {
            // Several escalation scans (one a second) run while we watch: none may fire again.
            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                    .until(() -> reports.stream().allMatch(id -> noticesAtPolice(id) == 1));
            fourth.stop();
        }
        for (String id : reports) {
            assertThat(attemptsAtCouncil(id)).as("deliveries of " + id + " after every restart").isEqualTo(1);
        }
    }

    private int attemptsAtCouncil(String reportId) {
        return council.findAll(postRequestedFor(urlEqualTo("/hub/messages"))
                .withHeader("X-Hub-Message-Id", WireMock.equalTo(reportId))).size();
    }

    private int noticesAtPolice(String reportId) {
        return police.findAll(postRequestedFor(urlEqualTo("/hub/messages"))
                .withHeader("X-Hub-Message-Type", WireMock.equalTo("escalation"))
                .withRequestBody(matchingJsonPath("$.correlationId", WireMock.equalTo(reportId)))
                .withRequestBody(matchingJsonPath("$.body.step", WireMock.equalTo("report-maker-notice")))).size();
    }


    private static ObjectNode example() throws IOException {
        try (InputStream in = RestartIT.class.getResourceAsStream("/examples/valid/duty-to-report.json")) {
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
