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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * An agency system sending canonical messages to the hub ({@link Traffic}): closed loop, from {@code concurrency}
 * threads each doing one blocking {@code POST} at a time ({@link #send}), or open loop, at a fixed rate whatever the
 * hub's answers ({@link #sendAtRate}).
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
                        HttpRequest request = request(bodies.get(i));
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

    /**
     * Open loop: message {@code i} is due at {@code i / perSecond} seconds after the start and is sent then, whether
     * or not earlier ones have been answered (as many independent agency systems would), so a slow answer cannot hold
     * back the next sends. Each latency is measured from when the message was due, not from when it went out: a
     * sender that fell behind does not hide the delay (no coordinated omission). At most {@code maxOutstanding}
     * requests wait for an answer; a message due while that many wait is sent as soon as one is answered, and counted
     * in {@link OpenLoop#late}. Stops sending at the phase time limit.
     */
    OpenLoop sendAtRate(List<Traffic.Message> outgoing, double perSecond, int maxOutstanding) throws Exception {
        int count = outgoing.size();
        long[] dueAt = new long[count];
        long[] answeredAt = new long[count];
        int[] status = new int[count];
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        Semaphore outstanding = new Semaphore(maxOutstanding);
        CountDownLatch answered = new CountDownLatch(count);
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        long interval = (long) (1e9 / perSecond);
        int late = 0;
        int sent = 0;
        for (int i = 0; i < count && System.nanoTime() < deadline; i++) {
            dueAt[i] = start + i * interval;
            long wait = dueAt[i] - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!outstanding.tryAcquire()) {
                late++;
                if (!outstanding.tryAcquire(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    break;
                }
            }
            int index = i;
            sent++;
            client.sendAsync(request(outgoing.get(i).body()), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((answer, failure) -> {
                        answeredAt[index] = System.nanoTime();
                        if (failure != null) {
                            status[index] = -1;
                            keep(errors, failure.getClass().getSimpleName() + ": " + failure.getMessage());
                        } else {
                            status[index] = answer.statusCode();
                            if (status[index] != 202) {
                                keep(errors, "HTTP " + status[index] + ": " + shorten(answer.body()));
                            }
                        }
                        outstanding.release();
                        answered.countDown();
                    });
        }
        for (int i = sent; i < count; i++) {
            answered.countDown();
        }
        answered.await(REQUEST_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
        List<String> ids = outgoing.stream().map(Traffic.Message::id).toList();
        return new OpenLoop(new Phase(List.copyOf(ids), dueAt, answeredAt, status.clone(), List.copyOf(errors)),
                perSecond, late);
    }

    /** An open-loop phase: the messages (sent at = when each was due), the rate asked for, and how many went late. */
    record OpenLoop(Phase phase, double perSecond, int late) {
    }

    private HttpRequest request(byte[] body) {
        return HttpRequest.newBuilder(messages).timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
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
