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
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.clocks.EscalationStep;
import wales.safeguarding.hub.clocks.ClockRepository;
import jakarta.inject.Named;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import wales.safeguarding.hub.clocks.ClockKeeper;
import wales.safeguarding.hub.clocks.Ladder;
import wales.safeguarding.hub.database.Transactions;
import wales.safeguarding.hub.delivery.DeliveryQueues;
import wales.safeguarding.hub.tracking.Acceptance;
import wales.safeguarding.hub.intake.MessageIntake;
import wales.safeguarding.hub.clocks.ClockRecord;
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


    private final Transactions transactions;
    private final TrackingRepository tracking;
    private final ClockRepository clockStore;
    private final MessageIntake intake;
    private final DeliveryQueues queues;
    private final ClockKeeper keeper;
    private final EscalationMessages messages;
    private final Clock clock;
    private final Duration retryAfter;

    public Escalator(Transactions transactions, TrackingRepository tracking, ClockRepository clockStore,
            MessageIntake intake, DeliveryQueues queues,
            ClockKeeper keeper, EscalationMessages messages, Clock clock,
            @ConfigProperty(name = "hub.escalation.retry-after") Duration retryAfter) {
        this.transactions = transactions;
        this.tracking = tracking;
        this.clockStore = clockStore;
        this.intake = intake;
        this.queues = queues;
        this.keeper = keeper;
        this.messages = messages;
        this.clock = clock;
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
            // in the order a later copy of the same case is measured against (accepted_at, then message id as PostgreSQL
            // orders uuids), so the delivery lanes rarely find one ahead of its elder
            done.made().stream().sorted(java.util.Comparator.comparing(a -> a.messageId().toString()))
                    .forEach(queues::publish);
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
        List<UUID> reports = clockStore.reportsWithDueClocks(c, now, BATCH);
        for (UUID report : reports) {
            if (!clockStore.lockReport(c, report)) {
                continue;
            }
            for (ClockRecord due : clockStore.lockDueClocksOf(c, report, now)) {
                // Clocks of one starting message, owed by one agency, on the same rung of the same ladder share
                // their notices (a council that owes both the acknowledgement and the outcome gets one reminder).
                String ladder = keeper.definition(due.clock()).ladder().toString();
                groups.computeIfAbsent(due.messageId() + "|" + due.owedBy() + "|" + due.escalationStep() + "|" + ladder,
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
                    clockStore.advanceEscalation(c, k.id(), k.escalationStep(), retryAt);
                }
                tracking.audit(c, first.messageId(), first.owedBy(), "escalation-failed", null, null,
                        e.getClass().getSimpleName() + "; next try at " + retryAt, "hub", now);
                LOG.errorf(e, "could not escalate report %s (clock step %d); will try again at %s", first.messageId(),
                        first.escalationStep(), retryAt);
            }
        }
        return new Batch(made, reports.size());
    }

    /** Sends the notices of the clocks' current rung and moves them to the next rung (or ends the ladder). */
    private List<Acceptance> climb(Connection c, List<ClockRecord> group, Instant now) throws SQLException {
        ClockRecord first = group.get(0);
        StoredMessage startedBy = tracking.findMessage(c, first.messageId()).orElseThrow();
        Ladder ladder = keeper.definition(first.clock()).ladder();
        int rung = first.escalationStep();
        List<Acceptance> made = new ArrayList<>();
        Optional<Ladder.Level> level = ladder.level(rung);
        if (level.isPresent()) {
            for (EscalationStep step : level.get().steps()) {
                made.add(fire(c, step, startedBy, group, level.get().afterWorkingDays(), now));
            }
        }
        Instant next = ladder.level(rung + 1).map(l -> keeper.rungAt(first.dueAt(), l)).orElse(null);
        for (ClockRecord k : group) {
            clockStore.advanceEscalation(c, k.id(), rung + 1, next);
        }
        return made;
    }

    private Acceptance fire(Connection c, EscalationStep step, StoredMessage report, List<ClockRecord> group,
            int workingDaysOverdue, Instant now) throws SQLException {
        var envelope = messages.build(step, report, group, workingDaysOverdue, now.atOffset(ZoneOffset.UTC));
        Acceptance stored = intake.storeFromHub(c, envelope);
        for (ClockRecord k : group) {
            if (!clockStore.recordEscalation(c, k.id(), step.wireName(), k.dueAt(), stored.messageId(), now)) {
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
