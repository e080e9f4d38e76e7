package wales.safeguarding.hub.retention;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The retention rules, as plain decisions over facts (issue 11 finding 7). */
public final class RetentionRules {

    private RetentionRules() {
    }

    /**
     * What the hub knows of one message whose body it still keeps.
     *
     * @param type               the message type (wire name)
     * @param lastActivity       when it was accepted or, if later, when one of its copies last changed state
     * @param copiesInFlight     a copy not yet delivered (accepted, queued or failed and being retried): its body
     *                           is what will be sent
     * @param ownClockRunning    a statutory clock this message started is still running: an escalation may quote it
     * @param caseOpen           its case has a clock running or a child on a child protection register: later messages
     *                           of the case may read it (the conference invitation's time and place, the report-maker)
     */
    public record BodyFacts(String type, Instant lastActivity, boolean copiesInFlight, boolean ownClockRunning,
            boolean caseOpen) {
    }

    /**
     * A body is removed once nothing can need it and its period has passed since its last activity: no copy still
     * to deliver, no clock of its own running, its case not open, and {@link RetentionPolicy#bodyPeriod} gone by.
     * A dead-lettered copy counts as settled: its replay answers 410 payload-removed once the body is gone.
     */
    public static boolean removeBody(BodyFacts facts, RetentionPolicy policy, Instant now) {
        if (facts.copiesInFlight() || facts.ownClockRunning() || facts.caseOpen()) {
            return false;
        }
        return !facts.lastActivity().isAfter(RetentionPolicy.before(now, policy.bodyPeriod(facts.type())));
    }

    /**
     * The months of an audit table to drop: those that ended on or before {@code now} minus the audit period (a month
     * is kept whole while any of it is within the period).
     */
    public static List<YearMonth> auditMonthsToDrop(List<YearMonth> months, RetentionPolicy policy, Instant now) {
        Instant cutoff = RetentionPolicy.before(now, policy.audit());
        List<YearMonth> drop = new ArrayList<>();
        for (YearMonth month : months) {
            Instant end = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            if (!end.isAfter(cutoff)) {
                drop.add(month);
            }
        }
        return drop;
    }

    /** The months an audit table needs made now: this month (UTC) and {@code ahead} more. */
    public static List<YearMonth> auditMonthsAhead(Instant now, int ahead) {
        YearMonth first = YearMonth.from(now.atZone(ZoneOffset.UTC));
        List<YearMonth> months = new ArrayList<>();
        for (int i = 0; i <= ahead; i++) {
            months.add(first.plusMonths(i));
        }
        return months;
    }
}
