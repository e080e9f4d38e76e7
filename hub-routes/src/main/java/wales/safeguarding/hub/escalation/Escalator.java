package wales.safeguarding.hub.escalation;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import wales.safeguarding.hub.challenge.ChallengeStepUp;
import wales.safeguarding.hub.clocks.ClockKeeper;
import wales.safeguarding.hub.clocks.ClockRecord;
import wales.safeguarding.hub.clocks.ClockRepository;
import wales.safeguarding.hub.clocks.EscalationStep;
import wales.safeguarding.hub.clocks.Ladder;
import wales.safeguarding.hub.database.Transactions;
import wales.safeguarding.hub.delivery.DeliveryQueues;
import wales.safeguarding.hub.intake.MessageIntake;
import wales.safeguarding.hub.intake.MessageIntake.HubMade;
import wales.safeguarding.hub.metrics.EscalationMetrics;
import wales.safeguarding.hub.metrics.MessageMetrics;
import wales.safeguarding.hub.tracking.Acceptance;
import wales.safeguarding.hub.tracking.StoredMessage;
import wales.safeguarding.hub.tracking.TrackingRepository;

/**
 * Fires the escalations that are due, a batch of reports at a time. One transaction claims up to {@value #BATCH}
 * reports with due clocks ({@code for update skip locked} on the report, so two hub instances never work on the same
 * report and each takes the next ones the other has not), locks their due clocks, builds every notice in the hub,
 * then writes the batch set-based: the escalation messages with their copies and history, the record that each step
 * fired (a unique key: never twice) and each clock's next rung, every table in one JDBC batch. The messages are
 * queued after the commit, together (the outbox sweeper queues them if the hub stops in between). Clocks of one report
 * that run out together share one escalation naming everything missing. A scan goes on batch after batch until no
 * report is due, so a backlog after an outage is cleared in one scan.
 */
@ApplicationScoped
@Named("escalator")
public class Escalator {

    private static final Logger LOG = Logger.getLogger(Escalator.class);
    /** Reports a transaction claims: their locks are held for about a second at most. */
    static final int BATCH = 500;
    /** Only a guard against a loop that never ends: 5,000,000 reports a scan. */
    private static final int MAX_BATCHES_PER_SCAN = 10_000;

    private final Transactions transactions;
    private final TrackingRepository tracking;
    private final ClockRepository clockStore;
    private final MessageIntake intake;
    private final DeliveryQueues queues;
    private final ClockKeeper keeper;
    private final EscalationMessages messages;
    private final Clock clock;
    private final Duration retryAfter;
    private final EscalationMetrics metrics;
    private final MessageMetrics messageMetrics;
    private final ChallengeStepUp stepUp;

    public Escalator(Transactions transactions, TrackingRepository tracking, ClockRepository clockStore,
            MessageIntake intake, DeliveryQueues queues,
            ClockKeeper keeper, EscalationMessages messages, Clock clock,
            @ConfigProperty(name = "hub.escalation.retry-after") Duration retryAfter, EscalationMetrics metrics,
            MessageMetrics messageMetrics, ChallengeStepUp stepUp) {
        this.stepUp = stepUp;
        this.metrics = metrics;
        this.messageMetrics = messageMetrics;
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
     * Fires every escalation due now, batch after batch until none is left; returns how many escalation messages it
     * made.
     */
    public int fireDue() {
        int total = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_SCAN; batch++) {
            Batch done = transactions.inTransaction(this::fireDueIn);
            // in the order a later copy of the same case is measured against (accepted_at, then message id as PostgreSQL
            // orders uuids), so the delivery lanes rarely find one ahead of its elder
            queues.publishAll(done.made().stream().sorted(Comparator.comparing(a -> a.messageId().toString())).toList());
            // counted once committed: a batch rolled back fired nothing
            done.steps().forEach(metrics::fired);
            done.made().forEach(a -> messageMetrics.accepted(a.type(), MessageMetrics.FROM_HUB));
            for (int i = 0; i < done.failures(); i++) {
                metrics.failed();
            }
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

    /**
     * One transaction's work: the messages made, how many reports it claimed, the step of each notice written and how
     * many groups of clocks failed to escalate.
     */
    private record Batch(List<Acceptance> made, int reportsTaken, List<String> steps, int failures) {
    }

    /** The notices a group of clocks sends from its current rung, built and checked, and the rung it goes to next. */
    private record Climb(List<ClockRecord> group, int nextRung, Instant nextAt, List<Notice> notices) {
    }

    private record Notice(EscalationStep step, HubMade message) {
    }

    private Batch fireDueIn(Connection c) throws SQLException {
        Instant now = clock.instant();
        List<UUID> reports = clockStore.claimReportsWithDueClocks(c, now, BATCH);
        if (reports.isEmpty()) {
            return new Batch(List.of(), 0, List.of(), 0);
        }
        Map<UUID, StoredMessage> startedBy = tracking.findMessages(c, reports);
        Map<String, List<ClockRecord>> groups = new LinkedHashMap<>();
        for (ClockRecord due : clockStore.lockDueClocksOf(c, reports, now)) {
            // Clocks of one starting message, owed by one agency, on the same rung of the same ladder share
            // their notices (a council that owes both the acknowledgement and the outcome gets one reminder).
            String ladder = keeper.definition(due.clock()).ladder().toString();
            groups.computeIfAbsent(due.messageId() + "|" + due.owedBy() + "|" + due.escalationStep() + "|" + ladder,
                    k -> new ArrayList<>()).add(due);
        }
        List<Climb> climbs = new ArrayList<>();
        int failures = 0;
        for (List<ClockRecord> group : groups.values()) {
            try {
                // a professional challenge's notices go to the board of the council that holds its case
                String council = ChallengeStepUp.isStageClock(group.get(0).clock())
                        ? stepUp.councilOf(c, group.get(0)).orElse(null) : null;
                climbs.add(climb(group, startedBy.get(group.get(0).messageId()), council, now));
            } catch (RuntimeException e) {
                failed(c, group, e, now);
                failures++;
            }
        }
        Savepoint beforeWrites = c.setSavepoint();
        try {
            return new Batch(write(c, climbs, now), reports.size(), steps(climbs), failures);
        } catch (SQLException | RuntimeException e) {
            // One report's escalation must not hold up the others: write them one group at a time, so that only the
            // one at fault is undone and tried again later.
            c.rollback(beforeWrites);
        }
        List<Acceptance> made = new ArrayList<>();
        List<Climb> written = new ArrayList<>();
        for (Climb one : climbs) {
            Savepoint beforeGroup = c.setSavepoint();
            try {
                made.addAll(write(c, List.of(one), now));
                written.add(one);
            } catch (SQLException | RuntimeException e) {
                c.rollback(beforeGroup);
                failed(c, one.group(), e, now);
                failures++;
            }
        }
        return new Batch(made, reports.size(), steps(written), failures);
    }

    /** The step of every notice the climbs send. */
    private static List<String> steps(List<Climb> climbs) {
        return climbs.stream().flatMap(one -> one.notices().stream()).map(n -> n.step().wireName()).toList();
    }

    /** Builds the notices of the clocks' current rung (nothing is written yet) and works out their next rung. */
    private Climb climb(List<ClockRecord> group, StoredMessage report, String council, Instant now) {
        ClockRecord first = group.get(0);
        if (report == null) {
            throw new NoSuchElementException("the report that started clock " + first.id() + " is not stored");
        }
        Ladder ladder = keeper.definition(first.clock()).ladder();
        int rung = first.escalationStep();
        List<Notice> notices = new ArrayList<>();
        Optional<Ladder.Level> level = ladder.level(rung);
        if (level.isPresent()) {
            for (EscalationStep step : level.get().steps()) {
                var envelope = messages.build(step, report, group, council, level.get().afterWorkingDays(),
                        now.atOffset(ZoneOffset.UTC));
                notices.add(new Notice(step, intake.checkFromHub(envelope)));
            }
        }
        Instant next = ladder.level(rung + 1).map(l -> keeper.rungAt(first.dueAt(), l)).orElse(null);
        return new Climb(group, rung + 1, next, notices);
    }

    /**
     * Writes climbs set-based: their messages (with copies and history), the record of each step fired and an audit
     * row per clock, and each clock's next rung. Throws, writing nothing it can keep, if a step had already fired.
     */
    private List<Acceptance> write(Connection c, List<Climb> climbs, Instant now) throws SQLException {
        List<HubMade> all = new ArrayList<>();
        climbs.forEach(one -> one.notices().forEach(n -> all.add(n.message())));
        List<Acceptance> stored = intake.storeAllFromHub(c, all);
        List<ClockRepository.Fired> fired = new ArrayList<>();
        List<TrackingRepository.AuditEntry> audits = new ArrayList<>();
        List<ClockRepository.Advance> advances = new ArrayList<>();
        int i = 0;
        for (Climb one : climbs) {
            for (Notice notice : one.notices()) {
                UUID messageId = stored.get(i++).messageId();
                for (ClockRecord k : one.group()) {
                    fired.add(new ClockRepository.Fired(k.id(), notice.step().wireName(), k.dueAt(), messageId));
                    audits.add(new TrackingRepository.AuditEntry(k.messageId(), k.owedBy(), "escalation", null, null,
                            notice.step().wireName() + " for " + k.clock() + " (due " + k.dueAt() + "): message "
                                    + messageId, "hub", now));
                }
            }
            for (ClockRecord k : one.group()) {
                advances.add(new ClockRepository.Advance(k.id(), one.nextRung(), one.nextAt()));
            }
        }
        List<ClockRepository.Fired> already = clockStore.recordEscalations(c, fired, now);
        if (!already.isEmpty()) {
            ClockRepository.Fired f = already.get(0);
            throw new IllegalStateException("escalation " + f.step() + " of clock " + f.clockId()
                    + " had already fired; not firing it again");
        }
        tracking.auditBatch(c, audits);
        clockStore.advanceEscalations(c, advances);
        // a professional challenge stepped up stands at the next stage, with that stage's clock running
        int n = 0;
        for (Climb one : climbs) {
            for (Notice notice : one.notices()) {
                UUID messageId = stored.get(n++).messageId();
                if (notice.step() == EscalationStep.STEP_UP) {
                    for (ClockRecord k : one.group()) {
                        stepUp.steppedUp(c, k, messageId, now);
                    }
                }
            }
        }
        return stored;
    }

    /** A group that could not be escalated: tried again later, and said so loudly. */
    private void failed(Connection c, List<ClockRecord> group, Exception e, Instant now) throws SQLException {
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
