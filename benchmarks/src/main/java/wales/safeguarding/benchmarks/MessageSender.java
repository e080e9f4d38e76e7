package wales.safeguarding.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An agency system sending canonical messages to the hub ({@link Traffic}), from {@code concurrency} threads each
 * doing one blocking {@code POST} at a time.
 */
final class MessageSender {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int ERRORS_KEPT = 5;
    private static final int ERROR_BODY_CHARS = 300;

    /** One sending phase: per message its id, when it was sent, when the hub answered, and the answer's status. */
    record Phase(List<String> ids, long[] sentAt, long[] answeredAt, int[] status, List<String> errors) {

        /** Messages sent (status 0: never sent, because the phase time limit passed). */
        int attempted() {
            int n = 0;
            for (int s : status) {
                n += s == 0 ? 0 : 1;
            }
            return n;
        }

        boolean accepted(int i) {
            return status[i] == 202;
        }

        List<String> acceptedIds() {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                if (accepted(i)) {
                    out.add(ids.get(i));
                }
            }
            return out;
        }

        long firstSent() {
            long first = Long.MAX_VALUE;
            for (int i = 0; i < ids.size(); i++) {
                first = status[i] == 0 ? first : Math.min(first, sentAt[i]);
            }
            return first;
        }

        long lastAccepted() {
            long last = Long.MIN_VALUE;
            for (int i = 0; i < ids.size(); i++) {
                last = accepted(i) ? Math.max(last, answeredAt[i]) : last;
            }
            return last;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI messages;
    private final String token;
    private final int concurrency;
    private final Duration limit;

    MessageSender(URI messages, String token, int concurrency, Duration limit) {
        this.messages = messages;
        this.token = token;
        this.concurrency = concurrency;
        this.limit = limit;
    }

    /** Sends the messages; stops early (leaving the rest unsent) only if the phase time limit passes. */
    Phase send(List<Traffic.Message> outgoing) throws Exception {
        int count = outgoing.size();
        List<String> ids = outgoing.stream().map(Traffic.Message::id).toList();
        List<byte[]> bodies = outgoing.stream().map(Traffic.Message::body).toList();
        long[] sentAt = new long[count];
        long[] answeredAt = new long[count];
        int[] status = new int[count];
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        long deadline = System.nanoTime() + limit.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < concurrency; t++) {
                workers.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < count && System.nanoTime() < deadline) {
                        HttpRequest request = HttpRequest.newBuilder(messages).timeout(REQUEST_TIMEOUT)
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i))).build();
                        sentAt[i] = System.nanoTime();
                        try {
                            HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
                            answeredAt[i] = System.nanoTime();
                            status[i] = answer.statusCode();
                            if (status[i] != 202) {
                                keep(errors, "HTTP " + status[i] + ": " + shorten(answer.body()));
                            }
                        } catch (IOException e) {
                            answeredAt[i] = System.nanoTime();
                            status[i] = -1;
                            keep(errors, e.getClass().getSimpleName() + ": " + e.getMessage());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Phase(List.copyOf(ids), sentAt, answeredAt, status, List.copyOf(errors));
    }

    private static void keep(ConcurrentLinkedQueue<String> errors, String error) {
        if (errors.size() < ERRORS_KEPT) {
            errors.add(error);
        }
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() > ERROR_BODY_CHARS ? s.substring(0, ERROR_BODY_CHARS) + "…" : s;
    }
}
