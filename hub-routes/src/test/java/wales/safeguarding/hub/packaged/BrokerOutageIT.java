package wales.safeguarding.hub.packaged;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The broker goes away while agencies keep sending: the packaged hub, on the PostgreSQL server and a standalone Artemis
 * broker with TLS made from deploy/artemis, keeps answering 202 (each message is in PostgreSQL), and once the broker
 * is back every message is delivered exactly once.
 */
class BrokerOutageIT {

    private static final int RECEIVERS = 20;
    private static final int BEFORE = 200;
    private static final int DURING = 100;
    private static final Duration WAIT = Duration.ofSeconds(180);

    private Path root;
    private AgencyStubs stubs;
    private ServerDatabase database;
    private ArtemisBroker broker;
    private HubProcess hub;
    private Load load;

    @BeforeEach
    void topology() throws Exception {
        root = Files.createDirectories(Path.of("target", "fault-it", "outage-" + Instant.now().toEpochMilli())
                .toAbsolutePath());
        stubs = new AgencyStubs(1, RECEIVERS);
        Path directory = stubs.writeDirectory(root.resolve("directory.json"));
        database = ServerDatabase.create(root);
        TlsFiles tls = TlsFiles.make(root.resolve("tls"));
        String hubPassword = UUID.randomUUID().toString();
        broker = ArtemisBroker.standalone(root, tls, hubPassword).start();
        SharedTokens tokens = new SharedTokens();
        Map<String, String> properties = new HashMap<>(database.hubProperties());
        properties.put("hub.broker.url", ArtemisBroker.hubUrl(tls, broker));
        properties.put("hub.broker.user", ArtemisBroker.HUB_USER);
        properties.put("hub.broker.password", hubPassword);
        properties.put("hub.delivery.outbox-grace", "PT2S");
        hub = HubProcess.startOn(root.resolve("hub-data"), directory, properties, "hub", tokens);
        load = new Load(List.of(hub), tokens);
    }

    @AfterEach
    void tear_down() throws Exception {
        if (hub != null) {
            hub.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (database != null) {
            database.close();
        }
        if (stubs != null) {
            stubs.close();
        }
    }

    @Test
    void should_accept_while_the_broker_is_down_and_deliver_everything_once_when_it_is_back() throws Exception {
        long started = System.nanoTime();
        load.send(messages(BEFORE), 8);
        assertThat(load.accepted).hasSize(BEFORE);
        await().atMost(WAIT).until(() -> stubs.arrivals(load.accepted).size() == BEFORE);
        // the hub's user may read a queue's depth through the management address (the console, the backlog alert)
        assertThat(broker.messageCountAsHub("hub.deliver." + stubs.receivers().get(0))).isZero();

        broker.stop();
        List<String> readiness = new ArrayList<>();
        Set<String> duringOutage = new HashSet<>();
        for (ObjectNode message : messages(DURING)) {
            HttpResponse<String> answer = hub.send(HttpRequest.newBuilder(hub.uri("/api/v1/messages"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(message.toString())), hub.token(AgencyStubs.COUNCIL));
            assertThat(answer.statusCode()).as("answer to a message sent while the broker is down").isEqualTo(202);
            duringOutage.add(message.get("messageId").asText());
        }
        readiness.add("during the outage: " + readinessOf(hub) + ", broker " + wellnessOf(hub));
        // readiness follows what intake needs (the database): the instance stays in the Service and says so
        assertThat(readinessOf(hub)).as("readiness while the broker is down").isEqualTo(200);
        assertThat(wellnessOf(hub)).as("the broker's own check while it is down").isEqualTo(503);
        assertThat(stubs.arrivals(duringOutage)).as("nothing can be delivered without the broker").isEmpty();

        broker.start();
        Set<String> all = new HashSet<>(load.accepted);
        all.addAll(duringOutage);
        await().atMost(WAIT).until(() -> stubs.arrivals(all).size() == all.size());
        // several outbox sweeps and redelivery rounds pass while we watch: no copy may arrive twice
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(15))
                .until(() -> total(stubs.arrivals(all)) == all.size());
        readiness.add("after: " + readinessOf(hub) + ", broker " + wellnessOf(hub));
        assertThat(wellnessOf(hub)).as("the broker's own check once it is back").isEqualTo(200);
        System.out.printf("BrokerOutageIT: %d messages before, %d during the outage (all 202), distinct delivered %d, "
                + "total requests %d, readiness %s, took %d s%n", BEFORE, DURING, stubs.arrivals(all).size(),
                total(stubs.arrivals(all)), readiness, Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    private List<ObjectNode> messages(int count) throws Exception {
        List<ObjectNode> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(Load.informationShare(stubs.receivers().get(i % RECEIVERS)));
        }
        return messages;
    }

    private static int readinessOf(HubProcess hub) throws Exception {
        return health(hub, "/q/health/ready");
    }

    private static int wellnessOf(HubProcess hub) throws Exception {
        return health(hub, "/q/health/well");
    }

    /** Health needs no token (and an invalid one would be refused). */
    private static int health(HubProcess hub, String path) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(hub.uri(path)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static int total(Map<String, Integer> arrivals) {
        return arrivals.values().stream().mapToInt(Integer::intValue).sum();
    }
}
