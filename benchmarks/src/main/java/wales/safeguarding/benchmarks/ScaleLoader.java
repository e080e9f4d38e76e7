package wales.safeguarding.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Fills a hub database (schema made by the hub's own Flyway migrations) with a year of tracked messages, by COPY: each
 * message, its deliveries, its audit rows and its clocks are derived from its index alone (one seed), so every table
 * is written in its own pass without holding the rows in memory. Spread over a year ending now and over the agencies of
 * the Wales-size directory; no message body is stored (every message counts as past its body's retention: payload
 * null, payload_removed_at set), since bodies are sealed with the hub's key and no measured query reads them.
 *
 * <p>The mix, per message: 30% duty-to-reports (police, school or practice to a council; clocks report-acknowledgement
 * and report-outcome), 35% information shares (police to council, school and practice), 12% conference invitations
 * (council to practice, school and police; a written-report clock), 15% report outcomes (council to police) and 8%
 * escalations (hub to council). Deliveries older than a day: 99.5% delivered, acknowledged or outcome-given, 0.5%
 * dead-lettered; the last day's are partly still queued or failed (waiting). {@code due} duty-to-reports of the last
 * weeks have a next-actions clock whose due time passed within the last hour with its first step due: the escalation
 * sweep's work when the hub starts. Every other running clock is due in the future or has climbed its whole ladder.
 */
final class ScaleLoader {

    private static final long SEED = 20261204L;
    private static final Duration SPAN = Duration.ofDays(365);
    private static final int CHUNK = 1 << 20;

    private final int messages;
    private final int due;
    private final Instant now;
    private final Instant start;
    private final String[] councils;
    private final String[] police;
    private final String[] schools;
    private final String[] practices;
    private final String[] policeOfCouncil;
    private final BitSet dueReports = new BitSet();
    private final String timestampSuffix = "+00";

    record Counts(long messages, long deliveries, long audit, long clocks, long escalations, long cases,
            long consoleAudit, int due) {
    }

    ScaleLoader(Path directory, int messages, int due, Instant now) throws IOException {
        this.messages = messages;
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
        this.start = this.now.minus(SPAN);
        JsonNode agencies = new ObjectMapper().readTree(directory.toFile()).path("agencies");
        List<String> c = new ArrayList<>();
        List<String> p = new ArrayList<>();
        List<String> s = new ArrayList<>();
        List<String> g = new ArrayList<>();
        List<String> forceOf = new ArrayList<>();
        for (JsonNode a : agencies) {
            String id = a.path("id").asText();
            switch (a.path("kind").asText()) {
                case "council" -> {
                    c.add(id);
                    forceOf.add(a.path("policeForce").asText());
                }
                case "police" -> p.add(id);
                case "school" -> s.add(id);
                case "gp-practice" -> g.add(id);
                default -> { }
            }
        }
        if (c.isEmpty() || p.isEmpty() || s.isEmpty() || g.isEmpty()) {
            throw new IllegalArgumentException(directory + " lacks councils, police forces, schools or GP practices");
        }
        councils = c.toArray(String[]::new);
        police = p.toArray(String[]::new);
        schools = s.toArray(String[]::new);
        practices = g.toArray(String[]::new);
        policeOfCouncil = forceOf.toArray(String[]::new);
        int picked = 0;
        for (int i = messages - 1; i >= 0 && picked < due; i--) {
            Plan m = plan(i);
            if (m.type == Type.DUTY_TO_REPORT && m.acceptedAt.isBefore(this.now.minus(Duration.ofDays(2)))) {
                dueReports.set(i);
                picked++;
            }
        }
        this.due = picked;
    }

    int due() {
        return due;
    }

    enum Type {
        DUTY_TO_REPORT("duty-to-report"), INFORMATION_SHARE("information-share"),
        CONFERENCE_INVITATION("conference-invitation"), REPORT_OUTCOME("report-outcome"), ESCALATION("escalation");

        final String wire;

        Type(String wire) {
            this.wire = wire;
        }
    }

    /** Everything about message {@code i}, from {@code i} alone. */
    private record Plan(int index, UUID id, Type type, String sender, String caseReference, int caseIndex,
            String council, String school, String practice, Instant acceptedAt, List<String> recipients,
            SplittableRandom random) {
    }

    private Plan plan(int i) {
        SplittableRandom r = new SplittableRandom(SEED * 31 + i);
        Instant accepted = start.plusMillis((long) ((double) i / messages * SPAN.toMillis()) + r.nextLong(1000));
        int caseIndex = i / 5;
        int councilIndex = Math.floorMod(mix(caseIndex), councils.length);
        String council = councils[councilIndex];
        String school = schools[Math.floorMod(mix(caseIndex * 7 + 1), schools.length)];
        String practice = practices[Math.floorMod(mix(caseIndex * 13 + 5), practices.length)];
        String force = policeOfCouncil[councilIndex];
        if (force.isEmpty()) {
            force = police[councilIndex % police.length];
        }
        int roll = r.nextInt(100);
        Type type = roll < 30 ? Type.DUTY_TO_REPORT : roll < 65 ? Type.INFORMATION_SHARE
                : roll < 77 ? Type.CONFERENCE_INVITATION : roll < 92 ? Type.REPORT_OUTCOME : Type.ESCALATION;
        String sender;
        List<String> recipients;
        switch (type) {
            case DUTY_TO_REPORT -> {
                int who = r.nextInt(10);
                sender = who < 6 ? force : who < 8 ? school : practice;
                recipients = List.of(council);
            }
            case INFORMATION_SHARE -> {
                sender = force;
                recipients = List.of(council, school, practice);
            }
            case CONFERENCE_INVITATION -> {
                sender = council;
                recipients = List.of(practice, school, force);
            }
            case REPORT_OUTCOME -> {
                sender = council;
                recipients = List.of(force);
            }
            default -> {
                sender = "hub";
                recipients = List.of(council);
            }
        }
        String caseReference = "SCALE-" + councilIndex + "-" + caseIndex;
        return new Plan(i, id(i), type, sender, caseReference, caseIndex, council, school, practice, accepted,
                recipients, r);
    }

    private static int mix(int x) {
        int h = x * 0x9E3779B1;
        return h ^ (h >>> 15);
    }

    private static UUID id(int i) {
        long hi = new SplittableRandom(SEED ^ (long) i << 20).nextLong();
        long lo = new SplittableRandom(SEED + i).nextLong();
        hi = (hi & ~0xF000L) | 0x4000L;
        lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo);
    }

    // ---- the load

    /** Makes the past year's audit partitions, loads every table in one transaction each, then ANALYZE. */
    Counts load(Connection c) throws SQLException, IOException {
        try (Statement s = c.createStatement()) {
            // as the retention job keeps them: one partition per month the rows fall in
            s.execute("select hub_audit_months('audit_event', now() - interval '13 months')");
            s.execute("select hub_audit_months('console_audit', now() - interval '13 months')");
            // the rows are consistent by construction: skip the foreign-key triggers for the bulk load (superuser)
            s.execute("set session_replication_role = replica");
        }
        c.setAutoCommit(false);
        long m = copy(c, "message (message_id, message_type, schema_version, sender, case_reference, child_reference,"
                + " correlation_id, language, security_label, created_at, accepted_at, payload_sha256, payload,"
                + " payload_removed_at, payload_key, payload_dek)", this::messageRows);
        long cases = copy(c, "child_case (case_reference, council, updated_at)", this::caseRows);
        copy(c, "case_child (case_reference, child_key, gp_practice, school, police_force, registered, updated_at)",
                this::caseChildRows);
        long d = copy(c, "delivery (message_id, recipient, state, attempts, last_error, recipient_reference, updated_at,"
                + " replays)", this::deliveryRows);
        long a = copy(c, "audit_event (id, message_id, recipient, event, from_state, to_state, detail, actor, at)",
                this::auditRows);
        long k = copy(c, "statutory_clock (id, message_id, clock, owed_by, waiting, started_at, due_at, met_at,"
                + " met_by_message, escalation_step, next_escalation_at, calendar_beyond_data, case_reference, subject)",
                this::clockRows);
        long e = copy(c, "escalation (id, clock_id, step, escalation_message_id, fired_at, due_at)", this::escalationRows);
        long ca = copy(c, "console_audit (id, at, actor, action, message_id, recipient, target, reason, detail)",
                this::consoleAuditRows);
        try (Statement s = c.createStatement()) {
            s.execute("select setval('audit_event_id_seq', (select max(id) from audit_event))");
            s.execute("select setval('statutory_clock_id_seq', (select max(id) from statutory_clock))");
            s.execute("select setval('escalation_id_seq', greatest(1, (select coalesce(max(id), 0) from escalation)))");
            s.execute("select setval('console_audit_id_seq', greatest(1, (select coalesce(max(id), 0) from console_audit)))");
        }
        c.commit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("set session_replication_role = origin");
            s.execute("vacuum analyze");
        }
        return new Counts(m, d, a, k, e, cases, ca, due);
    }

    @FunctionalInterface
    private interface Rows {
        long write(Writer w);
    }

    /** Streams the rows of one table into COPY in 1 MB chunks. */
    private static final class Writer {
        private final CopyIn in;
        private final StringBuilder buffer = new StringBuilder(CHUNK + 4096);

        Writer(CopyIn in) {
            this.in = in;
        }

        void row(Object... values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    buffer.append(',');
                }
                Object v = values[i];
                if (v != null) {
                    String text = v.toString();
                    if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0) {
                        buffer.append('"').append(text.replace("\"", "\"\"")).append('"');
                    } else {
                        buffer.append(text);
                    }
                }
            }
            buffer.append('\n');
            if (buffer.length() >= CHUNK) {
                flush();
            }
        }

        void flush() {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            buffer.setLength(0);
            try {
                in.writeToCopy(bytes, 0, bytes.length);
            } catch (SQLException e) {
                throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
            }
        }
    }

    private static long copy(Connection c, String table, Rows rows) throws SQLException {
        long started = System.nanoTime();
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " from stdin (format csv)");
        Writer w = new Writer(in);
        long n;
        try {
            n = rows.write(w);
            w.flush();
            in.endCopy();
        } catch (RuntimeException e) {
            if (in.isActive()) {
                in.cancelCopy();
            }
            throw e;
        }
        System.out.printf(Locale.ROOT, "  %-16s %,12d rows in %6.1f s%n", table.substring(0, table.indexOf(' ')), n,
                (System.nanoTime() - started) / 1e9);
        return n;
    }

    private String ts(Instant t) {
        return t.toString().replace('T', ' ').replace("Z", timestampSuffix);
    }

    private long messageRows(Writer w) {
        for (int i = 0; i < messages; i++) {
            Plan m = plan(i);
            UUID correlation = switch (m.type) {
                case REPORT_OUTCOME, ESCALATION -> i >= 3 ? id(i - 3) : null;
                default -> null;
            };
            String language = m.random.nextInt(5) == 0 ? "cy" : "en";
            w.row(m.id, m.type.wire, "1.0", m.sender, m.caseReference,
                    m.type == Type.DUTY_TO_REPORT ? "child-" + m.caseIndex : null, correlation, language,
                    "OFFICIAL-SENSITIVE", ts(m.acceptedAt.minusMillis(800)), ts(m.acceptedAt),
                    String.format(Locale.ROOT, "%064x", m.id.getLeastSignificantBits() & Long.MAX_VALUE), null,
                    ts(earlier(m.acceptedAt.plus(Duration.ofDays(1)), now)), "plain", null);
        }
        return messages;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private long caseRows(Writer w) {
        long n = 0;
        for (int i = 0; i < messages; i += 5) {
            Plan m = plan(i);
            w.row(m.caseReference, m.council, ts(m.acceptedAt));
            n++;
        }
        return n;
    }

    private long caseChildRows(Writer w) {
        long n = 0;
        for (int i = 0; i < messages; i += 5) {
            Plan m = plan(i);
            w.row(m.caseReference, "child-" + m.caseIndex, m.practice, m.school,
                    policeOfCouncil[Math.floorMod(mix(m.caseIndex), councils.length)], m.caseIndex % 4 == 0 ? "t" : "f",
                    ts(m.acceptedAt));
            n++;
        }
        return n;
    }

    /** A delivery's final state and how it got there (the state-changed audit events). */
    private List<String> path(Plan m, int copy) {
        SplittableRandom r = new SplittableRandom(SEED * 17 + m.index * 8L + copy);
        boolean lastDay = m.acceptedAt.isAfter(now.minus(Duration.ofDays(1)));
        int roll = r.nextInt(1000);
        if (lastDay && roll < 60) {
            return List.of("accepted", "queued");
        }
        if (lastDay && roll < 80) {
            return List.of("accepted", "queued", "failed");
        }
        if (roll >= 995) {
            return List.of("accepted", "queued", "failed", "dead-lettered");
        }
        if (roll < 700) {
            return List.of("accepted", "queued", "delivered");
        }
        if (roll < 950 || m.type != Type.DUTY_TO_REPORT) {
            return List.of("accepted", "queued", "delivered", "acknowledged");
        }
        return List.of("accepted", "queued", "delivered", "acknowledged", "outcome-given");
    }

    private static final String[] ERRORS = {"HTTP 503 from the agency endpoint", "connect timed out after 5000 ms",
        "HTTP 422 from the agency endpoint: refused by the receiving system", "HTTP 401 from the agency endpoint"};

    private long deliveryRows(Writer w) {
        long n = 0;
        for (int i = 0; i < messages; i++) {
            Plan m = plan(i);
            for (int k = 0; k < m.recipients.size(); k++) {
                List<String> states = path(m, k);
                String state = states.get(states.size() - 1);
                boolean dead = state.equals("dead-lettered");
                boolean failed = dead || state.equals("failed");
                w.row(m.id, m.recipients.get(k), state, failed ? (dead ? 5 : 2) : 1,
                        failed ? ERRORS[(i + k) % ERRORS.length] : null,
                        states.size() > 3 && !failed ? "REF-" + i + "-" + k : null,
                        ts(m.acceptedAt.plusSeconds(states.size() * (failed ? 300L : 2L))), 0);
                n++;
            }
        }
        return n;
    }

    private long auditRows(Writer w) {
        long id = 0;
        for (int i = 0; i < messages; i++) {
            Plan m = plan(i);
            w.row(++id, m.id, null, "accepted", null, null, "from " + m.sender, m.sender, ts(m.acceptedAt));
            for (int k = 0; k < m.recipients.size(); k++) {
                List<String> states = path(m, k);
                String recipient = m.recipients.get(k);
                String from = null;
                for (int s = 0; s < states.size(); s++) {
                    String to = states.get(s);
                    String actor = to.equals("acknowledged") || to.equals("outcome-given") ? recipient : "hub";
                    long after = to.equals("failed") || to.equals("dead-lettered") ? s * 300_000L : s * 40L + k * 5L;
                    w.row(++id, m.id, recipient, "state-changed", from, to,
                            to.equals("failed") || to.equals("dead-lettered") ? ERRORS[(i + k) % ERRORS.length] : null,
                            actor, ts(m.acceptedAt.plusMillis(after)));
                    from = to;
                }
            }
        }
        return id;
    }

    /** Clock ids are assigned in this order, so {@link #escalationRows} can name them. */
    private long clockRows(Writer w) {
        long id = 0;
        for (int i = 0; i < messages; i++) {
            Plan m = plan(i);
            if (m.type == Type.DUTY_TO_REPORT) {
                for (String clock : new String[] {"report-acknowledgement", "report-outcome"}) {
                    id++;
                    clock(w, id, m, clock, m.council, m.sender, Duration.ofDays(9));
                }
                if (dueReports.get(i)) {
                    // its first step due: the due time passed within the last hour
                    Instant dueAt = now.minusSeconds(60 + m.random.nextInt(3000));
                    w.row(++id, m.id, "next-actions", m.council, m.sender, ts(dueAt.minus(Duration.ofDays(1))),
                            ts(dueAt), null, null, 0, ts(dueAt), "f", m.caseReference, null);
                }
            } else if (m.type == Type.CONFERENCE_INVITATION) {
                id++;
                clock(w, id, m, "written-report", m.practice, m.council, Duration.ofDays(10));
            }
        }
        return id;
    }

    /** Met in time mostly; 2% of those past due never met and their ladder done (escalated); the rest still running. */
    private void clock(Writer w, long id, Plan m, String clock, String owedBy, String waiting, Duration period) {
        Instant dueAt = m.acceptedAt.plus(period);
        boolean escalated = escalated(id);
        if (escalated && dueAt.isBefore(now.minus(Duration.ofDays(20)))) {
            w.row(id, m.id, clock, owedBy, waiting, ts(m.acceptedAt), ts(dueAt), null, null, 2, null, "f",
                    m.caseReference, null);
        } else if (dueAt.isBefore(now) || id % 3 == 0) {
            Instant met = m.acceptedAt.plus(Duration.ofHours(2 + id % (period.toHours() - 2)));
            if (met.isAfter(now)) {
                met = now.minusSeconds(60);
            }
            w.row(id, m.id, clock, owedBy, waiting, ts(m.acceptedAt), ts(dueAt), ts(met), m.id, 0, null, "f",
                    m.caseReference, null);
        } else {
            w.row(id, m.id, clock, owedBy, waiting, ts(m.acceptedAt), ts(dueAt), null, null, 0, ts(dueAt), "f",
                    m.caseReference, null);
        }
    }

    private static boolean escalated(long clockId) {
        return clockId % 50 == 7;
    }

    private long escalationRows(Writer w) {
        long id = 0;
        long clockId = 0;
        for (int i = 0; i < messages; i++) {
            Plan m = plan(i);
            List<Duration> periods = new ArrayList<>();
            if (m.type == Type.DUTY_TO_REPORT) {
                periods.add(Duration.ofDays(9));
                periods.add(Duration.ofDays(9));
            } else if (m.type == Type.CONFERENCE_INVITATION) {
                periods.add(Duration.ofDays(10));
            }
            for (Duration period : periods) {
                clockId++;
                Instant dueAt = m.acceptedAt.plus(period);
                if (escalated(clockId) && dueAt.isBefore(now.minus(Duration.ofDays(20)))) {
                    UUID notice = id(Math.min(messages - 1, i + 40));
                    w.row(++id, clockId, "reminder", notice, ts(dueAt.plus(Duration.ofHours(1))), ts(dueAt));
                    w.row(++id, clockId, "manager-notice", notice, ts(dueAt.plus(Duration.ofDays(5))), ts(dueAt));
                }
            }
            if (dueReports.get(i)) {
                clockId++;
            }
        }
        return id;
    }

    private static final String[] ACTIONS = {"lifecycle-read", "lifecycle-read", "case-read", "body-read", "replay"};

    /** The console's own trail: one person's read or replay for every 20 messages. */
    private long consoleAuditRows(Writer w) {
        long id = 0;
        for (int i = 0; i < messages; i += 20) {
            Plan m = plan(i);
            String action = ACTIONS[i / 20 % ACTIONS.length];
            String actor = "operator-" + (i / 20 % 25);
            Instant at = m.acceptedAt.plus(Duration.ofHours(3));
            if (at.isAfter(now)) {
                at = now.minusSeconds(1);
            }
            if (action.equals("case-read")) {
                w.row(++id, ts(at), actor, action, null, null, m.caseReference, "reviewing the case for the strategy meeting",
                        null);
            } else {
                w.row(++id, ts(at), actor, action, m.id, action.equals("replay") ? m.recipients.get(0) : null, null,
                        "checking why the copy was late", null);
            }
        }
        return id;
    }

    /** A message id the load made, for the console's case and message views. */
    UUID messageId(int i) {
        return id(i);
    }

    String caseReference(int i) {
        return plan(i).caseReference;
    }

    String council(int i) {
        return plan(i).council;
    }

    String school(int i) {
        return plan(i).school;
    }
}
