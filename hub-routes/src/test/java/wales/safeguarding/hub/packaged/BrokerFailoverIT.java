package wales.safeguarding.hub.packaged;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * A live/backup replication pair made as deploy/artemis recommends (TLS on the acceptors, split-brain guard on), one
 * packaged hub on it and on the PostgreSQL server. The primary is killed with {@code kill -9} in the middle of a load
 * of 2,000 messages to 40 agencies: the backup takes over, the hub follows it, no message is lost, and any copy that
 * reached its agency twice is one that was being delivered at the kill. Then the old primary starts again, takes its
 * place back, and what is sent after that is delivered too.
 */
class BrokerFailoverIT {

    private static final int RECEIVERS = 40;
    private static final int MESSAGES = 2000;
    private static final int AFTER_FAILBACK = 50;
    /** Concurrent deliveries per agency queue in the hub (today's engine: JMS consumers per agency). */
    private static final int CONSUMERS_PER_AGENCY = 2;
    /** At most this many deliveries are under way in the hub at any moment: the most that can arrive twice. */
    private static final int IN_FLIGHT_BOUND = RECEIVERS * CONSUMERS_PER_AGENCY;
    private static final Duration WAIT = Duration.ofMinutes(6);

    private Path root;
    private AgencyStubs stubs;
    private WireMockServer networkCheck;
    private ServerDatabase database;
    private ArtemisBroker primary;
    private ArtemisBroker backup;
    private HubProcess hub;
    private Load load;

    @BeforeEach
    void topology() throws Exception {
        root = Files.createDirectories(Path.of("target", "fault-it", "failover-" + Instant.now().toEpochMilli())
                .toAbsolutePath());
        stubs = new AgencyStubs(2, RECEIVERS);
        Path directory = stubs.writeDirectory(root.resolve("directory.json"));
        // what each broker's split-brain guard fetches: "my network is up" while it answers
        networkCheck = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        networkCheck.start();
        networkCheck.stubFor(get(urlEqualTo("/network-check")).willReturn(aResponse().withStatus(200)));
        String checkUrl = "http://127.0.0.1:" + networkCheck.port() + "/network-check";
        database = ServerDatabase.create(root);
        TlsFiles tls = TlsFiles.make(root.resolve("tls"));
        String hubPassword = UUID.randomUUID().toString();
        int primaryPort = ArtemisBroker.freePort();
        int backupPort = ArtemisBroker.freePort();
        primary = ArtemisBroker.ofPair(root, ArtemisBroker.Role.PRIMARY, primaryPort, backupPort, tls, checkUrl,
                hubPassword).start();
        backup = ArtemisBroker.ofPair(root, ArtemisBroker.Role.BACKUP, backupPort, primaryPort, tls, checkUrl,
                hubPassword).start(primary);
        SharedTokens tokens = new SharedTokens();
        Map<String, String> properties = new HashMap<>(database.hubProperties());
        properties.put("hub.broker.url", ArtemisBroker.hubUrl(tls, primary, backup));
        properties.put("hub.broker.user", ArtemisBroker.HUB_USER);
        properties.put("hub.broker.password", hubPassword);
        properties.put("hub.delivery.outbox-grace", "PT2S");
        properties.put("hub.delivery.concurrency.default", String.valueOf(CONSUMERS_PER_AGENCY));
        hub = HubProcess.startOn(root.resolve("hub-data"), directory, properties, "hub", tokens);
        load = new Load(List.of(hub), tokens);
    }

    @AfterEach
    void tear_down() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {hub, backup, primary, database, stubs}) {
            if (c != null) {
                c.close();
            }
        }
        if (networkCheck != null) {
            networkCheck.stop();
        }
    }

    @Test
    void should_lose_nothing_when_the_primary_is_killed_under_load_and_fail_back_when_it_returns() throws Exception {
        long started = System.nanoTime();
        CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> send(messages(MESSAGES)));
        await().atMost(WAIT).until(() -> stubs.arrivals(load.accepted).size() >= MESSAGES / 4 || sending.isDone());
        int deliveredAtKill = stubs.arrivals(load.accepted).size();
        int acceptedAtKill = load.accepted.size();
        primary.kill();
        backup.awaitActive();
        sending.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(load.accepted).as("messages the hub accepted (202) across the fail-over").hasSize(MESSAGES);

        Set<String> sent = Set.copyOf(load.accepted);
        await().atMost(WAIT).until(() -> stubs.arrivals(sent).size() == sent.size());
        // redeliveries and outbox sweeps still run: wait until nothing more arrives for 5 s, then count
        int[] settled = {-1};
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(60)).until(() -> {
            int now = BrokerOutageIT.total(stubs.arrivals(sent));
            boolean same = now == settled[0];
            settled[0] = now;
            return same;
        });
        Map<String, Integer> arrivals = stubs.arrivals(sent);
        int duplicates = BrokerOutageIT.total(arrivals) - arrivals.size();
        assertThat(arrivals).as("distinct copies delivered").hasSize(MESSAGES);
        assertThat(arrivals.values()).as("no copy arrives more than twice").allMatch(n -> n <= 2);
        assertThat(duplicates).as("copies delivered twice: at most those in flight at the kill")
                .isLessThanOrEqualTo(IN_FLIGHT_BOUND);
        long failedOver = System.nanoTime();

        primary.start();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(primary::replicaInSync);
        load.accepted.clear();
        send(messages(AFTER_FAILBACK));
        Set<String> later = Set.copyOf(load.accepted);
        assertThat(later).hasSize(AFTER_FAILBACK);
        await().atMost(WAIT).until(() -> stubs.arrivals(later).size() == AFTER_FAILBACK);

        System.out.printf("BrokerFailoverIT: %d messages to %d agencies; primary killed after %d accepted and %d "
                + "delivered; distinct delivered %d, total requests %d, duplicates %d (bound %d); fail-back: %d more "
                + "sent, %d delivered; load and fail-over %d s, whole test %d s%n", MESSAGES, RECEIVERS, acceptedAtKill,
                deliveredAtKill, arrivals.size(), BrokerOutageIT.total(arrivals), duplicates, IN_FLIGHT_BOUND,
                AFTER_FAILBACK, stubs.arrivals(later).size(), Duration.ofNanos(failedOver - started).toSeconds(),
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    private void send(List<ObjectNode> messages) {
        try {
            load.send(messages, 8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<ObjectNode> messages(int count) {
        List<ObjectNode> messages = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                messages.add(Load.informationShare(stubs.receivers().get(i % RECEIVERS)));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return messages;
    }
}
