package wales.safeguarding.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Issue 12 goal 5, "a million tracked messages": makes its own database on a PostgreSQL server, lets the packaged hub
 * create the schema (Flyway, one start), bulk-loads a year of messages with {@link ScaleLoader}, then starts the hub
 * on it again and measures the escalation sweep of the due clocks and every console view and filter over HTTP, and
 * prints the plans of the heavy queries ({@link ScaleQueries}). Run by {@code benchmarks/scale.sh}; see the README.
 */
public final class ScaleBenchmark {

    private final ScaleOptions options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private ScaleBenchmark(ScaleOptions options) {
        this.options = options;
    }

    public static void main(String... args) {
        ScaleOptions options;
        try {
            options = ScaleOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(ScaleOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(ScaleOptions.USAGE);
            return;
        }
        try {
            System.exit(new ScaleBenchmark(options).run());
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private int run() throws Exception {
        Path work = options.repo().resolve("benchmarks/target/scale");
        Files.createDirectories(work);
        Path built = options.repo().resolve("hub-routes/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(built)) {
            throw new IllegalStateException("no hub jar at " + built
                    + ": build it first (./mvnw -B -q -o -pl hub-routes -am package -DskipTests)");
        }
        Path jar = HubProcess.privateCopy(built, work.resolve("hub-app-" + options.label()));
        Path directory = work.resolve("scale-directory.json");
        writeDirectory(options.repo().resolve("deploy/directory/wales-directory.json"), directory);
        line("Scale benchmark (issue 12 goal 5), %s, database %s, %d cores", Instant.now().truncatedTo(ChronoUnit.SECONDS),
                options.jdbcUrl(), Runtime.getRuntime().availableProcessors());
        try (AgencyStub stub = AgencyStub.start(ScaleHub.freePort())) {
            String stubBase = stub.endpointFor("x").replaceAll("/agency/x$", "");
            ScaleLoader loader = new ScaleLoader(options.repo().resolve("deploy/directory/wales-directory.json"),
                    options.messages(), options.due(), Instant.now());
            if (!options.skipLoad()) {
                createDatabase();
                long t0 = System.nanoTime();
                try (ScaleHub hub = ScaleHub.start(jar, work, directory, stubBase, options.jdbcUrl(), options.user(),
                        options.hubJvmOptions(), "hub-schema.log")) {
                    hub.awaitReady(options.startTimeout());
                }
                line("schema made by the hub's Flyway migrations in %.1f s (one start and stop)", secs(t0));
                long t1 = System.nanoTime();
                line("loading %,d messages (%,d with a due escalation step)...", options.messages(), loader.due());
                try (Connection c = connect()) {
                    ScaleLoader.Counts n = loader.load(c);
                    line("LOADED in %.1f s (COPY, then VACUUM ANALYZE): %,d messages, %,d deliveries, %,d audit events, "
                            + "%,d clocks (%,d due), %,d escalations, %,d cases, %,d console audit rows", secs(t1),
                            n.messages(), n.deliveries(), n.audit(), n.clocks(), n.due(), n.escalations(), n.cases(),
                            n.consoleAudit());
                    line("database size %s", single(c, "select pg_size_pretty(pg_database_size(current_database()))"));
                }
            }
            if (options.rearm()) {
                try (Connection c = connect()) {
                    rearm(c, options.messages());
                }
            }
            ScaleQueries queries = new ScaleQueries(loader, Instant.now());
            try (Connection c = connect()) {
                queries.explainAll(c, work.resolve("plans-" + options.label() + ".txt"), "before the hub's start");
            }
            if (options.explainOnly()) {
                return 0;
            }
            measureHub(jar, work, directory, stub, loader);
            try (Connection c = connect()) {
                // the hub's start has applied any new migration: the plans as the measured hub had them
                new ScaleQueries(loader, Instant.now()).explainAll(c, work.resolve("plans-" + options.label() + ".txt"),
                        "after the run");
            }
        } finally {
            if (!options.keep() && !options.skipLoad()) {
                dropDatabase();
            }
        }
        return 0;
    }

    private void measureHub(Path jar, Path work, Path directory, AgencyStub stub, ScaleLoader loader)
            throws Exception {
        String stubBase = stub.endpointFor("x").replaceAll("/agency/x$", "");
        ScaleGoals goals = new ScaleGoals(options.messages());
        // 1. before the sweep: the hub with its escalation scan put off by a day, so that the console views are
        //    measured on the loaded database as it is in a normal hour (no burst of escalations being delivered), then
        //    intake on it
        try (Connection c = connect()) {
            unpauseCouncils(c);
        }
        List<String> quiet = new ArrayList<>(options.hubJvmOptions());
        quiet.add("-Dhub.escalation.scan-interval-ms=86400000");
        List<ConsoleView> before;
        Intake loadedIntake = null;
        try (ScaleHub hub = ScaleHub.start(jar, work, directory, stubBase, options.jdbcUrl(), options.user(), quiet,
                "hub-" + options.label() + "-before-sweep.log")) {
            hub.awaitReady(options.startTimeout());
            line("");
            line("PHASE 1, BEFORE THE SWEEP: hub ready in %.1f s on the loaded database, its escalation scan put off "
                    + "(first scan a day after start), every council's deliveries running", hub.secondsSinceLaunch());
            Memory memory = Memory.at(hub);
            before = measureConsole(hub, loader, "before the sweep");
            if (options.intake() > 0) {
                loadedIntake = measureIntake(hub, stub, "loaded database (" + String.format(Locale.ROOT, "%,d",
                        options.messages()) + " messages)", options.jdbcUrl());
            }
            memory.print(hub, "phase 1 (console views, intake)");
            goals.memory(memory);
        }
        Intake emptyIntake = options.intake() > 0 ? measureEmptyIntake(jar, work, directory, stub, stubBase) : null;
        goals.intake(loadedIntake, emptyIntake);
        goals.console(before);

        // 2. the sweep, alone: the councils' deliveries paused
        long loadedEscalations;
        List<String> councils;
        try (Connection c = connect()) {
            loadedEscalations = Long.parseLong(single(c, "select coalesce(max(id), 0) from escalation"));
            councils = pauseCouncils(c);
        }
        long t0 = System.nanoTime();
        try (ScaleHub hub = ScaleHub.start(jar, work, directory, stubBase, options.jdbcUrl(), options.user(),
                options.hubJvmOptions(), "hub-" + options.label() + ".log")) {
            hub.awaitReady(options.startTimeout());
            double ready = secs(t0);
            line("");
            line("PHASE 2, THE SWEEP: hub ready in %.1f s (against the loaded database), deliveries to the %d councils "
                    + "paused", ready, councils.size());
            Memory memory = Memory.at(hub);
            // the sweep: escalation rows the hub writes from now on, one per due step fired
            long expected = loader.due();
            long fired = 0;
            double allFired = -1;
            double firstFired = -1;
            long limit = System.nanoTime() + options.sweepTimeout().toNanos();
            double activeBefore;
            try (Connection c = connect()) {
                activeBefore = activeTimeMs(c);
                ActivitySampler sampler = ActivitySampler.start(connect());
                while (System.nanoTime() < limit) {
                    fired = Long.parseLong(single(c, "select count(*) from escalation where id > " + loadedEscalations));
                    if (fired > 0 && firstFired < 0) {
                        firstFired = secs(t0);
                    }
                    if (fired >= expected) {
                        allFired = secs(t0);
                        break;
                    }
                    Thread.sleep(100);
                }
                sampler.close();
                Thread.sleep(2000); // the backends' statistics are flushed at most once a second
                double active = activeTimeMs(c) - activeBefore;
                String span = single(c, "select coalesce(extract(epoch from max(fired_at) - min(fired_at)), 0)::numeric(10,2)"
                        + " from escalation where id > " + loadedEscalations);
                String batches = single(c, "select count(distinct fired_at) from escalation where id > " + loadedEscalations);
                line("ESCALATION SWEEP: %,d of %,d due steps fired; first after %.1f s, all after %s from java -jar "
                        + "(ready at %.1f s); first to last batch (fired_at) %s s, %s batches (transactions)", fired,
                        expected, firstFired, allFired < 0 ? "NOT within " + options.sweepTimeout().toSeconds() + " s"
                                : String.format(Locale.ROOT, "%.1f s", allFired), ready, span, batches);
                line("  database time (pg_stat_database.active_time of every session of this database, from ready to all "
                        + "fired + 2 s; deliveries to the councils paused meanwhile): %.0f ms", active);
                goals.sweep(fired, expected, allFired >= 0, Double.parseDouble(span), active);
                sampler.print();
                long d0 = System.nanoTime();
                resume(hub, councils);
                String waiting = "select count(*) from delivery d join message m on m.message_id = d.message_id"
                        + " join escalation e on e.escalation_message_id = m.message_id and e.id > " + loadedEscalations
                        + " where d.state in ('accepted', 'queued', 'failed')";
                long left = Long.MAX_VALUE;
                long deliverLimit = System.nanoTime() + options.sweepTimeout().toNanos();
                while (left > 0 && System.nanoTime() < deliverLimit) {
                    Thread.sleep(500);
                    left = Long.parseLong(single(c, waiting));
                }
                line("  the escalations delivered to the councils' systems (the stub) %s after their endpoints were "
                        + "resumed", left == 0 ? String.format(Locale.ROOT, "%.1f s", secs(d0)) : left + " still waiting");
                settle(c);
            }
            // 3. after the sweep: the same views once its deliveries have settled (the last hour now holds the
            //    10,000 escalations and their deliveries, which the Now view reads)
            measureConsole(hub, loader, "after the sweep, its deliveries settled");
            memory.print(hub, "phase 2 (sweep, deliveries, console views)");
            goals.memory(memory);
        }
        line("");
        line("GOALS (issue 12 goal 5), %s", options.label());
        goals.lines().forEach(ScaleBenchmark::line);
    }

    /**
     * Waits (at most 2 minutes) until the hub has stopped writing: no new audit event over 3 seconds, so that the
     * views after the sweep are not measured while its last copies are still being recorded.
     */
    private static void settle(Connection c) throws SQLException, InterruptedException {
        long s0 = System.nanoTime();
        String last = single(c, "select coalesce(max(id), 0) from audit_event");
        long limit = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < limit) {
            Thread.sleep(3000);
            String now = single(c, "select coalesce(max(id), 0) from audit_event");
            if (now.equals(last)) {
                break;
            }
            last = now;
        }
        line("  settled (no audit event written for 3 s) after %.1f s", secs(s0));
    }

    /** Councils left paused by an earlier run that stopped before resuming them run again. */
    private static void unpauseCouncils(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("update endpoint_health set paused = false where paused and paused_by = 'scale-benchmark'");
        }
    }

    // ---- intake

    /** Messages accepted and every copy arrived, a second, over {@code --intake} messages after 200 warm-ups. */
    record Intake(String where, int sent, int accepted, int complete, double acceptedPerSecond,
            double endToEndPerSecond, double acceptP50, double acceptP99) {
    }

    private static final int INTAKE_WARMUP = 200;
    private static final int INTAKE_CONCURRENCY = 4;

    private Intake measureIntake(ScaleHub hub, AgencyStub stub, String where, String jdbcUrl) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Path examples = options.repo().resolve("schemas/src/main/resources/examples/valid");
        ObjectNode report = (ObjectNode) json.readTree(examples.resolve("duty-to-report.json").toFile());
        ObjectNode share = (ObjectNode) json.readTree(examples.resolve("information-share.json").toFile());
        String sender = report.path("sender").asText();
        Traffic traffic = new Traffic(json, json.readTree(hub.directory().toFile()), report, share, System.nanoTime());
        MessageSender senders = new MessageSender(hub.baseUri().resolve("/api/v1/messages"), hub.agencyToken(sender),
                INTAKE_CONCURRENCY, Duration.ofMinutes(5));
        List<Traffic.Message> warm = traffic.next(INTAKE_WARMUP);
        MessageSender.Phase warmed = senders.send(warm);
        stub.awaitArrivals(copies(warm, warmed), Duration.ofMinutes(2).toNanos());
        List<Traffic.Message> messages = traffic.next(options.intake());
        ActivitySampler sampler;
        double activeBefore;
        long[] ioBefore;
        try (Connection c = DriverManager.getConnection(jdbcUrl, options.user(), "")) {
            activeBefore = activeTimeMs(c);
            ioBefore = io(c);
        }
        sampler = ActivitySampler.start(DriverManager.getConnection(jdbcUrl, options.user(), ""));
        MessageSender.Phase run = senders.send(messages);
        List<String> copies = copies(messages, run);
        int arrived = stub.awaitArrivals(copies, Duration.ofMinutes(5).toNanos());
        sampler.close();
        double active;
        long[] ioDelta = new long[ioBefore.length];
        try (Connection c = DriverManager.getConnection(jdbcUrl, options.user(), "")) {
            Thread.sleep(1500); // the backends' statistics are flushed at most once a second
            active = activeTimeMs(c) - activeBefore;
            long[] ioAfter = io(c);
            for (int i = 0; i < ioDelta.length; i++) {
                ioDelta[i] = ioAfter[i] - ioBefore[i];
            }
        }
        List<Double> toAccepted = new ArrayList<>();
        int complete = 0;
        long lastArrival = Long.MIN_VALUE;
        for (int i = 0; i < messages.size(); i++) {
            if (!run.accepted(i)) {
                continue;
            }
            toAccepted.add((run.answeredAt()[i] - run.sentAt()[i]) / 1e6);
            boolean all = true;
            for (String agency : messages.get(i).recipients()) {
                Long at = stub.arrivalOf(AgencyStub.copy(messages.get(i).id(), agency));
                if (at == null) {
                    all = false;
                } else {
                    lastArrival = Math.max(lastArrival, at);
                }
            }
            complete += all ? 1 : 0;
        }
        toAccepted.sort(Comparator.naturalOrder());
        int accepted = run.acceptedIds().size();
        double acceptSeconds = (run.lastAccepted() - run.firstSent()) / 1e9;
        double arrivalSeconds = (lastArrival - run.firstSent()) / 1e9;
        Intake intake = new Intake(where, messages.size(), accepted, complete,
                accepted == 0 ? 0 : accepted / acceptSeconds, complete == 0 ? 0 : complete / arrivalSeconds,
                toAccepted.isEmpty() ? 0 : pct(toAccepted, 50), toAccepted.isEmpty() ? 0 : pct(toAccepted, 99));
        line("INTAKE on the %s: %,d messages from %s (duty-to-reports and information shares in turn), %d senders "
                + "each waiting for its answer, after %d warm-ups: %,d accepted at %.1f msg/s, every copy of %,d arrived "
                + "at %.1f msg/s (%,d of %,d copies); POST -> 202 p50 / p99 %.1f / %.1f ms", where, messages.size(),
                sender, INTAKE_CONCURRENCY, INTAKE_WARMUP, accepted, intake.acceptedPerSecond(), complete,
                intake.endToEndPerSecond(), arrived, copies.size(), intake.acceptP50(), intake.acceptP99());
        double n = Math.max(1, accepted);
        line("  database time meanwhile (active_time of every session): %.0f ms, %.2f ms a message; load average %s",
                active, active / n, loadAverage());
        line("  a message: %.1f blocks read into shared buffers (not found there), %.0f found, %.1f written by "
                + "backends; WAL (whole server, other databases' work included): %.1f records, %.1f full-page images, "
                + "%.1f KB", ioDelta[0] / n, ioDelta[1] / n, ioDelta[5] / n, ioDelta[2] / n, ioDelta[3] / n,
                ioDelta[4] / n / 1024);
        sampler.print();
        return intake;
    }

    /** The same intake measurement on an empty database of its own ({@code <name>_empty}), made and dropped here. */
    private Intake measureEmptyIntake(Path jar, Path work, Path directory, AgencyStub stub, String stubBase)
            throws Exception {
        String name = databaseName() + "_empty";
        String url = options.jdbcUrl().replaceFirst("/" + databaseName() + "(\\?|$)", "/" + name + "$1");
        try (Connection c = DriverManager.getConnection(adminUrl(), options.user(), "");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name);
        }
        try (ScaleHub hub = ScaleHub.start(jar, work, directory, stubBase, url, options.user(),
                options.hubJvmOptions(), "hub-" + options.label() + "-empty.log")) {
            hub.awaitReady(options.startTimeout());
            line("");
            line("EMPTY DATABASE %s: hub ready in %.1f s (its Flyway migrations made the schema)", name,
                    hub.secondsSinceLaunch());
            return measureIntake(hub, stub, "empty database", url);
        } finally {
            try (Connection c = DriverManager.getConnection(adminUrl(), options.user(), "");
                 Statement s = c.createStatement()) {
                s.execute("drop database if exists " + name + " with (force)");
            }
        }
    }

    private static List<String> copies(List<Traffic.Message> messages, MessageSender.Phase phase) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            if (phase.accepted(i)) {
                for (String agency : messages.get(i).recipients()) {
                    out.add(AgencyStub.copy(messages.get(i).id(), agency));
                }
            }
        }
        return out;
    }

    /** The hub's memory over one phase: peak RSS, full collections since {@link #at}, heap after a full GC. */
    record Memory(long fullBefore, java.util.OptionalLong maxHeap, long[] figures) {

        static Memory at(ScaleHub hub) {
            return new Memory(HubJvm.fullCollections(hub.jvm().collections()), hub.jvm().maxHeap(), new long[3]);
        }

        void print(ScaleHub hub, String phase) {
            long peak = hub.peakRss().orElse(-1);
            long full = HubJvm.fullCollections(hub.jvm().collections()) - fullBefore;
            long kept = hub.jvm().heapAfterFullGc().map(h -> h[0]).orElse(-1L);
            figures[0] = peak;
            figures[1] = full;
            figures[2] = kept;
            line("MEMORY of the hub, %s: peak RSS %s MB, -Xmx %s MB, %d full GCs after ready, heap after a full GC "
                    + "%s MB", phase, mb(peak), maxHeap.isPresent() ? mb(maxHeap.getAsLong()) : "?", full, mb(kept));
        }

        private static String mb(long bytes) {
            return bytes < 0 ? "?" : Long.toString(bytes / (1024 * 1024));
        }
    }

    /**
     * Makes the loaded due steps due again after an earlier run's sweep fired them: its escalation rows go (the loaded
     * ones have the lowest ids: escalation rows of clocks of the load), the next-actions clocks return to their first
     * step, due at their due time. The escalation messages it made stay, with their deliveries and audit events.
     */
    private static void rearm(Connection c, int messages) throws SQLException {
        try (Statement s = c.createStatement()) {
            int deleted = s.executeUpdate("""
                    delete from escalation e using statutory_clock k
                    where k.id = e.clock_id and k.clock = 'next-actions' and k.met_at is null""");
            int clocks = s.executeUpdate("""
                    update statutory_clock set escalation_step = 0, next_escalation_at = due_at
                    where clock = 'next-actions' and met_at is null""");
            line("rearmed: %,d escalation rows of an earlier sweep deleted, %,d next-actions clocks due again", deleted,
                    clocks);
            s.execute("analyze statutory_clock");
            s.execute("analyze escalation");
        }
    }

    /** Pauses deliveries to every council (as an operator would, kept in endpoint_health), so the sweep runs alone. */
    private static List<String> pauseCouncils(Connection c) throws SQLException {
        List<String> councils = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select id from directory_agency where kind = 'council' order by id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                councils.add(rs.getString(1));
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into endpoint_health (agency, paused, paused_at, paused_by, pause_reason)
                values (?, true, now(), 'scale-benchmark', 'the sweep measured alone')
                on conflict (agency) do update set paused = true, paused_at = now(), paused_by = 'scale-benchmark',
                    pause_reason = 'the sweep measured alone'""")) {
            for (String council : councils) {
                ps.setString(1, council);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return councils;
    }

    private void resume(ScaleHub hub, List<String> councils) throws IOException, InterruptedException {
        for (String council : councils) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(hub.baseUri().resolve(
                    "/api/v1/console/endpoints/" + council + "/resume")).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + hub.token()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"scale benchmark: sweep measured\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("resuming " + council + " answered " + r.statusCode() + ": " + r.body());
            }
        }
    }

    /** One console view's timings in one phase. */
    record ConsoleView(String name, double p50, double p99, double max, String failure) {

        /** The board report has a goal of its own (goal 5's "yearly board report"), not the views' 200 ms. */
        boolean boardReport() {
            return name.startsWith("board report");
        }
    }

    private List<ConsoleView> measureConsole(ScaleHub hub, ScaleLoader loader, String phase)
            throws IOException, InterruptedException {
        List<ConsoleView> out = new ArrayList<>();
        int n = options.messages();
        String council = loader.council(n / 2);
        String school = loader.school(n / 3);
        String caseRef = loader.caseReference(n / 2);
        String message = loader.messageId(n / 2).toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // the board report takes dates (Europe/London days): the year to today
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).toString();
        String yearAgo = java.time.LocalDate.parse(today).minusDays(364).toString();
        String monthFrom = now.minus(Duration.ofDays(200)).toString();
        String monthTo = now.minus(Duration.ofDays(170)).toString();
        String page2 = loader.messageId(n - 60).toString();
        List<String[]> views = List.of(
                new String[] {"now view", "GET", "/api/v1/console/now"},
                new String[] {"messages (no filter)", "GET", "/api/v1/console/messages"},
                new String[] {"messages type", "GET", "/api/v1/console/messages?type=conference-invitation"},
                new String[] {"messages agency=council", "GET", "/api/v1/console/messages?agency=" + council},
                new String[] {"messages agency=school", "GET", "/api/v1/console/messages?agency=" + school},
                new String[] {"messages state=dead-lettered", "GET", "/api/v1/console/messages?state=dead-lettered"},
                new String[] {"messages state=failed", "GET", "/api/v1/console/messages?state=failed"},
                new String[] {"messages state=queued", "GET", "/api/v1/console/messages?state=queued"},
                new String[] {"messages state=outcome-given", "GET", "/api/v1/console/messages?state=outcome-given"},
                new String[] {"messages overdue=true", "GET", "/api/v1/console/messages?overdue=true"},
                new String[] {"messages case", "GET", "/api/v1/console/messages?case=" + caseRef},
                new String[] {"messages from/to (30 days)", "GET",
                    "/api/v1/console/messages?from=" + monthFrom + "&to=" + monthTo},
                new String[] {"messages before (page 2)", "GET", "/api/v1/console/messages?before=" + page2},
                new String[] {"messages type+agency+state", "GET",
                    "/api/v1/console/messages?type=duty-to-report&agency=" + council + "&state=dead-lettered"},
                new String[] {"messages limit=500", "GET", "/api/v1/console/messages?limit=500"},
                new String[] {"message lifecycle", "POST", "/api/v1/console/messages/" + message + "/lifecycle"},
                new String[] {"case timeline", "GET", "/api/v1/console/cases/" + caseRef + "?reason=scale+benchmark"},
                new String[] {"dead letters", "GET", "/api/v1/console/dead-letters"},
                new String[] {"dead letters agency", "GET", "/api/v1/console/dead-letters?agency=" + council},
                new String[] {"dead letters reason", "GET", "/api/v1/console/dead-letters?reason=timed+out"},
                new String[] {"board report, year, by council", "GET", "/api/v1/console/reports?from=" + yearAgo
                    + "&to=" + today + "&groupBy=council"},
                new String[] {"board report, year, csv", "GET", "/api/v1/console/reports?from=" + yearAgo
                    + "&to=" + today + "&groupBy=council&format=csv"},
                new String[] {"board report, year, one council", "GET", "/api/v1/console/reports?from=" + yearAgo
                    + "&to=" + today + "&groupBy=council&council=" + council},
                new String[] {"refusals", "GET", "/api/v1/console/refusals"},
                new String[] {"audit trail", "GET", "/api/v1/console/audit"},
                new String[] {"audit trail actor", "GET", "/api/v1/console/audit?actor=operator-7"},
                new String[] {"audit trail message", "GET", "/api/v1/console/audit?message=" + loader.messageId(n / 2 - n / 2 % 20)},
                new String[] {"directory", "GET", "/api/v1/console/directory"});
        line("CONSOLE, %s (%d requests each, the board report at most 10, after 3 warm-ups, one at a time, ms; "
                + "load average %s):", phase, options.requests(), loadAverage());
        line("  %-34s %8s %8s %8s %6s", "view", "p50", "p99", "max", "rows");
        for (String[] v : views) {
            List<Double> ms = new ArrayList<>();
            String status = "";
            int bytes = 0;
            // the yearly board report reads a year of rows: at most 10 requests of it
            int requests = v[0].startsWith("board report") ? Math.min(10, options.requests()) : options.requests();
            for (int i = 0; i < 3 + requests; i++) {
                HttpRequest.Builder b = HttpRequest.newBuilder(hub.baseUri().resolve(v[2]))
                        .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + hub.token());
                if (v[1].equals("POST")) {
                    b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"reason\":\"scale benchmark: reading the lifecycle\"}"));
                }
                long s = System.nanoTime();
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                double took = (System.nanoTime() - s) / 1e6;
                if (r.statusCode() != 200) {
                    status = r.statusCode() + " " + r.body().substring(0, Math.min(200, r.body().length()));
                }
                bytes = r.body().length();
                if (i >= 3) {
                    ms.add(took);
                }
            }
            ms.sort(Comparator.naturalOrder());
            line("  %-34s %8.1f %8.1f %8.1f %6s%s", v[0], pct(ms, 50), pct(ms, 99), ms.get(ms.size() - 1),
                    bytes / 1024 + "K", status.isEmpty() ? "" : "  ANSWERED " + status);
            out.add(new ConsoleView(v[0], pct(ms, 50), pct(ms, 99), ms.get(ms.size() - 1), status));
        }
        return out;
    }

    /** The machine's 1-minute load average, for the figures' context (2 cores shared). */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static double pct(List<Double> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    // ---- database

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(options.jdbcUrl(), options.user(), "");
    }

    private String adminUrl() {
        String url = options.jdbcUrl();
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        return base.substring(0, base.lastIndexOf('/') + 1) + "postgres" + (q < 0 ? "" : url.substring(q));
    }

    private String databaseName() {
        String url = options.jdbcUrl();
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        String name = base.substring(base.lastIndexOf('/') + 1);
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name '" + name + "' in --jdbc-url: lower-case letters, digits "
                    + "and _ only");
        }
        return name;
    }

    private void createDatabase() throws SQLException {
        dropDatabase();
        try (Connection c = DriverManager.getConnection(adminUrl(), options.user(), "");
             Statement s = c.createStatement()) {
            s.execute("create database " + databaseName());
        }
        line("created database %s", databaseName());
    }

    private void dropDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl(), options.user(), "");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + databaseName() + " with (force)");
        }
    }

    /**
     * This database's blocks read and found in shared buffers, the server's WAL records, full-page images and bytes
     * (pg_stat_wal: every database's), the server's buffers written by backends (pg_stat_bgwriter).
     */
    private static long[] io(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select d.blks_read, d.blks_hit, w.wal_records, w.wal_fpi, w.wal_bytes::bigint, b.buffers_backend
                from pg_stat_database d, pg_stat_wal w, pg_stat_bgwriter b where d.datname = current_database()""");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            long[] out = new long[6];
            for (int i = 0; i < out.length; i++) {
                out[i] = rs.getLong(i + 1);
            }
            return out;
        }
    }

    private static double activeTimeMs(Connection c) throws SQLException {
        return Double.parseDouble(single(c,
                "select coalesce(active_time, 0) from pg_stat_database where datname = current_database()"));
    }

    static String single(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    // ---- files

    /** The Wales directory with every pushed endpoint a path on the stub, resolved against hub.directory.base-url. */
    private static void writeDirectory(Path wales, Path out) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(wales.toFile());
        root.put("about", "Scale benchmark directory, written by benchmarks/ScaleBenchmark: " + wales
                + " with every endpoint a path on the benchmark's stub (hub.directory.base-url). Never use in production.");
        root.path("agencies").forEach(a -> {
            if (a.path("endpoint") instanceof ObjectNode endpoint && !"pull".equals(endpoint.path("transport").asText())) {
                endpoint.put("url", AgencyStub.PATH_PREFIX + a.path("id").asText());
            }
        });
        Files.writeString(out, json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static double secs(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static void line(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    static URI uri(String s) {
        return URI.create(s);
    }
}
