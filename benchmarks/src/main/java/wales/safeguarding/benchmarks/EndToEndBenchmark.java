package wales.safeguarding.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Measures the packaged hub end to end on this machine, and its embedded broker alone, in one run:
 * <ol>
 *   <li>starts a stub council system and writes a directory pointing every agency at it;</li>
 *   <li>starts the hub jar as a child process (demo profile, embedded broker and PostgreSQL, fresh data);</li>
 *   <li>warms up, then sends N duty-to-reports from C concurrent senders and waits for each at the council;</li>
 *   <li>sends and consumes M durable 2 KB messages straight through the hub's broker (its TCP acceptor);</li>
 *   <li>prints throughput, latency percentiles, CPU and memory, stops the hub, and exits 1 if anything was lost.</li>
 * </ol>
 * Run by hand with {@code benchmarks/run.sh}; see {@code benchmarks/README.md}.
 */
public final class EndToEndBenchmark {

    private static final String COUNCIL = "carmarthenshire-childrens-services";
    private static final String COUNCIL_LOCAL_AUTHORITY = "W06000010";
    private static final double MB = 1024.0 * 1024.0;
    private static final long IDLE_SAMPLE_MS = 3000;

    private final Options options;
    private final ObjectMapper json = new ObjectMapper();

    private EndToEndBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String... args) {
        int code;
        try {
            code = new EndToEndBenchmark(Options.parse(args)).run();
        } catch (Options.UsageException e) {
            if (e.getMessage() != null) {
                System.err.println(e.getMessage());
            }
            System.err.print(Options.USAGE);
            code = e.getMessage() == null ? 0 : 2;
        } catch (Exception e) {
            System.err.println("benchmark failed: " + e.getMessage());
            e.printStackTrace();
            code = 2;
        }
        System.exit(code);
    }

    private int run() throws Exception {
        ObjectNode message = exampleMessage();
        String sender = message.path("sender").asText();
        Files.createDirectories(options.workDir());
        printHeader(sender);
        try (CouncilStub stub = CouncilStub.start()) {
            Path directory = writeDirectory(stub);
            long starting = System.nanoTime();
            HubProcess hub = HubProcess.start(options.hubJar(), options.workDir(), directory, options.hubJvmOptions());
            // Ctrl-C must not leave a hub (and its PostgreSQL) behind.
            Thread stopOnExit = new Thread(() -> stopQuietly(hub), "stop-hub");
            Runtime.getRuntime().addShutdownHook(stopOnExit);
            try {
                hub.awaitReady(options.startTimeout());
                line("hub ready in %.1f s: pid %d, %s, broker %s, log %s", seconds(System.nanoTime() - starting),
                        hub.pid(), hub.baseUri(), hub.brokerUrl(), hub.log());
                return measure(hub, stub, sender, new MessageSender(json, hub.baseUri().resolve("/api/v1/messages"),
                        hub.token(sender), message, options.concurrency(), options.phaseLimit()));
            } finally {
                long stopping = System.nanoTime();
                int exit = hub.stop();
                // A JVM ended by SIGTERM exits with 128 + 15, after its shutdown hooks have run.
                line("hub stopped in %.1f s (exit code %d%s)", seconds(System.nanoTime() - stopping), exit,
                        exit == 143 ? ": SIGTERM, as asked" : "");
                removeHook(stopOnExit);
            }
        }
    }

    private int measure(HubProcess hub, CouncilStub stub, String senderId, MessageSender sender) throws Exception {
        if (options.warmup() > 0) {
            MessageSender.Phase warm = sender.send(options.warmup());
            List<String> accepted = warm.acceptedIds();
            int arrived = stub.awaitArrivals(accepted, options.arrivalTimeout().toNanos());
            line("warm-up: %d sent, %d accepted, %d arrived at the council (not measured)", warm.attempted(),
                    accepted.size(), arrived);
            if (accepted.isEmpty()) {
                line("the hub accepted none of the warm-up messages: %s", warm.errors());
                return 1;
            }
        }

        Cpu before = Cpu.sample(hub);
        MessageSender.Phase run = sender.send(options.messages());
        List<String> accepted = run.acceptedIds();
        int arrived = stub.awaitArrivals(accepted, options.arrivalTimeout().toNanos());
        Cpu during = Cpu.sample(hub).minus(before);
        EndToEnd e2e = EndToEnd.of(run, stub);
        OptionalLong rssAfterEndToEnd = hub.rss();

        line("");
        line("END TO END: %d duty-to-reports from %s, %d concurrent senders, each POST waits for its answer",
                options.messages(), senderId, options.concurrency());
        line("  accepted (202)           %6d of %d in %6.2f s = %8.1f msg/s", accepted.size(), options.messages(),
                seconds(e2e.acceptWindow()), e2e.acceptedPerSecond(accepted.size()));
        line("  arrived at the council   %6d of %d in %6.2f s = %8.1f msg/s", arrived, accepted.size(),
                seconds(e2e.arrivalWindow()), e2e.arrivedPerSecond(arrived));
        line(Latencies.header());
        line(e2e.toAccepted().row("POST -> 202"));
        line(e2e.toArrival().row("POST -> arrival at council"));
        line("  stub: arrivals by agency %s; repeated deliveries %d; without %s %d", stub.countsByAgency(),
                stub.repeats(), CouncilStub.MESSAGE_ID_HEADER, stub.withoutId());
        line("  CPU from the first POST to the last arrival, in cores of %d: hub JVM %.2f, PostgreSQL %.2f, "
                + "this driver + stub %.2f, not theirs (kernel I/O and loopback work, other processes) %.2f",
                Runtime.getRuntime().availableProcessors(),
                during.hubCores(), during.databaseCores(), during.driverCores(), during.otherCores());
        if (!run.errors().isEmpty()) {
            line("  first refusals/errors: %s", run.errors());
        }

        line("");
        line("RAW BROKER: the hub's embedded Artemis via %s, queue %s, %d B durable persistent BytesMessages, "
                + "%d producers (blocking send) then %d consumers", hub.brokerUrl(), RawBrokerBenchmark.QUEUE,
                RawBrokerBenchmark.MESSAGE_BYTES, options.concurrency(), options.concurrency());
        RawBrokerBenchmark.Result raw = new RawBrokerBenchmark(hub.brokerUrl(), options.concurrency(),
                options.phaseLimit()).run(options.rawMessages());
        line("  send                     %6d in %6.2f s = %8.1f msg/s", raw.sent(), seconds(raw.sendNanos()),
                raw.sendPerSecond());
        line("  consume                  %6d in %6.2f s = %8.1f msg/s", raw.consumed(), seconds(raw.consumeNanos()),
                raw.consumePerSecond());
        line("  send + consume           %6d in %6.2f s = %8.1f msg/s", raw.consumed(),
                seconds(raw.sendNanos() + raw.consumeNanos()), raw.sendAndConsumePerSecond());
        line(Latencies.header());
        line(raw.sendLatency().row("blocking durable send"));

        double endToEnd = e2e.arrivedPerSecond(arrived);
        line("");
        line("RATIO end-to-end / raw: %.3f of raw send, %.3f of raw send + consume", endToEnd / raw.sendPerSecond(),
                endToEnd / raw.sendAndConsumePerSecond());

        line("");
        line("MEMORY of the hub JVM: RSS %s after end-to-end, %s at the end (peak %s); heap %s; "
                + "embedded PostgreSQL PSS %s", mb(rssAfterEndToEnd), mb(hub.rss()), mb(hub.peakRss()),
                hub.heap().map(h -> String.format(Locale.ROOT, "%.0f MB used of %.0f MB committed", h[0] / MB, h[1] / MB))
                        .orElse("n/a"), mb(hub.databasePss()));

        int notSent = options.messages() - run.attempted();
        int refused = run.attempted() - accepted.size();
        int lost = accepted.size() - arrived;
        int rawLost = options.rawMessages() - raw.consumed();
        line("");
        if (notSent + refused + lost + rawLost == 0) {
            line("RESULT: PASS: every message accepted and delivered, every raw message consumed");
            return 0;
        }
        line("RESULT: FAIL: %d not sent (time limit), %d refused, %d accepted but not delivered within %d s, "
                + "%d raw messages not consumed; hub log: %s", notSent, refused, lost,
                options.arrivalTimeout().toSeconds(), rawLost, hub.log());
        return 1;
    }

    private ObjectNode exampleMessage() throws Exception {
        JsonNode tree = json.readTree(options.exampleMessage().toFile());
        if (!(tree instanceof ObjectNode message) || !"duty-to-report".equals(tree.path("type").asText())) {
            throw new IllegalStateException(options.exampleMessage() + " is not a duty-to-report");
        }
        return message;
    }

    /** The demo directory with every endpoint pointed at the stub; ids and clients unchanged, so demo tokens work. */
    private Path writeDirectory(CouncilStub stub) throws Exception {
        ObjectNode root = (ObjectNode) json.readTree(options.demoDirectory().toFile());
        root.put("about", "Benchmark directory, written by benchmarks/EndToEndBenchmark: the demo directory with "
                + "every endpoint pointed at the benchmark's stub agency system. Never use in production.");
        boolean council = false;
        for (JsonNode agency : root.path("agencies")) {
            String id = agency.path("id").asText();
            if (agency.path("endpoint") instanceof ObjectNode endpoint) {
                endpoint.put("url", stub.endpointFor(id));
            }
            council |= COUNCIL.equals(id) && COUNCIL_LOCAL_AUTHORITY.equals(agency.path("localAuthority").asText());
        }
        if (!council) {
            throw new IllegalStateException(options.demoDirectory() + " has no " + COUNCIL + " for "
                    + COUNCIL_LOCAL_AUTHORITY);
        }
        Path file = options.workDir().resolve("benchmark-directory.json");
        json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
        return file;
    }

    private void printHeader(String sender) throws InterruptedException {
        line("Safeguarding hub benchmark, %s", Instant.now().truncatedTo(ChronoUnit.SECONDS));
        line("machine: %d cores, %s %s, Java %s", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));
        line("run: -n %d -c %d, warm-up %d, raw -m %d, sender %s, hub %s %s", options.messages(),
                options.concurrency(), options.warmup(), options.rawMessages(), sender, options.hubJar(),
                options.hubJvmOptions().isEmpty() ? "" : options.hubJvmOptions());
        line("machine busy before the run: %.2f cores (other work; well above 0.2 makes the figures unreliable)",
                machineBusyCores(IDLE_SAMPLE_MS));
    }

    /** How many cores other processes keep busy over {@code millis}, while this benchmark runs nothing. */
    private static double machineBusyCores(long millis) throws InterruptedException {
        long self = ProcessHandle.current().pid();
        long before = ProcFs.machineBusyTicks() - ProcFs.cpuTicks(self, false);
        long start = System.nanoTime();
        Thread.sleep(millis);
        long busy = ProcFs.machineBusyTicks() - ProcFs.cpuTicks(self, false) - before;
        return Math.max(0, busy / ProcFs.TICKS_PER_SECOND / seconds(System.nanoTime() - start));
    }

    /** Throughput windows and latencies of one measured phase, against the stub's arrival times. */
    private record EndToEnd(long acceptWindow, long arrivalWindow, Latencies toAccepted, Latencies toArrival) {

        static EndToEnd of(MessageSender.Phase run, CouncilStub stub) {
            List<Long> accepted = new ArrayList<>();
            List<Long> arrived = new ArrayList<>();
            long lastArrival = Long.MIN_VALUE;
            for (int i = 0; i < run.ids().size(); i++) {
                if (!run.accepted(i)) {
                    continue;
                }
                accepted.add(run.answeredAt()[i] - run.sentAt()[i]);
                Long at = stub.arrivalOf(run.ids().get(i));
                if (at != null) {
                    arrived.add(at - run.sentAt()[i]);
                    lastArrival = Math.max(lastArrival, at);
                }
            }
            long first = run.firstSent();
            return new EndToEnd(accepted.isEmpty() ? 0 : run.lastAccepted() - first,
                    arrived.isEmpty() ? 0 : lastArrival - first,
                    new Latencies(accepted.stream().mapToLong(Long::longValue).toArray()),
                    new Latencies(arrived.stream().mapToLong(Long::longValue).toArray()));
        }

        double acceptedPerSecond(int n) {
            return acceptWindow == 0 ? 0 : n / seconds(acceptWindow);
        }

        double arrivedPerSecond(int n) {
            return arrivalWindow == 0 ? 0 : n / seconds(arrivalWindow);
        }
    }

    /**
     * CPU ticks used by the hub JVM, its PostgreSQL, this process and the whole machine, and when they were read. On a
     * shared 2-core machine the rest ("anything else": a build, a test run) tells whether a run is worth keeping.
     */
    private record Cpu(long hub, long database, long driver, long machine, long at) {

        static Cpu sample(HubProcess hub) {
            return new Cpu(ProcFs.cpuTicks(hub.pid(), false), hub.databaseCpuTicks(),
                    ProcFs.cpuTicks(ProcessHandle.current().pid(), false), ProcFs.machineBusyTicks(), System.nanoTime());
        }

        Cpu minus(Cpu earlier) {
            return new Cpu(hub - earlier.hub, database - earlier.database, driver - earlier.driver,
                    machine - earlier.machine, at - earlier.at);
        }

        double otherCores() {
            return Math.max(0, cores(machine - hub - database - driver));
        }

        double hubCores() {
            return cores(hub);
        }

        double databaseCores() {
            return cores(database);
        }

        double driverCores() {
            return cores(driver);
        }

        private double cores(long ticks) {
            return at <= 0 ? 0 : ticks / ProcFs.TICKS_PER_SECOND / seconds(at);
        }
    }

    private static void stopQuietly(HubProcess hub) {
        try {
            hub.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run: nothing to remove
        }
    }

    private static String mb(OptionalLong bytes) {
        return bytes.isPresent() ? String.format(Locale.ROOT, "%.0f MB", bytes.getAsLong() / MB) : "n/a";
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void line(String format, Object... args) {
        System.out.println(args.length == 0 ? format : String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
