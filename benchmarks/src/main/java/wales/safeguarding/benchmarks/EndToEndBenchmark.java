package wales.safeguarding.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Measures the packaged hub end to end on this machine, and its embedded broker alone, once with the 11-agency demo
 * directory and once with the Wales-size one ({@code deploy/directory/wales-directory.json}), in one run:
 * <ol>
 *   <li>starts one stub agency system on loopback; for each directory writes a copy with every endpoint pointed at
 *   it (ids, kinds and clients unchanged);</li>
 *   <li>starts the hub jar as a child process with that directory (demo profile, embedded broker and PostgreSQL,
 *   fresh data) and measures its ready time, threads and RSS;</li>
 *   <li>warms up, then sends N messages ({@link Traffic}: duty-to-reports to the councils in turn, information
 *   shares to a council, a school and a GP practice) from C concurrent senders and waits for every copy;</li>
 *   <li>sends and consumes M durable 2 KB messages straight through the hub's broker (its TCP acceptor);</li>
 *   <li>stops that hub; after both, prints the figures side by side and exits 1 if anything was lost.</li>
 * </ol>
 * Run by hand with {@code benchmarks/run.sh}; see {@code benchmarks/README.md}.
 */
public final class EndToEndBenchmark {

    private static final double MB = 1024.0 * 1024.0;
    private static final long IDLE_SAMPLE_MS = 3000;
    /** The same seed on both sides: the same shape of traffic. */
    private static final long TRAFFIC_SEED = 1851L;
    /** Requests the open-loop sender lets wait for an answer at once: far above what half the maximum needs. */
    private static final int OPEN_LOOP_OUTSTANDING = 256;

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
        ObjectNode report = example("duty-to-report");
        ObjectNode share = example("information-share");
        String sender = report.path("sender").asText();
        if (!sender.equals(share.path("sender").asText())) {
            throw new IllegalStateException("the duty-to-report and information-share examples have different senders");
        }
        Files.createDirectories(options.workDir());
        printHeader(sender);
        List<SideResult> results = new ArrayList<>();
        try (AgencyStub stub = AgencyStub.start()) {
            for (Options.Side side : options.sides()) {
                stub.reset();
                results.add(runSide(side, stub, report, share, sender));
            }
        }
        printSideBySide(results);
        line("");
        line("GOALS (issue 12), commit %s", options.commit());
        Goals.lines(results).forEach(EndToEndBenchmark::line);
        boolean passed = results.stream().allMatch(SideResult::passed);
        line("");
        line(passed ? "RESULT: PASS: on every side every message accepted and every copy delivered, every raw message "
                + "consumed" : "RESULT: FAIL: see the FAIL lines above");
        return passed ? 0 : 1;
    }

    private SideResult runSide(Options.Side side, AgencyStub stub, ObjectNode report, ObjectNode share, String sender)
            throws Exception {
        Path workDir = options.workDir().resolve(side.name());
        Files.createDirectories(workDir);
        ObjectNode directoryTree = pointedAtStub(side, stub);
        Path directory = workDir.resolve("benchmark-directory.json");
        json.writerWithDefaultPrettyPrinter().writeValue(directory.toFile(), directoryTree);
        int agencies = directoryTree.path("agencies").size();
        Traffic traffic = new Traffic(json, directoryTree, report, share, TRAFFIC_SEED);
        line("");
        line("==== %s: %s, %d agencies; traffic over %s", side.name().toUpperCase(Locale.ROOT), side.directory(),
                agencies, traffic.describe());
        SideResult result = new SideResult(side.name(), agencies);
        HubProcess hub = HubProcess.start(options.hubJar(), workDir, directory, options.hubJvmOptions());
        // Ctrl-C must not leave a hub (and its PostgreSQL) behind.
        Thread stopOnExit = new Thread(() -> stopQuietly(hub), "stop-hub");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            result.readySeconds = hub.awaitReady(options.startTimeout());
            result.threadsReady = hub.threads();
            result.rssReady = hub.rss();
            line("hub ready in %.1f s (hub CPU %.1f s): pid %d, %s threads, RSS %s, %s, broker %s, log %s",
                    result.readySeconds, hubCpuSeconds(hub), hub.pid(), count(result.threadsReady),
                    mb(result.rssReady), hub.baseUri(), hub.brokerUrl(), hub.log());
            long warming = System.nanoTime();
            boolean warm = hub.awaitAdaptersWarm(options.startTimeout());
            line("adapters %s %.1f s after ready (the FHIR validator warms in the background; measuring starts once "
                    + "it is warm)", warm ? "warm" : "STILL WARMING", seconds(System.nanoTime() - warming));
            measure(result, hub, stub, traffic, sender);
        } catch (Exception e) {
            // the message may end with the log's tail: its first line here, the log itself is on disk
            String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            result.failures.add(e.getClass().getSimpleName() + ": " + first);
            line("FAIL %s: %s; threads %s, RSS %s; log %s", side.name(), first, count(hub.threads()), mb(hub.rss()),
                    hub.log());
        } finally {
            long stopping = System.nanoTime();
            int exit = hub.stop();
            // A JVM ended by SIGTERM exits with 128 + 15, after its shutdown hooks have run.
            line("hub stopped in %.1f s (exit code %d%s)", seconds(System.nanoTime() - stopping), exit,
                    exit == 143 ? ": SIGTERM, as asked" : "");
            removeHook(stopOnExit);
        }
        if (side.startTimes() && result.readySeconds > 0) {
            measureStarts(result, workDir, directory);
        }
        return result;
    }

    /**
     * Goal 4's further starts, each from {@code java -jar} to ready and stopped at once: a restart on the data folder
     * the measured hub left (embedded defaults: the PostgreSQL binaries unpacked, the database made and migrated, the
     * demo signing key kept), then two starts against a PostgreSQL and a broker this driver runs (the first migrates
     * the empty database; the second is production's start).
     */
    private void measureStarts(SideResult result, Path workDir, Path directory) {
        line("START TIMES (goal 4), %s directory, from java -jar to ready, each hub stopped once ready:", result.name);
        try {
            result.restartSeconds = timedStart(workDir, directory, false, HubProcess.EMBEDDED_SERVICES,
                    "restart on the same data folder, embedded broker and PostgreSQL");
            try (ExternalServices external = ExternalServices.start(workDir)) {
                timedStart(workDir, directory, true, external.hubProperties(),
                        "first start against an external PostgreSQL (empty: migrated now) and broker");
                result.externalSeconds = timedStart(workDir, directory, false, external.hubProperties(),
                        "start against the same external PostgreSQL (migrated) and broker");
            }
        } catch (Exception e) {
            String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            result.failures.add("start times: " + e.getClass().getSimpleName() + ": " + first);
            line("FAIL start times: %s", first);
        }
    }

    private double timedStart(Path workDir, Path directory, boolean freshData, List<String> services, String what)
            throws Exception {
        HubProcess hub = HubProcess.start(options.hubJar(), workDir, directory, options.hubJvmOptions(), freshData,
                services);
        Thread stopOnExit = new Thread(() -> stopQuietly(hub), "stop-hub");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            double seconds = hub.awaitReady(options.startTimeout());
            line("  %-80s %5.1f s (hub CPU %.1f s)", what, seconds, hubCpuSeconds(hub));
            return seconds;
        } finally {
            hub.stop();
            removeHook(stopOnExit);
        }
    }

    private void measure(SideResult result, HubProcess hub, AgencyStub stub, Traffic traffic, String senderId)
            throws Exception {
        MessageSender sender = new MessageSender(hub.baseUri().resolve("/api/v1/messages"), hub.token(senderId),
                options.concurrency(), options.phaseLimit());
        if (options.warmup() > 0) {
            List<Traffic.Message> warmMessages = traffic.next(options.warmup());
            MessageSender.Phase warm = sender.send(warmMessages);
            List<String> copies = copiesOf(warmMessages, warm);
            int arrived = stub.awaitArrivals(copies, options.arrivalTimeout().toNanos());
            line("warm-up: %d sent, %d accepted, %d of %d copies arrived (not measured)", warm.attempted(),
                    warm.acceptedIds().size(), arrived, copies.size());
            if (warm.acceptedIds().isEmpty()) {
                throw new IllegalStateException("the hub accepted none of the warm-up messages: " + warm.errors());
            }
        }

        List<Traffic.Message> messages = traffic.next(options.messages());
        Cpu before = Cpu.sample(hub);
        MessageSender.Phase run = sender.send(messages);
        List<String> copies = copiesOf(messages, run);
        int arrived = stub.awaitArrivals(copies, options.arrivalTimeout().toNanos());
        Cpu during = Cpu.sample(hub).minus(before);
        EndToEnd e2e = EndToEnd.of(messages, run, stub);
        result.threadsAfter = hub.threads();
        result.rssAfter = hub.rss();
        int accepted = run.acceptedIds().size();

        line("END TO END: %d messages from %s (%d duty-to-reports, %d information shares), %d concurrent senders, "
                + "each POST waits for its answer", options.messages(), senderId, (options.messages() + 1) / 2,
                options.messages() / 2, options.concurrency());
        line("  accepted (202)           %6d of %d in %6.2f s = %8.1f msg/s", accepted, options.messages(),
                seconds(e2e.acceptWindow()), e2e.perSecond(accepted, e2e.acceptWindow()));
        line("  every copy arrived       %6d of %d in %6.2f s = %8.1f msg/s", e2e.complete(), accepted,
                seconds(e2e.arrivalWindow()), e2e.perSecond(e2e.complete(), e2e.arrivalWindow()));
        line("  copies arrived           %6d of %d in %6.2f s = %8.1f copies/s", arrived, copies.size(),
                seconds(e2e.arrivalWindow()), e2e.perSecond(arrived, e2e.arrivalWindow()));
        line(Latencies.header());
        line(e2e.toAccepted().row("POST -> 202"));
        line(e2e.toArrival().row("POST -> arrival (per copy)"));
        line(e2e.toComplete().row("POST -> last copy"));
        Map<String, Long> byAgency = stub.countsByAgency();
        line("  stub: %d agencies reached, %d copies; repeated deliveries %d; without %s %d", byAgency.size(),
                byAgency.values().stream().mapToLong(Long::longValue).sum(), stub.repeats(),
                AgencyStub.MESSAGE_ID_HEADER, stub.withoutId());
        line("  threads of the hub JVM: %s at ready, %s after the run", count(result.threadsReady),
                count(result.threadsAfter));
        line("  CPU from the first POST to the last arrival, in cores of %d: hub JVM %.2f, PostgreSQL %.2f, "
                + "this driver + stub %.2f, not theirs (kernel I/O and loopback work, other processes) %.2f",
                Runtime.getRuntime().availableProcessors(),
                during.hubCores(), during.databaseCores(), during.driverCores(), during.otherCores());
        if (!run.errors().isEmpty()) {
            line("  first refusals/errors: %s", run.errors());
        }
        double endToEnd = e2e.perSecond(e2e.complete(), e2e.arrivalWindow());
        Map<String, Long> collectionsBefore = hub.jvm().collections();
        openLoop(result, hub, stub, traffic, sender, endToEnd);

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

        line("RATIO end-to-end / raw: %.3f of raw send, %.3f of raw send + consume", endToEnd / raw.sendPerSecond(),
                endToEnd / raw.sendAndConsumePerSecond());
        result.peakRss = hub.peakRss();
        HubJvm jvm = hub.jvm();
        Map<String, Long> collections = jvm.collections();
        result.fullCollections = collections.isEmpty() ? -1
                : HubJvm.fullCollections(collections) - HubJvm.fullCollections(collectionsBefore);
        result.maxHeap = jvm.maxHeap();
        String heapNow = jvm.heap().map(EndToEndBenchmark::heapText).orElse("n/a");
        Optional<long[]> kept = jvm.heapAfterFullGc();
        kept.ifPresent(h -> result.heapAfterFullGc = OptionalLong.of(h[0]));
        line("MEMORY of the hub JVM: RSS %s at ready, %s after end-to-end, %s at the end (peak %s); heap %s, after a "
                + "full GC %s, max %s; embedded PostgreSQL PSS %s", mb(result.rssReady), mb(result.rssAfter),
                mb(hub.rss()), mb(result.peakRss), heapNow, kept.map(EndToEndBenchmark::heapText).orElse("n/a"),
                mb(result.maxHeap), mb(hub.databasePss()));
        line("  collections since the hub started: %s; full collections during the measured phases: %s", collections,
                result.fullCollections < 0 ? "n/a" : Long.toString(result.fullCollections));

        result.acceptedPerSecond = e2e.perSecond(accepted, e2e.acceptWindow());
        result.endToEndPerSecond = endToEnd;
        result.copiesPerSecond = e2e.perSecond(arrived, e2e.arrivalWindow());
        result.toAccepted = e2e.toAccepted();
        result.toArrival = e2e.toArrival();
        result.agenciesReached = byAgency.size();
        result.repeats = stub.repeats();
        result.rawSend = raw.sendPerSecond();
        result.rawSendConsume = raw.sendAndConsumePerSecond();
        int notSent = options.messages() - run.attempted();
        int refused = run.attempted() - accepted;
        int lost = copies.size() - arrived;
        int rawLost = options.rawMessages() - raw.consumed();
        if (notSent + refused + lost + rawLost > 0) {
            result.failures.add(String.format(Locale.ROOT, "%d not sent (time limit), %d refused, %d copies accepted "
                    + "but not delivered within %d s, %d raw messages not consumed; hub log: %s", notSent, refused,
                    lost, options.arrivalTimeout().toSeconds(), rawLost, hub.log()));
            line("FAIL: %s", result.failures.get(result.failures.size() - 1));
        }
    }

    /**
     * Open loop at half the maximum: the measured end-to-end rate is the most the hub sustains here; half of it, sent
     * at a fixed pace whatever the answers, is what an agency meets on a busy day. Latencies from when each message was
     * due.
     */
    private void openLoop(SideResult result, HubProcess hub, AgencyStub stub, Traffic traffic, MessageSender sender,
            double maxRate) throws Exception {
        if (options.openLoopMessages() == 0 || (maxRate <= 0 && options.openLoopRate() <= 0)) {
            line("OPEN LOOP: skipped (%s)", options.openLoopMessages() == 0 ? "-o 0" : "no end-to-end rate measured");
            return;
        }
        double rate = options.openLoopRate() > 0 ? options.openLoopRate() : maxRate / 2;
        List<Traffic.Message> messages = traffic.next(options.openLoopMessages());
        Optional<HubJvm.Pauses> pausesBefore = hub.jvm().pauses();
        long waitedBefore = ProcFs.runQueueWaitNanos(hub.pid());
        long busyBefore = ProcFs.machineBusyTicks();
        long started = System.nanoTime();
        MessageSender.OpenLoop open = sender.sendAtRate(messages, rate, OPEN_LOOP_OUTSTANDING);
        double seconds = (System.nanoTime() - started) / 1e9;
        long waited = ProcFs.runQueueWaitNanos(hub.pid()) - waitedBefore;
        double busyCores = (ProcFs.machineBusyTicks() - busyBefore) / ProcFs.TICKS_PER_SECOND / seconds;
        Optional<HubJvm.Pauses> pausesAfter = hub.jvm().pauses();
        List<String> copies = copiesOf(messages, open.phase());
        int arrived = stub.awaitArrivals(copies, options.arrivalTimeout().toNanos());
        EndToEnd e2e = EndToEnd.of(messages, open.phase(), stub);
        int accepted = open.phase().acceptedIds().size();
        line("OPEN LOOP at %s: %d messages due every %.1f ms (%.1f msg/s), sent whatever the answers; %d sent late "
                + "(%d requests already waiting)", options.openLoopRate() > 0 ? "the rate asked for"
                        : String.format(Locale.ROOT, "half the end-to-end rate just measured (%.1f msg/s)", maxRate),
                messages.size(), 1000 / rate, rate, open.late(), OPEN_LOOP_OUTSTANDING);
        line("  accepted (202)           %6d of %d; %d of %d copies arrived", accepted, messages.size(), arrived,
                copies.size());
        line(Latencies.header());
        line(e2e.toAccepted().row("due -> 202"));
        line(e2e.toArrival().row("due -> arrival (per copy)"));
        // the other thing that delays an answer on a small machine: the hub's threads waiting for a core
        result.openLoopRunQueueMsPerMessage = waited / 1e6 / messages.size();
        line("  while sending: the machine's cores %.2f busy of %d; the hub's threads waited %.0f ms in all for a core "
                + "(%.1f ms a message)", busyCores, Runtime.getRuntime().availableProcessors(), waited / 1e6,
                result.openLoopRunQueueMsPerMessage);
        if (pausesBefore.isPresent() && pausesAfter.isPresent()) {
            // what stops every request at once: the tail of due -> 202 is read against these
            HubJvm.Pauses p = pausesAfter.get().since(pausesBefore.get());
            result.openLoopPauses = p;
            line("  hub JVM while sending: %d collections, %.0f ms stopped (%.1f ms each); %d safepoints, %.0f ms "
                    + "stopped in all", p.collections(), p.collectionMs(),
                    p.collections() == 0 ? 0 : p.collectionMs() / p.collections(), p.safepoints(), p.safepointMs());
        }
        result.openLoopRate = rate;
        result.openLoopLate = open.late();
        result.openLoopToAccepted = e2e.toAccepted();
        result.openLoopToArrival = e2e.toArrival();
        int lost = copies.size() - arrived;
        int refused = open.phase().attempted() - accepted;
        if (lost + refused > 0) {
            result.failures.add(String.format(Locale.ROOT, "open loop: %d refused, %d copies not delivered within %d s; "
                    + "hub log: %s; first errors: %s", refused, lost, options.arrivalTimeout().toSeconds(), hub.log(),
                    open.phase().errors()));
            line("FAIL: %s", result.failures.get(result.failures.size() - 1));
        }
    }

    private static String heapText(long[] heap) {
        return String.format(Locale.ROOT, "%.0f MB used of %.0f MB committed", heap[0] / MB, heap[1] / MB);
    }

    /** The copies ({@link AgencyStub#copy}) the accepted messages must make. */
    private static List<String> copiesOf(List<Traffic.Message> messages, MessageSender.Phase phase) {
        List<String> copies = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            if (phase.accepted(i)) {
                for (String agency : messages.get(i).recipients()) {
                    copies.add(AgencyStub.copy(messages.get(i).id(), agency));
                }
            }
        }
        return copies;
    }

    private void printSideBySide(List<SideResult> results) {
        line("");
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-44s", "SIDE BY SIDE"));
        results.forEach(r -> head.append(String.format(Locale.ROOT, " %24s", r.name + " (" + r.agencies + " agencies)")));
        line(head.toString());
        row(results, "ready after (s): first start", r -> String.format(Locale.ROOT, "%.1f", r.readySeconds));
        row(results, "  restart / external services (s)", r -> r.restartSeconds == 0 ? "n/a"
                : String.format(Locale.ROOT, "%.1f / %s", r.restartSeconds, r.externalSeconds == 0 ? "n/a"
                        : String.format(Locale.ROOT, "%.1f", r.externalSeconds)));
        row(results, "threads at ready / after the run", r -> count(r.threadsReady) + " / " + count(r.threadsAfter));
        row(results, "RSS at ready / after the run (MB)", r -> mbNumber(r.rssReady) + " / " + mbNumber(r.rssAfter));
        row(results, "peak RSS (MB)", r -> mbNumber(r.peakRss));
        row(results, "accepted (202) msg/s", r -> String.format(Locale.ROOT, "%.1f", r.acceptedPerSecond));
        row(results, "end to end msg/s (every copy arrived)", r -> String.format(Locale.ROOT, "%.1f", r.endToEndPerSecond));
        row(results, "copies arrived/s", r -> String.format(Locale.ROOT, "%.1f", r.copiesPerSecond));
        row(results, "POST -> 202 p50 / p90 / p99 (ms)", r -> percentiles(r.toAccepted));
        row(results, "POST -> arrival p50 / p90 / p99 (ms)", r -> percentiles(r.toArrival));
        row(results, "agencies reached by the measured run", r -> Integer.toString(r.agenciesReached));
        row(results, "repeated deliveries", r -> Long.toString(r.repeats));
        row(results, "raw broker send msg/s", r -> String.format(Locale.ROOT, "%.1f", r.rawSend));
        row(results, "raw broker send + consume msg/s", r -> String.format(Locale.ROOT, "%.1f", r.rawSendConsume));
        row(results, "end to end / raw send + consume", r -> String.format(Locale.ROOT, "%.3f", r.ratioToRaw()));
        row(results, "open loop msg/s (half the max)", r -> String.format(Locale.ROOT, "%.1f", r.openLoopRate));
        row(results, "open loop due -> 202 p50 / p90 / p99 (ms)", r -> percentiles(r.openLoopToAccepted));
        row(results, "open loop due -> arrival p50/p90/p99 (ms)", r -> percentiles(r.openLoopToArrival));
        row(results, "open loop: hub waited for a core, ms a msg", r -> String.format(Locale.ROOT, "%.1f",
                r.openLoopRunQueueMsPerMessage));
        row(results, "open loop: GCs, ms stopped (each)", r -> r.openLoopPauses == null ? "n/a"
                : String.format(Locale.ROOT, "%d, %.0f (%.1f)", r.openLoopPauses.collections(),
                        r.openLoopPauses.collectionMs(), r.openLoopPauses.collections() == 0 ? 0
                                : r.openLoopPauses.collectionMs() / r.openLoopPauses.collections()));
        row(results, "heap after a full GC / max (MB)", r -> mbNumber(r.heapAfterFullGc) + " / " + mbNumber(r.maxHeap));
        row(results, "full GCs in the measured phases", r -> r.fullCollections < 0 ? "n/a"
                : Long.toString(r.fullCollections));
        row(results, "result", r -> r.passed() ? "pass" : "FAIL");
    }

    private static void row(List<SideResult> results, String label, java.util.function.Function<SideResult, String> value) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  %-42s", label));
        results.forEach(r -> b.append(String.format(Locale.ROOT, " %24s", r.readySeconds == 0 && !label.equals("result")
                ? "n/a" : value.apply(r))));
        line(b.toString());
    }

    private static String percentiles(Latencies l) {
        return l == null || l.count() == 0 ? "n/a" : String.format(Locale.ROOT, "%.0f / %.0f / %.0f",
                l.percentileMs(50), l.percentileMs(90), l.percentileMs(99));
    }

    private ObjectNode example(String type) throws Exception {
        Path file = options.examples().resolve(type + ".json");
        JsonNode tree = json.readTree(file.toFile());
        if (!(tree instanceof ObjectNode message) || !type.equals(tree.path("type").asText())) {
            throw new IllegalStateException(file + " is not a " + type);
        }
        return message;
    }

    /** The side's directory with every endpoint pointed at the stub; ids, kinds and clients unchanged. */
    private ObjectNode pointedAtStub(Options.Side side, AgencyStub stub) throws Exception {
        ObjectNode root = (ObjectNode) json.readTree(side.directory().toFile());
        root.put("about", "Benchmark directory, written by benchmarks/EndToEndBenchmark: " + side.directory()
                + " with every endpoint pointed at the benchmark's stub agency system on loopback. Never use in "
                + "production.");
        for (JsonNode agency : root.path("agencies")) {
            if (agency.path("endpoint") instanceof ObjectNode endpoint
                    && !"pull".equals(endpoint.path("transport").asText())) {
                endpoint.put("url", stub.endpointFor(agency.path("id").asText()));
            }
        }
        return root;
    }

    private void printHeader(String sender) throws InterruptedException {
        line("Safeguarding hub benchmark, %s", Instant.now().truncatedTo(ChronoUnit.SECONDS));
        line("machine: %d cores, %s %s, Java %s", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));
        line("run: -n %d -c %d, warm-up %d, raw -m %d, sides %s, sender %s, hub %s %s", options.messages(),
                options.concurrency(), options.warmup(), options.rawMessages(),
                options.sides().stream().map(Options.Side::name).toList(), sender, options.hubJar(),
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

    /**
     * Throughput windows and latencies of one measured phase, against the stub's arrival times: per copy, and per
     * message when its last copy arrived ({@code complete}: messages whose every copy arrived).
     */
    private record EndToEnd(long acceptWindow, long arrivalWindow, int complete, Latencies toAccepted,
            Latencies toArrival, Latencies toComplete) {

        static EndToEnd of(List<Traffic.Message> messages, MessageSender.Phase run, AgencyStub stub) {
            List<Long> accepted = new ArrayList<>();
            List<Long> arrived = new ArrayList<>();
            List<Long> completed = new ArrayList<>();
            long lastArrival = Long.MIN_VALUE;
            for (int i = 0; i < messages.size(); i++) {
                if (!run.accepted(i)) {
                    continue;
                }
                accepted.add(run.answeredAt()[i] - run.sentAt()[i]);
                long last = Long.MIN_VALUE;
                boolean all = true;
                for (String agency : messages.get(i).recipients()) {
                    Long at = stub.arrivalOf(AgencyStub.copy(messages.get(i).id(), agency));
                    if (at == null) {
                        all = false;
                        continue;
                    }
                    arrived.add(at - run.sentAt()[i]);
                    last = Math.max(last, at);
                }
                lastArrival = Math.max(lastArrival, last);
                if (all) {
                    completed.add(last - run.sentAt()[i]);
                }
            }
            long first = run.firstSent();
            return new EndToEnd(accepted.isEmpty() ? 0 : run.lastAccepted() - first,
                    arrived.isEmpty() ? 0 : lastArrival - first, completed.size(), latencies(accepted),
                    latencies(arrived), latencies(completed));
        }

        private static Latencies latencies(List<Long> nanos) {
            return new Latencies(nanos.stream().mapToLong(Long::longValue).toArray());
        }

        double perSecond(int n, long window) {
            return window == 0 ? 0 : n / seconds(window);
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

    /** CPU the hub JVM has used so far: on a shared machine a steadier figure for a start than its wall time. */
    private static double hubCpuSeconds(HubProcess hub) {
        return ProcFs.cpuTicks(hub.pid(), false) / ProcFs.TICKS_PER_SECOND;
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

    private static String count(OptionalLong n) {
        return n.isPresent() ? Long.toString(n.getAsLong()) : "n/a";
    }

    private static String mbNumber(OptionalLong bytes) {
        return bytes.isPresent() ? String.format(Locale.ROOT, "%.0f", bytes.getAsLong() / MB) : "n/a";
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
