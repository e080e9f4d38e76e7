package wales.safeguarding.hub.console;

import java.time.Instant;
import java.util.List;

/** What the board report counts, read from the tracking tables for one period: ids, agencies and times only. */
public record ReportFacts(List<String> dutyToReportRecipients, List<Invitation> invitations, List<ClockFact> clocks) {

    /** A conference invitation, its council (the sender) and whether it reached the child's GP practice. */
    public record Invitation(String sender, boolean gpIncluded) {
    }

    /** A statutory clock started in the period. */
    public record ClockFact(String clock, String owedBy, String waiting, Instant startedAt, Instant dueAt, Instant metAt) {

        public boolean metOnTime() {
            return metAt != null && !metAt.isAfter(dueAt);
        }

        /** Met, or past its due time: on time or not is known. */
        public boolean decided(Instant now) {
            return metAt != null || dueAt.isBefore(now);
        }

        public boolean overdue(Instant now) {
            return metAt == null && dueAt.isBefore(now);
        }
    }
}
