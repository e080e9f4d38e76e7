package wales.safeguarding.hub.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.database.Transactions;

/**
 * A case's timeline as one agency may see it: the messages of the case it sent or received; for a message it sent,
 * every recipient's deliveries; for one it received, its own delivery only; the clocks it owes or waits on.
 */
@ApplicationScoped
public class CaseTimeline {

    private static final String VISIBLE_MESSAGES = """
            m.case_reference = ? and (?::text is null or m.sender = ?
                or exists (select 1 from delivery d where d.message_id = m.message_id and d.recipient = ?))""";

    private final Transactions transactions;

    public CaseTimeline(Transactions transactions) {
        this.transactions = transactions;
    }

    /** The entries in time order; empty when the agency may see nothing of the case (or there is no such case). */
    public List<TimelineEntry> forAgency(String caseReference, String agencyId) {
        return entries(caseReference, java.util.Objects.requireNonNull(agencyId));
    }

    /** Every agency's part of the case, for the console; empty when there is no such case. */
    public List<TimelineEntry> wholeCase(String caseReference) {
        return entries(caseReference, null);
    }

    private List<TimelineEntry> entries(String caseReference, String agencyId) {
        return transactions.inTransaction(c -> {
            List<TimelineEntry> entries = new ArrayList<>();
            events(c, caseReference, agencyId, entries);
            clocks(c, caseReference, agencyId, entries);
            entries.sort(Comparator.comparing(TimelineEntry::at));
            return entries;
        });
    }

    private static void events(Connection c, String caseReference, String agencyId, List<TimelineEntry> into)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select a.at, a.event, a.message_id, m.message_type, a.recipient, a.from_state, a.to_state, a.detail
                from audit_event a join message m on m.message_id = a.message_id
                where""" + " " + VISIBLE_MESSAGES + """
                 and (?::text is null or a.recipient is null or a.recipient = ? or m.sender = ?)
                order by a.id""")) {
            ps.setString(1, caseReference);
            for (int i = 2; i <= 7; i++) {
                ps.setString(i, agencyId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    into.add(new TimelineEntry(instant(rs, 1), rs.getString(2), rs.getObject(3, UUID.class),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), null, rs.getString(8)));
                }
            }
        }
    }

    private static void clocks(Connection c, String caseReference, String agencyId, List<TimelineEntry> into)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select k.clock, k.message_id, m.message_type, k.owed_by, k.started_at, k.due_at, k.met_at,
                    met_by.message_type
                from statutory_clock k join message m on m.message_id = k.message_id
                left join message met_by on met_by.message_id = k.met_by_message
                where""" + " " + VISIBLE_MESSAGES + """
                 and (?::text is null or k.owed_by = ? or k.waiting = ?)
                order by k.id""")) {
            ps.setString(1, caseReference);
            for (int i = 2; i <= 7; i++) {
                ps.setString(i, agencyId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String clock = rs.getString(1);
                    UUID messageId = rs.getObject(2, UUID.class);
                    String type = rs.getString(3);
                    String owedBy = rs.getString(4);
                    into.add(new TimelineEntry(instant(rs, 5), "clock-started", messageId, type, owedBy, null, null,
                            clock, "due " + instant(rs, 6)));
                    Instant met = instant(rs, 7);
                    into.add(met != null
                            ? new TimelineEntry(met, "clock-met", messageId, type, owedBy, null, null, clock,
                                    metBy(rs.getString(8)))
                            : new TimelineEntry(instant(rs, 6), "clock-due", messageId, type, owedBy, null, null, clock,
                                    null));
                }
            }
        }
    }

    /** What met a clock: a decision (a section 47 determination, a cancellation) or the step it waited for. */
    private static String metBy(String messageType) {
        return messageType == null ? null : "met by " + messageType;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
