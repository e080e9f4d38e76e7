package wales.safeguarding.hub.packaged;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import wales.safeguarding.schemas.envelope.CanonicalJson;

/**
 * The packaged hub with the Wales-size reference directory ({@code deploy/directory/wales-directory.json}: 1,901
 * agencies, every endpoint rewritten to one WireMock on loopback, at {@code /agency/<id>}) stays within the issue's
 * resource bound of {@value #MAX_THREADS} threads (counted from {@code /proc/<pid>/status} while it starts, at ready
 * and after the load), becomes ready, and delivers a batch spread over councils, schools and GP practices, each copy
 * once. The thread count is a resource bound, not a timing: it does not depend on how busy the machine is.
 */
class WalesSizeIT {

    static final int MAX_THREADS = 300;
    private static final Path WALES_DIRECTORY = Path.of("..", "deploy", "directory", "wales-directory.json");
    private static final String POLICE = "dyfed-powys-police";
    private static final String MESSAGE_ID = "X-Hub-Message-Id";
    private static final String PREFIX = "/agency/";
    private static final int REPORTS = 22;
    private static final int SHARES = 40;
    /** How long the hub may take to become ready and to deliver: a liveness bound on a busy machine, not a figure. */
    private static final Duration READY_WAIT = Duration.ofSeconds(Long.getLong("wales-size.ready-wait-s", 600));
    private static final Duration DELIVERY_WAIT = Duration.ofSeconds(180);

    private WireMockServer agencies;
    private Path dataDir;
    private Path directory;
    private JsonNode wales;

    @BeforeEach
    void one_stub_for_every_agency_and_the_wales_directory_pointed_at_it() throws IOException {
        agencies = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(20));
        agencies.start();
        agencies.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(202)));
        Path root = Files.createDirectories(Path.of("target", "wales-size-it").toAbsolutePath());
        long now = Instant.now().toEpochMilli();
        dataDir = root.resolve("data-" + now);
        directory = root.resolve("directory-" + now + ".json");
        ObjectNode tree = (ObjectNode) CanonicalJson.mapper().readTree(WALES_DIRECTORY.toFile());
        for (JsonNode agency : tree.path("agencies")) {
            ((ObjectNode) agency.path("endpoint")).put("url",
                    "http://127.0.0.1:" + agencies.port() + PREFIX + agency.path("id").asText());
        }
        Files.writeString(directory, CanonicalJson.mapper().writeValueAsString(tree));
        wales = tree;
    }

    @AfterEach
    void stop_the_stub() {
        agencies.stop();
    }

    @Test
    void should_start_with_1901_agencies_on_at_most_300_threads_and_deliver_each_copy_once() throws Exception {
        AtomicLong mostThreads = new AtomicLong();
        long starting = System.nanoTime();
        try (HubProcess hub = HubProcess.launch(dataDir, directory, Map.of(), "hub-wales")) {
            try {
                await().atMost(READY_WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
                    long threads = threads(hub.pid());
                    mostThreads.accumulateAndGet(threads, Math::max);
                    // Past the bound there is no point waiting minutes for the rest of the routes to start.
                    assertThat(threads).as("threads of the hub while it starts with 1,901 agencies")
                            .isLessThanOrEqualTo(MAX_THREADS);
                    return hub.readyOrExited();
                });
                report("ready", hub, starting, mostThreads.get());

                List<Sent> sent = sendSpreadBatch(hub);
                Set<String> expected = new LinkedHashSet<>();
                sent.forEach(s -> s.recipients().forEach(r -> expected.add(copy(s.id(), r))));
                await().atMost(DELIVERY_WAIT).pollInterval(Duration.ofMillis(500))
                        .until(() -> arrivals().keySet().containsAll(expected));
                mostThreads.accumulateAndGet(threads(hub.pid()), Math::max);
                report("delivered", hub, starting, mostThreads.get());

                Map<String, Integer> arrived = arrivals();
                for (String c : expected) {
                    assertThat(arrived.get(c)).as("deliveries of copy " + c).isEqualTo(1);
                }
                Set<String> ids = new LinkedHashSet<>(sent.stream().map(Sent::id).toList());
                assertThat(arrived.keySet().stream().filter(c -> ids.contains(c.substring(0, c.indexOf(' ')))))
                        .as("copies of the batch's messages to agencies they should not reach")
                        .containsExactlyInAnyOrderElementsOf(expected);
                assertThat(sent.stream().flatMap(s -> s.recipients().stream()).distinct().count())
                        .as("distinct agencies reached").isGreaterThanOrEqualTo(REPORTS + SHARES);
                assertThat(mostThreads.get()).as("most threads of the hub seen").isLessThanOrEqualTo(MAX_THREADS);
            } finally {
                report("stopping", hub, starting, mostThreads.get());
                hub.stop();
                stopLeftoverDatabase();
            }
        }
    }

    /** What was sent: the message and the agencies its copies must reach. */
    private record Sent(String id, List<String> recipients) {
    }

    /**
     * Duty-to-reports about a child of each council in turn (one copy, to that council), and information shares from
     * the police naming a school and a GP practice spread over the directory (three copies: the child's council by
     * rule, the school and the practice).
     */
    private List<Sent> sendSpreadBatch(HubProcess hub) throws IOException, InterruptedException {
        List<JsonNode> councils = ofKind("council");
        List<JsonNode> schools = ofKind("school");
        List<JsonNode> practices = ofKind("gp-practice");
        List<Sent> sent = new ArrayList<>();
        for (int i = 0; i < REPORTS; i++) {
            JsonNode council = councils.get(i % councils.size());
            ObjectNode report = example("duty-to-report");
            String id = UUID.randomUUID().toString();
            report.put("messageId", id);
            ((ObjectNode) report.path("body").path("children").path(0))
                    .put("localAuthority", council.path("localAuthority").asText());
            assertThat(hub.post(POLICE, report.toString()).statusCode()).as("report " + i).isEqualTo(202);
            sent.add(new Sent(id, List.of(council.path("id").asText())));
        }
        for (int i = 0; i < SHARES; i++) {
            JsonNode council = councils.get((i * 7) % councils.size());
            JsonNode school = schools.get((i * 37) % schools.size());
            JsonNode practice = practices.get((i * 11) % practices.size());
            ObjectNode share = example("information-share");
            String id = UUID.randomUUID().toString();
            share.put("messageId", id);
            share.put("caseReference", "WALES-IT-" + id);
            share.putArray("recipients").add(school.path("id").asText()).add(practice.path("id").asText());
            ObjectNode child = (ObjectNode) share.path("body").path("child");
            child.put("localAuthority", council.path("localAuthority").asText());
            ((ObjectNode) child.path("school")).put("schoolNumber", school.path("schoolNumber").asText());
            ((ObjectNode) child.path("gpPractice")).put("odsCode", practice.path("odsCode").asText());
            assertThat(hub.post(POLICE, share.toString()).statusCode()).as("information share " + i).isEqualTo(202);
            sent.add(new Sent(id, List.of(council.path("id").asText(), school.path("id").asText(),
                    practice.path("id").asText())));
        }
        return sent;
    }

    /** Successful deliveries per copy ({@code <message id> <agency id>}) the stub has seen. */
    private Map<String, Integer> arrivals() {
        Map<String, Integer> counts = new HashMap<>();
        for (ServeEvent event : agencies.getAllServeEvents()) {
            String path = event.getRequest().getUrl();
            String id = event.getRequest().getHeader(MESSAGE_ID);
            LoggedResponse response = event.getResponse();
            if (path.startsWith(PREFIX) && id != null && response != null && response.getStatus() == 202) {
                counts.merge(copy(id, path.substring(PREFIX.length())), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static String copy(String messageId, String agencyId) {
        return messageId + " " + agencyId;
    }

    private List<JsonNode> ofKind(String kind) {
        List<JsonNode> found = new ArrayList<>();
        wales.path("agencies").forEach(a -> {
            if (kind.equals(a.path("kind").asText())) {
                found.add(a);
            }
        });
        return found;
    }

    private static ObjectNode example(String type) throws IOException {
        try (InputStream in = WalesSizeIT.class.getResourceAsStream("/examples/valid/" + type + ".json")) {
            return (ObjectNode) CanonicalJson.mapper().readTree(in);
        }
    }

    /** Threads of a process, from {@code /proc/<pid>/status}. */
    static long threads(long pid) throws IOException {
        return statusLine(pid, "Threads").orElseThrow(() -> new IllegalStateException("no /proc/" + pid + "/status"));
    }

    private static OptionalLong statusLine(long pid, String field) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.exists(status)) {
            return OptionalLong.empty();
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith(field + ":")) {
                return OptionalLong.of(Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]));
            }
        }
        return OptionalLong.empty();
    }

    /** The figures for the table, on the test's output (no message content). */
    private static void report(String when, HubProcess hub, long starting, long mostThreads) throws IOException {
        OptionalLong threads = statusLine(hub.pid(), "Threads");
        OptionalLong rss = statusLine(hub.pid(), "VmRSS");
        System.out.printf("WalesSizeIT %s after %.1f s: threads %s (most seen %d), RSS %s MB%n", when,
                (System.nanoTime() - starting) / 1e9, threads.isPresent() ? threads.getAsLong() : "n/a", mostThreads,
                rss.isPresent() ? rss.getAsLong() / 1024 : "n/a");
    }

    /** After a forced stop the embedded PostgreSQL (its own session) outlives the hub: stop the one this test started. */
    private void stopLeftoverDatabase() throws IOException {
        Path lock = dataDir.resolve("postgres").resolve("postmaster.pid");
        if (!Files.isRegularFile(lock)) {
            return;
        }
        long pid = Long.parseLong(Files.readAllLines(lock).get(0).trim());
        ProcessHandle.of(pid).filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
                .ifPresent(ProcessHandle::destroy);
    }
}
