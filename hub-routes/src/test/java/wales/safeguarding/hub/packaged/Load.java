package wales.safeguarding.hub.packaged;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.ObjectNode;

import wales.safeguarding.schemas.envelope.CanonicalJson;

/**
 * Agency systems sending messages to one or more hubs: a bounded number of messages from a bounded number of
 * threads. A message whose request fails (its hub was killed, or answered 5xx) is sent again with the same message
 * id to the next hub that is running, at most {@link #ATTEMPTS} times; a hub answers a resubmission of a message it
 * already stored with 200, so the sender always learns where it stands.
 */
final class Load {

    static final int ATTEMPTS = 10;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final List<HubProcess> hubs;
    private final SharedTokens tokens;
    private final AtomicInteger next = new AtomicInteger();
    final Set<String> accepted = ConcurrentHashMap.newKeySet();
    final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    final AtomicInteger failedRequests = new AtomicInteger();
    final AtomicInteger given = new AtomicInteger();
    /** Messages no hub accepted, with the last thing that happened to each. */
    final Map<String, String> unanswered = new ConcurrentHashMap<>();

    Load(List<HubProcess> hubs, SharedTokens tokens) {
        this.hubs = hubs;
        this.tokens = tokens;
    }

    /** An information-share from the council to one receiving agency (one copy per message). */
    static ObjectNode informationShare(String recipient) throws IOException {
        ObjectNode message = example("information-share");
        message.put("messageId", UUID.randomUUID().toString());
        message.put("sender", AgencyStubs.COUNCIL);
        message.putArray("recipients").add(recipient);
        return message;
    }

    static ObjectNode example(String type) throws IOException {
        try (InputStream in = Load.class.getResourceAsStream("/examples/valid/" + type + ".json")) {
            return (ObjectNode) CanonicalJson.mapper().readTree(in);
        }
    }

    /** Sends every message (sender = its {@code sender} field) from {@code threads} threads; returns when all are done. */
    void send(List<ObjectNode> messages, int threads) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (ObjectNode message : messages) {
                done.add(pool.submit(() -> sendOne(message)));
            }
            for (Future<?> f : done) {
                try {
                    f.get(10, TimeUnit.MINUTES);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    throw new IllegalStateException("a send did not finish", e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void sendOne(ObjectNode message) {
        String id = message.get("messageId").asText();
        String body = message.toString();
        String bearer = tokens.agency(message.get("sender").asText());
        HubProcess failed = null;
        String last = "no attempt";
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            HubProcess hub = pick(failed);
            if (hub == null) {
                last = "no hub running";
                break;
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(hub.uri("/api/v1/messages"))
                        .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + bearer)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.ofString());
                statuses.computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                if (r.statusCode() == 202 || r.statusCode() == 200) {
                    accepted.add(id);
                    given.incrementAndGet();
                    return;
                }
                if (r.statusCode() < 500) {
                    throw new IllegalStateException("message refused with " + r.statusCode() + ": " + r.body());
                }
                failed = hub;
                last = "answer " + r.statusCode();
            } catch (IOException e) {
                // a killed hub refuses connections before its process is gone: try another one next
                failedRequests.incrementAndGet();
                failed = hub;
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                last = "interrupted";
                break;
            } catch (RuntimeException e) {
                last = e.toString();
                break;
            }
        }
        unanswered.put(id, last);
        given.incrementAndGet();
    }

    /** The next running hub, other than the one that just failed when there is another. */
    private HubProcess pick(HubProcess failed) {
        HubProcess fallback = null;
        int first = next.getAndIncrement();
        for (int i = 0; i < hubs.size(); i++) {
            HubProcess hub = hubs.get(Math.floorMod(first + i, hubs.size()));
            if (hub.alive() && hub != failed) {
                return hub;
            }
            if (hub.alive()) {
                fallback = hub;
            }
        }
        return fallback;
    }

    @Override
    public String toString() {
        return "answers " + statuses + ", failed requests " + failedRequests + ", unanswered " + unanswered;
    }
}
