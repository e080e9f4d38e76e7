package wales.safeguarding.hub.escalation;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import wales.safeguarding.hub.calendar.StatutoryClocks;
import wales.safeguarding.hub.database.Transactions;
import wales.safeguarding.hub.delivery.DeliveryQueues;
import wales.safeguarding.hub.intake.Acceptance;
import wales.safeguarding.hub.intake.MessageIntake;
import wales.safeguarding.hub.tracking.ClockRecord;
import wales.safeguarding.hub.tracking.StoredMessage;
import wales.safeguarding.hub.tracking.TrackingRepository;

/**
 * Fires the escalations that are due. One transaction takes each report with due clocks as a unit
 * ({@code for update skip locked} on the report, so two hub instances never work on the same report), stores each escalation as an ordinary tracked message, records that the
 * step fired (a unique key: never twice) and moves each clock to its next step; the messages are queued after the
 * commit, and the outbox sweeper queues them if the hub stops in between. Clocks of one report that run out together
 * share one escalation naming everything missing.
 */
@ApplicationScoped
@Named("escalator")
public class Escalator {

    private static final Logger LOG = Logger.getLogger(Escalator.class);
    private static final int BATCH = 100;
    private static final int MAX_BATCHES_PER_SCAN = 50;

    /** Clock steps: 0 = waiting for the due time; 1 = reminder and report-maker notice sent; 2 = manager notice sent. */
    static final int FIRST_NOTICES_SENT = 1;
    static final int MANAGER_NOTICE_SENT = 2;

    private final Transactions transactions;
    private final TrackingRepository tracking;
    private final MessageIntake intake;
    private final DeliveryQueues queues;
    private final StatutoryClocks clocks;
    private final EscalationMessages messages;
    private final Clock clock;
    private final int managerNoticeAfter;
    private final Duration retryAfter;

    public Escalator(Transactions transactions, TrackingRepository tracking, MessageIntake intake, DeliveryQueues queues,
            StatutoryClocks clocks, EscalationMessages messages, Clock clock,
            @ConfigProperty(name = "hub.escalation.manager-notice-after-working-days") int managerNoticeAfter,
            @ConfigProperty(name = "hub.escalation.retry-after") Duration retryAfter) {
        this.transactions = transactions;
        this.tracking = tracking;
        this.intake = intake;
        this.queues = queues;
        this.clocks = clocks;
        this.messages = messages;
        this.clock = clock;
        this.managerNoticeAfter = managerNoticeAfter;
        this.retryAfter = retryAfter;
    }

    /**
     * Fires every escalation due now, batch after batch until none is left (a backlog after an outage is cleared in
     * one scan); returns how many escalation messages it made.
     */
    public int fireDue() {
        int total = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_SCAN; batch++) {
            Batch done = transactions.inTransaction(this::fireDueIn);
            done.made().forEach(queues::publish);
            total += done.made().size();
            if (done.reportsTaken() < BATCH) {
                break;
            }
        }
        if (total > 0) {
            LOG.infof("fired %d escalation message(s)", total);
        }
        return total;
    }

    /** One transaction's work: the messages made, and how many reports it looked at. */
    private record Batch(List<Acceptance> made, int reportsTaken) {
    }

    private Batch fireDueIn(Connection c) throws SQLException {
        Instant now = clock.instant();
        Map<String, List<ClockRecord>> groups = new LinkedHashMap<>();
        List<UUID> reports = tracking.reportsWithDueClocks(c, now, BATCH);
        for (UUID report : reports) {
            if (!tracking.lockReport(c, report)) {
                continue;
            }
            for (ClockRecord due : tracking.lockDueClocksOf(c, report, now)) {
                groups.computeIfAbsent(due.messageId() + "|" + due.owedBy() + "|" + due.escalationStep(),
                        k -> new ArrayList<>()).add(due);
            }
        }
        List<Acceptance> made = new ArrayList<>();
        for (List<ClockRecord> group : groups.values()) {
            Savepoint beforeGroup = c.setSavepoint();
            try {
                made.addAll(climb(c, group, now));
            } catch (SQLException | RuntimeException e) {
                // One report's escalation must not hold up the others: undo it, try it again later, say so loudly.
                c.rollback(beforeGroup);
                ClockRecord first = group.get(0);
                Instant retryAt = now.plus(retryAfter);
                for (ClockRecord k : group) {
                    tracking.advanceEscalation(c, k.id(), k.escalationStep(), retryAt);
                }
                tracking.audit(c, first.messageId(), first.owedBy(), "escalation-failed", null, null,
                        e.getClass().getSimpleName() + "; next try at " + retryAt, "hub", now);
                LOG.errorf(e, "could not escalate report %s (clock step %d); will try again at %s", first.messageId(),
                        first.escalationStep(), retryAt);
            }
        }
        return new Batch(made, reports.size());
    }

    private List<Acceptance> climb(Connection c, List<ClockRecord> group, Instant now) throws SQLException {
        ClockRecord first = group.get(0);
        StoredMessage report = tracking.findMessage(c, first.messageId()).orElseThrow();
        List<Acceptance> made = new ArrayList<>();
        if (first.escalationStep() == 0) {
            made.add(fire(c, EscalationStep.REMINDER, report, group, now));
            made.add(fire(c, EscalationStep.REPORT_MAKER_NOTICE, report, group, now));
            Instant managerNoticeAt = clocks.due(first.dueAt().minusSeconds(1), managerNoticeAfter).dueAt();
            for (ClockRecord k : group) {
                tracking.advanceEscalation(c, k.id(), FIRST_NOTICES_SENT, managerNoticeAt);
            }
        } else {
            made.add(fire(c, EscalationStep.MANAGER_NOTICE, report, group, now));
            for (ClockRecord k : group) {
                tracking.advanceEscalation(c, k.id(), MANAGER_NOTICE_SENT, null);
            }
        }
        return made;
    }

    private Acceptance fire(Connection c, EscalationStep step, StoredMessage report, List<ClockRecord> group,
            Instant now) throws SQLException {
        var envelope = messages.build(step, report, group, managerNoticeAfter, now.atOffset(ZoneOffset.UTC));
        Acceptance stored = intake.storeFromHub(c, envelope);
        for (ClockRecord k : group) {
            if (!tracking.recordEscalation(c, k.id(), step.wireName(), stored.messageId(), now)) {
                throw new IllegalStateException("escalation " + step.wireName() + " of clock " + k.id()
                        + " had already fired; not firing it again");
            }
            tracking.audit(c, report.messageId(), k.owedBy(), "escalation", null, null,
                    step.wireName() + " for " + k.clock() + " (due " + k.dueAt() + "): message " + stored.messageId(),
                    "hub", now);
        }
        return stored;
    }

}
