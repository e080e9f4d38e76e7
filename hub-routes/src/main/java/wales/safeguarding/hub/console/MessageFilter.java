package wales.safeguarding.hub.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import wales.safeguarding.hub.tracking.DeliveryState;

/**
 * Which messages the console lists: every part optional; {@code agency} matches the sender or a recipient,
 * {@code state} a recipient's state; {@code before} (a message id) continues a page, newest first.
 */
public record MessageFilter(String type, String agency, String state, String caseReference, boolean overdueOnly,
        Instant from, Instant to, int limit, UUID before) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    /** Delivery states a copy is in only while something is wrong or still under way. */
    private static final java.util.Set<DeliveryState> EXCEPTIONAL = java.util.EnumSet.of(DeliveryState.ACCEPTED,
            DeliveryState.QUEUED, DeliveryState.FAILED, DeliveryState.DEAD_LETTERED);

    /** Reads the query parameters; a bad one is a 400 naming it. */
    public static MessageFilter parse(String type, String agency, String state, String caseReference, String overdue,
            String from, String to, Integer limit, String before) {
        String s = ConsoleParams.text(state);
        if (s != null) {
            try {
                DeliveryState.fromWireName(s);
            } catch (IllegalArgumentException e) {
                throw ConsoleProblems.invalid("state", "enum", "one of accepted, queued, failed, delivered, "
                        + "acknowledged, outcome-given, dead-lettered");
            }
        }
        String o = ConsoleParams.text(overdue);
        if (o != null && !o.equals("true") && !o.equals("false")) {
            throw ConsoleProblems.invalid("overdue", "boolean", "true or false");
        }
        Instant f = ConsoleParams.instant("from", from);
        Instant t = ConsoleParams.instant("to", to);
        if (f != null && t != null && !f.isBefore(t)) {
            throw ConsoleProblems.invalid("to", "after-from", "must be after from");
        }
        return new MessageFilter(ConsoleParams.text(type), ConsoleParams.text(agency), s, ConsoleParams.text(caseReference),
                "true".equals(o), f, t, ConsoleParams.limit("limit", limit, DEFAULT_LIMIT, MAX_LIMIT),
                ConsoleParams.uuid("before", before));
    }

    public static MessageFilter ofCase(String caseReference) {
        return new MessageFilter(null, null, null, caseReference, false, null, null, MAX_LIMIT, null);
    }

    /** The SQL condition on {@code message m} and its parameters, in order. */
    public String where(List<Object> parameters, Instant now) {
        List<String> conditions = new ArrayList<>();
        conditions.add("true");
        if (type != null) {
            conditions.add("m.message_type = ?");
            parameters.add(type);
        }
        if (agency != null) {
            conditions.add("(m.sender = ? or exists (select 1 from delivery d where d.message_id = m.message_id"
                    + " and d.recipient = ?))");
            parameters.add(agency);
            parameters.add(agency);
        }
        if (state != null) {
            // A literal, not a parameter: one of DeliveryState's wire names (checked again here), so that each state
            // has its own plan and the partial index delivery_rare_state (V19) applies, which a cached generic plan for
            // "state = $1" could not.
            DeliveryState s = DeliveryState.fromWireName(state);
            if (EXCEPTIONAL.contains(s)) {
                // Copies in these states are few: take their messages by id, rather than walk every message newest
                // first looking for one (the planner's choice for exists, as it takes them to be spread evenly).
                conditions.add("m.message_id = any (array (select d.message_id from delivery d where d.state = '"
                        + s.wireName() + "'))");
            } else {
                conditions.add("exists (select 1 from delivery d where d.message_id = m.message_id and d.state = '"
                        + s.wireName() + "')");
            }
        }
        if (caseReference != null) {
            conditions.add("m.case_reference = ?");
            parameters.add(caseReference);
        }
        if (overdueOnly) {
            conditions.add("exists (select 1 from statutory_clock k where k.message_id = m.message_id"
                    + " and k.met_at is null and k.due_at < ?)");
            parameters.add(java.sql.Timestamp.from(now));
        }
        if (from != null) {
            conditions.add("m.accepted_at >= ?");
            parameters.add(java.sql.Timestamp.from(from));
        }
        if (to != null) {
            conditions.add("m.accepted_at < ?");
            parameters.add(java.sql.Timestamp.from(to));
        }
        if (before != null) {
            conditions.add("(m.accepted_at, m.message_id) < (select b.accepted_at, b.message_id from message b"
                    + " where b.message_id = ?)");
            parameters.add(before);
        }
        return String.join(" and ", conditions);
    }
}
