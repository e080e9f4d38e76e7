package wales.safeguarding.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The hub's own embedded broker measured without the hub's work around it: durable, persistent 2 KB messages on
 * queue {@code bench.raw} through the broker's TCP acceptor, each send blocking until the broker has persisted it
 * (as the hub's sends do), then all consumed. This is the ceiling the broker puts on the hub on this machine.
 */
final class RawBrokerBenchmark {

    static final String QUEUE = "bench.raw";
    static final int MESSAGE_BYTES = 2048;
    private static final int WARMUP = 200;
    private static final long RECEIVE_WAIT_MS = 500;

    /** What one run measured. */
    record Result(int sent, int consumed, long sendNanos, long consumeNanos, Latencies sendLatency) {

        double sendPerSecond() {
            return sent / (sendNanos / 1e9);
        }

        double consumePerSecond() {
            return consumed / (consumeNanos / 1e9);
        }

        /** Messages per second through both: the count over the send time plus the consume time. */
        double sendAndConsumePerSecond() {
            return consumed / ((sendNanos + consumeNanos) / 1e9);
        }
    }

    private final String url;
    private final int threads;
    private final Duration limit;
    private final byte[] payload = new byte[MESSAGE_BYTES];

    RawBrokerBenchmark(String url, int threads, Duration limit) {
        this.url = url;
        this.threads = threads;
        this.limit = limit;
        new Random(42).nextBytes(payload);
    }

    Result run(int count) throws Exception {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url)) {
            factory.setBlockOnDurableSend(true);
            // Warm-up, not measured: connections, the queue's creation, JIT on both sides.
            send(factory, Math.min(WARMUP, count));
            consume(factory, Math.min(WARMUP, count));
            long[] latencies = new long[count];
            long[] send = send(factory, count, latencies);
            long[] consume = consume(factory, (int) send[0]);
            return new Result((int) send[0], (int) consume[0], send[1], consume[1], new Latencies(
                    Arrays.stream(latencies).filter(l -> l > 0).toArray()));
        }
    }

    private long[] send(ActiveMQConnectionFactory factory, int count) throws Exception {
        return send(factory, count, new long[count]);
    }

    /** Sends {@code count} messages from {@code threads} producers; returns {sent, elapsed nanos}. */
    private long[] send(ActiveMQConnectionFactory factory, int count, long[] latencies) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        CountDownLatch connected = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        long deadline = System.nanoTime() + limit.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    try (Connection connection = factory.createConnection();
                            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
                        Queue queue = session.createQueue(QUEUE);
                        MessageProducer producer = session.createProducer(queue);
                        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                        connected.countDown();
                        go.await();
                        int i;
                        while ((i = next.getAndIncrement()) < count && System.nanoTime() < deadline) {
                            BytesMessage m = session.createBytesMessage();
                            m.writeBytes(payload);
                            long t0 = System.nanoTime();
                            producer.send(m);
                            latencies[i] = System.nanoTime() - t0;
                            sent.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            connected.await();
            long start = System.nanoTime();
            go.countDown();
            for (Future<?> w : workers) {
                w.get();
            }
            return new long[] {sent.get(), System.nanoTime() - start};
        } finally {
            pool.shutdownNow();
        }
    }

    /** Consumes {@code count} messages with {@code threads} consumers; returns {consumed, elapsed nanos}. */
    private long[] consume(ActiveMQConnectionFactory factory, int count) throws Exception {
        AtomicInteger consumed = new AtomicInteger();
        AtomicLong lastAt = new AtomicLong();
        CountDownLatch connected = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        long deadline = System.nanoTime() + limit.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    try (Connection connection = factory.createConnection();
                            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
                        MessageConsumer consumer = session.createConsumer(session.createQueue(QUEUE));
                        connected.countDown();
                        go.await();
                        connection.start();
                        while (consumed.get() < count && System.nanoTime() < deadline) {
                            if (consumer.receive(RECEIVE_WAIT_MS) != null && consumed.incrementAndGet() == count) {
                                lastAt.set(System.nanoTime());
                            }
                        }
                        // Closing returns anything still buffered in this consumer to the queue.
                    }
                    return null;
                }));
            }
            connected.await();
            long start = System.nanoTime();
            go.countDown();
            for (Future<?> w : workers) {
                w.get();
            }
            long end = lastAt.get() == 0 ? System.nanoTime() : lastAt.get();
            return new long[] {Math.min(consumed.get(), count), end - start};
        } finally {
            pool.shutdownNow();
        }
    }
}
