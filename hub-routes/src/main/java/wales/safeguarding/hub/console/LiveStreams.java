package wales.safeguarding.hub.console;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;


/**
 * The console's live streams. Each open stream is a task on a small scheduler of its own (never the event loop):
 * every tick it sends the "now" view and a "message" event for each message accepted since the last tick (in pages of
 * 200, at most five a tick; a larger burst follows on the next ticks). A stream
 * whose client has gone is dropped at its next send; one whose tick fails otherwise is tried again, and dropped after
 * three failed ticks in a row.
 */
@ApplicationScoped
public class LiveStreams {

    private static final Logger LOG = Logger.getLogger(LiveStreams.class);
    static final Duration OVERLAP = Duration.ofSeconds(10);
    static final int MAX_MESSAGES_PER_TICK = 200;
    static final int MAX_PAGES_PER_TICK = 5;
    /** The first tick waits for the request that opened the stream to have returned its response's start. */
    static final long FIRST_TICK_DELAY_MS = 50;
    static final int MAX_FAILED_TICKS = 3;
    /** A client that has not taken an event in this time (its connection stalled) is dropped. */
    static final long SEND_TIMEOUT_MS = 10_000;

    private final OperationsNow operations;
    private final ConsoleMessages messages;
    private final Clock clock;
    private final ObjectMapper json;
    private final long tickMs;
    private final ScheduledExecutorService scheduler;
    /** The last "now" view and when it was made (System.nanoTime): one computation a tick for all open streams. */
    private final AtomicReference<SharedNow> sharedNow = new AtomicReference<>();
    /** True while one stream's tick makes the "now" view: the others send the last one rather than wait. */
    private final java.util.concurrent.atomic.AtomicBoolean making = new java.util.concurrent.atomic.AtomicBoolean();

    private record SharedNow(OperationsNow.Now view, long madeAtNanos) {
    }

    public LiveStreams(OperationsNow operations, ConsoleMessages messages, Clock clock, ObjectMapper json,
            @ConfigProperty(name = "hub.console.stream.tick-ms") long tickMs,
            @ConfigProperty(name = "hub.console.stream.threads") int threads) {
        this.operations = operations;
        this.messages = messages;
        this.clock = clock;
        this.json = json;
        this.tickMs = tickMs;
        this.scheduler = Executors.newScheduledThreadPool(threads, r -> {
            Thread t = new Thread(r, "console-stream");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts sending to {@code sink} until the client goes. */
    public void follow(SseEventSink sink, Sse sse, String user) {
        // from now by the hub's clock: what was accepted before the stream opened is in the message list
        NewMessages follower = new NewMessages(clock.instant(), OVERLAP);
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        AtomicInteger failures = new AtomicInteger();
        task.set(scheduler.scheduleWithFixedDelay(() -> {
            try {
                if (sink.isClosed()) {
                    stop(task, user);
                    return;
                }
                send(sink, sse, "now", now());
                // page on while pages come back full (a burst), up to a bound; the rest follows on the next tick
                for (int page = 0; page < MAX_PAGES_PER_TICK; page++) {
                    List<ConsoleMessages.Summary> polled = messages.acceptedAfter(follower.pollFrom(),
                            MAX_MESSAGES_PER_TICK);
                    for (ConsoleMessages.Summary s : follower.unseen(polled, MAX_MESSAGES_PER_TICK, clock.instant())) {
                        send(sink, sse, "message", s);
                    }
                    if (polled.size() < MAX_MESSAGES_PER_TICK) {
                        break;
                    }
                }
                failures.set(0);
            } catch (RuntimeException e) {
                // a client gone shows as a closed sink; anything else (the database, a send racing the response's
                // start) is tried again at the next tick, and the stream ends only after it fails three ticks running
                if (sink.isClosed() || failures.incrementAndGet() >= MAX_FAILED_TICKS) {
                    LOG.infof("console stream of %s ended: %s", user, e.getClass().getSimpleName());
                    sink.close();
                    stop(task, user);
                } else {
                    LOG.infof("console stream of %s: a tick failed (%s), trying again", user, e.getClass().getSimpleName());
                }
            }
        }, FIRST_TICK_DELAY_MS, tickMs, TimeUnit.MILLISECONDS));
        LOG.infof("console stream opened by %s", user);
    }

    /**
     * The "now" view, made at most once per half tick whatever the number of people watching, and by one stream at a
     * time: while one tick makes it (its queries may wait for a database connection behind delivery work), the other
     * streams send the last view made rather than wait too. Only the very first view is waited for by every stream.
     */
    private OperationsNow.Now now() {
        long at = System.nanoTime();
        SharedNow last = sharedNow.get();
        if (last != null && at - last.madeAtNanos() < TimeUnit.MILLISECONDS.toNanos(tickMs) / 2) {
            return last.view();
        }
        boolean mine = making.compareAndSet(false, true);
        if (!mine && last != null) {
            return last.view();
        }
        try {
            OperationsNow.Now view = operations.now();
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - at);
            if (tookMs > tickMs) {
                LOG.infof("console: the now view took %d ms to make (longer than a tick, %d ms)", tookMs, tickMs);
            }
            sharedNow.set(new SharedNow(view, System.nanoTime()));
            return view;
        } finally {
            if (mine) {
                making.set(false);
            }
        }
    }

    /**
     * Sends one event and waits for it to be written. A client that has not taken it within {@link #SEND_TIMEOUT_MS}
     * (a stalled connection: its buffers are full) is closed, so a stream's thread is never held for ever and the
     * other streams on the scheduler go on.
     */
    private void send(SseEventSink sink, Sse sse, String name, Object data) {
        String text;
        try {
            text = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the " + name + " event", e);
        }
        try {
            sink.send(sse.newEventBuilder().name(name).mediaType(MediaType.APPLICATION_JSON_TYPE).data(text).build())
                    .toCompletableFuture().get(SEND_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            sink.close();
            throw new IllegalStateException("the client took no event for " + SEND_TIMEOUT_MS + " ms", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the " + name + " event was not sent", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending the " + name + " event", e);
        }
    }

    private static void stop(AtomicReference<ScheduledFuture<?>> task, String user) {
        ScheduledFuture<?> t = task.get();
        if (t != null) {
            t.cancel(false);
        }
        LOG.infof("console stream of %s closed", user);
    }

    @PreDestroy
    void shutdown() {
        scheduler.shutdownNow();
    }
}
