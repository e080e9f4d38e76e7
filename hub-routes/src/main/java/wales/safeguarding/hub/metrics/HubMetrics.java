package wales.safeguarding.hub.metrics;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The hub's own Prometheus series (issue 13), in one place: every name and label the hub registers, so the alert rules
 * ({@code deploy/prometheus/hub-alerts.yaml}), the dashboard ({@code deploy/grafana/hub-dashboard.json}) and the docs
 * ({@code deploy/README.md}, "Metrics") have one list to agree with. Names are Micrometer's (dotted); Prometheus shows
 * them with underscores, {@code _total} on counters and the unit on timers and age gauges ({@link #PROMETHEUS_NAMES}).
 *
 * <p>Every label is bounded and says what kind of thing, never which one: a message type, an agency <em>kind</em>
 * (never an agency's id: one series per school would be 1,460 series and would name a child's school), a delivery
 * state, a clock name, a council as its local authority's ONS code (22 in Wales), an escalation step, an alert
 * condition, a refusal's status and problem type. A value that is not a short lowercase word is shown as
 * {@value #OTHER}, so nothing an agency sends can widen a label.
 */
public final class HubMetrics {

    // ---- counters and the latency histogram: this instance's events since it started
    /** Messages stored by the hub (an agency's, or one the hub made), by type and the sender's agency kind. */
    public static final String MESSAGES_ACCEPTED = "hub.messages.accepted";
    /** Copies that reached their recipient's system (pushed, or collected from a pull inbox), each once. */
    public static final String COPIES_DELIVERED = "hub.copies.delivered";
    /** Delivery attempts that failed and will be tried again. */
    public static final String COPIES_FAILED = "hub.copies.failed";
    /** Copies given up on: refused by the agency's system, out of retries, or unreadable. */
    public static final String COPIES_DEAD_LETTERED = "hub.copies.dead.lettered";
    /** From the message's acceptance to its copy's delivery, in seconds (a histogram with {@link #LATENCY_BUCKETS}). */
    public static final String DELIVERY_LATENCY = "hub.delivery.latency";
    /** Escalation notices fired, by step (reminder, report-maker-notice, manager-notice, board-notice). */
    public static final String ESCALATION_STEPS = "hub.escalation.steps";
    /** Escalations of a report that could not be made or written (tried again later). */
    public static final String ESCALATION_FAILURES = "hub.escalation.failures";
    /** Agency API requests refused, by status, problem type and the caller's agency kind. */
    public static final String REFUSALS = "hub.refusals";

    // ---- gauges from the tracking database (the same on every instance; MetricsRepository, HubGauges)
    /** Copies still to be delivered, by the recipient's agency kind and state (accepted, queued, failed). */
    public static final String COPIES_WAITING = "hub.copies.waiting";
    /** Seconds since the message of the oldest copy still to be delivered was accepted, by agency kind (0: none). */
    public static final String OLDEST_WAITING_AGE = "hub.copies.waiting.oldest.age";
    /** Copies dead-lettered and not replayed, by the recipient's agency kind. */
    public static final String DEAD_LETTERS_WAITING = "hub.dead.letters.waiting";
    /** Statutory clocks still running, by clock and council. */
    public static final String CLOCKS_OPEN = "hub.clocks.open";
    /** Statutory clocks still running past their due time, by clock and council. */
    public static final String CLOCKS_OVERDUE = "hub.clocks.overdue";
    /** Operational alerts open, by condition (endpoint-failing, dead-letters, oldest-waiting, escalation-failing ...). */
    public static final String ALERTS_OPEN = "hub.operational.alerts.open";
    /**
     * Children stored under an older form of the hub's fingerprint (the unkeyed one from before, or a previous key's):
     * rewritten when a message names the child again; a key id can be retired once this is 0.
     */
    public static final String CHILD_KEYS_LEGACY = "hub.child.keys.legacy";
    /** Seconds since the database gauges were last read. */
    public static final String SNAPSHOT_AGE = "hub.metrics.snapshot.age";

    /** Every series' name as Prometheus shows it (a histogram adds _bucket, _count and _sum). */
    public static final List<String> PROMETHEUS_NAMES = List.of("hub_messages_accepted_total",
            "hub_copies_delivered_total", "hub_copies_failed_total", "hub_copies_dead_lettered_total",
            "hub_delivery_latency_seconds", "hub_escalation_steps_total", "hub_escalation_failures_total",
            "hub_refusals_total", "hub_copies_waiting", "hub_copies_waiting_oldest_age_seconds",
            "hub_dead_letters_waiting", "hub_clocks_open", "hub_clocks_overdue", "hub_operational_alerts_open",
            "hub_child_keys_legacy", "hub_metrics_snapshot_age_seconds");

    // ---- labels
    public static final String TYPE = "type";
    public static final String AGENCY_KIND = "agency_kind";
    public static final String STATE = "state";
    public static final String CLOCK = "clock";
    public static final String COUNCIL = "council";
    public static final String STEP = "step";
    public static final String CONDITION = "condition";
    public static final String STATUS = "status";
    public static final String REASON = "reason";

    /** The agency kind of a message the hub itself made, and of an alert about the hub. */
    public static final String HUB = "hub";
    /** An agency the directory does not know (a refused caller without a valid token, a removed agency). */
    public static final String UNKNOWN = "unknown";
    /** A clock no council owes or waits for. */
    public static final String NO_COUNCIL = "none";
    /** A label value that is not a short lowercase word. */
    public static final String OTHER = "other";

    /**
     * Latency buckets, in seconds, around the hub's service levels: seconds for a healthy push, minutes for retries, an
     * hour and a working day for an agency system that is down (the statutory clocks count working days).
     */
    public static final double[] LATENCY_BUCKETS = {1, 5, 15, 30, 60, 300, 900, 1800, 3600, 4 * 3600, 24 * 3600,
            3 * 24 * 3600};

    private static final Pattern WORD = Pattern.compile("[a-z0-9][a-z0-9-]{0,47}");
    private static final Pattern ONS_CODE = Pattern.compile("W06[0-9]{6}");

    private HubMetrics() {
    }

    /** {@code value} when it is a short lowercase word (a type, a kind, a state, a clock), else {@value #OTHER}. */
    public static String word(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        return WORD.matcher(value).matches() ? value : OTHER;
    }

    /** A Welsh local authority's ONS code ({@code W06000010}), else {@value #OTHER}. */
    public static String council(String onsCode) {
        if (onsCode == null) {
            return NO_COUNCIL;
        }
        return ONS_CODE.matcher(onsCode).matches() ? onsCode : OTHER;
    }
}
