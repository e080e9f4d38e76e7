package wales.safeguarding.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Every agency system the hub delivers to, in one process and on one loopback port: answers 202 to any POST under
 * {@code /agency/<id>}, and notes when the copy of each {@code X-Hub-Message-Id} first arrived at each agency (on
 * this JVM's {@link System#nanoTime()} clock, the same clock the senders use, so send-to-arrival latencies need no
 * clock alignment between processes). A copy is keyed {@code <message id> <agency id>} ({@link #copy}).
 */
final class AgencyStub implements AutoCloseable {

    static final String MESSAGE_ID_HEADER = "X-Hub-Message-Id";
    static final String PATH_PREFIX = "/agency/";
    private static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> byAgency = new ConcurrentHashMap<>();
    private final LongAdder repeats = new LongAdder();
    private final LongAdder withoutId = new LongAdder();
    private final Object arrived = new Object();

    private AgencyStub(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    static AgencyStub start() throws IOException {
        return start(0);
    }

    /** On the given loopback port (0: any free one). */
    static AgencyStub start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        AtomicInteger n = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "agency-stub-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        AgencyStub stub = new AgencyStub(server, executor);
        server.createContext(PATH_PREFIX, stub::handle);
        server.setExecutor(executor);
        server.start();
        return stub;
    }

    /** The URL an agency's endpoint gets in the benchmark directory. */
    String endpointFor(String agencyId) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH_PREFIX + agencyId;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            try (InputStream in = exchange.getRequestBody()) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            long at = System.nanoTime();
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String agency = exchange.getRequestURI().getPath().substring(PATH_PREFIX.length());
            byAgency.computeIfAbsent(agency, a -> new LongAdder()).increment();
            String id = exchange.getRequestHeaders().getFirst(MESSAGE_ID_HEADER);
            if (id == null) {
                withoutId.increment();
            } else if (arrivals.putIfAbsent(copy(id, agency), at) != null) {
                repeats.increment();
            }
            exchange.sendResponseHeaders(202, -1);
            synchronized (arrived) {
                arrived.notifyAll();
            }
        } finally {
            exchange.close();
        }
    }

    /** The key of one copy: a message to one agency. */
    static String copy(String messageId, String agencyId) {
        return messageId + " " + agencyId;
    }

    /** When this copy ({@link #copy}) first arrived, or null. */
    Long arrivalOf(String copy) {
        return arrivals.get(copy);
    }

    /**
     * Waits until every one of {@code copies} ({@link #copy}) has arrived or {@code timeoutNanos} passed; returns how
     * many arrived. Copies are checked in order, so a wait costs little when arrivals come roughly in sending order.
     */
    int awaitArrivals(List<String> copies, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        int k = 0;
        synchronized (arrived) {
            while (k < copies.size()) {
                if (arrivals.containsKey(copies.get(k))) {
                    k++;
                    continue;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                arrived.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 500)));
            }
        }
        return (int) copies.stream().filter(arrivals::containsKey).count();
    }

    /** Forgets every arrival and count: the next hub starts from nothing. */
    void reset() {
        arrivals.clear();
        byAgency.clear();
        repeats.reset();
        withoutId.reset();
    }

    /** Deliveries of a copy that had already arrived (a redelivery the agency must de-duplicate). */
    long repeats() {
        return repeats.sum();
    }

    long withoutId() {
        return withoutId.sum();
    }

    Map<String, Long> countsByAgency() {
        Map<String, Long> counts = new TreeMap<>();
        byAgency.forEach((agency, n) -> counts.put(agency, n.sum()));
        return counts;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
