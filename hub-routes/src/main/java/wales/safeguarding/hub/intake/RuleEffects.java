package wales.safeguarding.hub.intake;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.calendar.WorkingDayCalendar;
import wales.safeguarding.hub.cases.AttendanceBook;
import wales.safeguarding.hub.cases.CaseBook;
import wales.safeguarding.hub.cases.ChildRenames;
import wales.safeguarding.hub.challenge.ChallengeBook;
import wales.safeguarding.hub.challenge.ChallengeRules;
import wales.safeguarding.hub.clocks.ClockKeeper;
import wales.safeguarding.hub.clocks.ClockRepository;
import wales.safeguarding.hub.cases.RegisterIndex;
import wales.safeguarding.hub.problems.ProblemException;
import wales.safeguarding.hub.rules.CaseFacts;
import wales.safeguarding.hub.rules.CaseRecord;
import wales.safeguarding.hub.rules.ChildFingerprints;
import wales.safeguarding.hub.rules.ChildKey;
import wales.safeguarding.hub.rules.ChildRecord;
import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.tracking.TrackingRepository;
import wales.safeguarding.schemas.envelope.Envelope;

/**
 * Applies what the rules decided, in the intake's transaction: the stored message starts and meets clocks, the case
 * record learns, earlier messages' histories move on. The rules read their facts through {@link #facts}.
 */
@ApplicationScoped
public class RuleEffects {

    private final CaseBook cases;
    private final ClockKeeper clocks;
    private final ClockRepository clockStore;
    private final TrackingRepository tracking;
    private final ChildFingerprints fingerprints;
    private final ChallengeBook challenges;
    private final AttendanceBook attendance;
    private final RegisterIndex register;
    private final ChildRenames renames;

    public RuleEffects(CaseBook cases, ClockKeeper clocks, ClockRepository clockStore, TrackingRepository tracking,
            ChildFingerprints fingerprints, ChallengeBook challenges, AttendanceBook attendance, RegisterIndex register,
            ChildRenames renames) {
        this.renames = renames;
        this.challenges = challenges;
        this.attendance = attendance;
        this.register = register;
        this.cases = cases;
        this.clocks = clocks;
        this.clockStore = clockStore;
        this.tracking = tracking;
        this.fingerprints = fingerprints;
    }

    /**
     * The lazy rekey: each child {@code message} names (without the council's reference) whom its case recorded under
     * an older form of the fingerprint (the unkeyed one from before, or a previous key's) is now stored under the
     * current one ({@link ChildKey#rekeys}, {@link ChildRenames#rekey}). After the effects, in their transaction: the
     * rules matched the child under the form the case recorded, and their effects were written under it. The case is
     * the one the rules read ({@code facts}), so a message about a case with no older key costs no query.
     *
     * @return how many children were rekeyed
     */
    public int rekeyChildren(Connection c, Envelope message, CaseFacts facts) throws SQLException {
        if (message.caseReference() == null || message.body() == null) {
            return 0;
        }
        Optional<CaseRecord> known = facts.caseOf(message.caseReference());
        if (known.isEmpty() || known.get().children().stream().noneMatch(k -> fingerprints.isStale(k.key()))) {
            return 0;
        }
        Set<String> recorded = known.get().children().stream().map(ChildRecord::key).collect(Collectors.toSet());
        int rekeyed = 0;
        for (Map.Entry<String, String> rekey : ChildKey.rekeys(ChildKey.named(message.body()), recorded, fingerprints)
                .entrySet()) {
            if (renames.rekey(c, message.caseReference(), rekey.getKey(), rekey.getValue())) {
                rekeyed++;
            }
        }
        return rekeyed;
    }

    /** The facts the rules read, in this transaction. */
    public CaseFacts facts(Connection c) {
        return new RecordedFacts(c, cases, tracking, clockStore, challenges, attendance);
    }

    /**
     * Applies the effects of {@code message}, accepted at {@code at}, in order; returns the messages the hub makes
     * from it ({@link Effect.Derived}), for the intake to store in this transaction.
     */
    public List<Effect.Derived> apply(Connection c, Envelope message, Instant at, List<Effect> effects)
            throws SQLException {
        List<Effect.Derived> derived = new ArrayList<>();
        for (Effect effect : effects) {
            if (effect instanceof Effect.Derived d) {
                derived.add(d);
            } else {
                apply(c, message, at, effect);
            }
        }
        return derived;
    }

    private void apply(Connection c, Envelope message, Instant at, Effect effect) throws SQLException {
        if (effect instanceof Effect.StartClock s) {
            clocks.start(c, s.clock(), message.messageId(), s.caseReference(), s.subject(), s.owedBy(), s.waiting(),
                    s.anchor());
        } else if (effect instanceof Effect.StartClockUntil s) {
            clocks.startUntil(c, s.clock(), message.messageId(), s.caseReference(), s.subject(), s.owedBy(),
                    s.waiting(), s.startedAt(), s.dueAt());
        } else if (effect instanceof Effect.StopClocks s) {
            clocks.stop(c, s.clock(), s.caseReference(), s.subject(), s.owedBy(), message.messageId(),
                    s.metAt() == null || s.metAt().isAfter(at) ? at : s.metAt());
        } else if (effect instanceof Effect.HoldEscalations h) {
            clocks.hold(c, h.clock(), h.caseReference(), h.subject(), h.until());
        } else if (effect instanceof Effect.RememberConference r) {
            cases.rememberConference(c, r.caseReference(), r.conference(), at);
        } else if (effect instanceof Effect.MeetClock m) {
            clockStore.meetClock(c, m.startedBy(), m.clock(), m.owedBy(), message.messageId(), at);
        } else if (effect instanceof Effect.MoveClocks m) {
            clocks.move(c, m.clock(), m.caseReference(), m.subject(), m.anchor());
        } else if (effect instanceof Effect.MoveClocksUntil m) {
            clocks.moveUntil(c, m.clock(), m.caseReference(), m.subject(), m.startedAt(), m.dueAt());
        } else if (effect instanceof Effect.RememberCase r) {
            cases.remember(c, r.caseReference(), r.council(), at);
        } else if (effect instanceof Effect.RememberChild r) {
            cases.rememberChild(c, r.caseReference(), r.childKey(), r.gpPractice(), r.school(), r.policeForce(),
                    r.otherProvision(), at);
        } else if (effect instanceof Effect.MoveSchool m) {
            cases.moveSchool(c, m.caseReference(), m.childKey(), m.newSchool(), at);
        } else if (effect instanceof Effect.MoveCoreGroupSchool m) {
            cases.moveCoreGroupSchool(c, m.caseReference(), m.oldSchool(), m.newSchool());
        } else if (effect instanceof Effect.SetRegistered r) {
            cases.setRegistered(c, r.caseReference(), r.childKey(), r.registered(),
                    r.on() != null ? r.on() : LocalDate.ofInstant(at, WorkingDayCalendar.LONDON),
                    at);
            register.record(c, message, r, at);
        } else if (effect instanceof Effect.AddMembers a) {
            cases.addMembers(c, a.caseReference(), a.membership(), a.conferenceId(), a.agencies());
        } else if (effect instanceof Effect.RecordAttendance a) {
            attendance.recordAttendance(c, a, at);
        } else if (effect instanceof Effect.RecordCoreGroupAttendance a) {
            attendance.recordCoreGroupAttendance(c, a, at);
        } else if (effect instanceof Effect.RecordMinutesAttendance a) {
            attendance.recordMinutesAttendance(c, a, at);
        } else if (effect instanceof Effect.RecordStrategyAttendance a) {
            attendance.recordStrategyAttendance(c, a, at);
        } else if (effect instanceof Effect.RecordChildrensVoice v) {
            cases.recordChildrensVoice(c, v, at);
        } else if (effect instanceof Effect.RecordMinutes m) {
            cases.recordMinutes(c, m.caseReference(), m.conferenceId(), message.messageId(), m.isFinal(), at);
        } else if (effect instanceof Effect.Transition t) {
            tracking.transition(c, t.messageId(), t.recipient(), t.state(), t.detail(), message.sender(), at);
        } else if (effect instanceof Effect.Audit a) {
            tracking.audit(c, a.messageId(), a.recipient(), a.event(), null, null, a.detail(), message.sender(), at);
        } else if (effect instanceof Effect.RaiseChallenge r) {
            challenges.raise(c, r, message.messageId(), at);
        } else if (effect instanceof Effect.ChallengeStage s) {
            if (!challenges.stage(c, s.caseReference(), s.challengeId(), s.from(), s.stage(), at)) {
                throw ProblemException.unroutable(List.of(ChallengeRules.stageMoved(s.challengeId(), s.from())));
            }
        } else if (effect instanceof Effect.ResolveChallenge r) {
            if (!challenges.resolve(c, r.caseReference(), r.challengeId(), r.at(), r.resolution(), message.messageId(),
                    at)) {
                throw ProblemException.unroutable(List.of(ChallengeRules.stageMoved(r.challengeId(), r.at())));
            }
        } else if (effect instanceof Effect.TransferCase t) {
            cases.transfer(c, t.caseReference(), t.council(), at);
        } else if (effect instanceof Effect.RenameChild r) {
            if (!renames.rename(c, r.caseReference(), r.from(), r.to())) {
                // the rules checked it against the facts they read: a concurrent message named the child first
                throw new IllegalStateException("case " + r.caseReference() + " cannot rename a child: it has none "
                        + "under the old key or one under the new");
            }
        } else if (effect instanceof Effect.HandOverClocks h) {
            clockStore.handOver(c, h.caseReference(), h.clocks(), h.from(), h.to());
        } else if (effect instanceof Effect.Note n) {
            tracking.audit(c, message.messageId(), null, "compliance-note", null, null, n.note().detail(), "hub", at);
        } else {
            throw new IllegalStateException("no way to apply " + effect.getClass().getSimpleName());
        }
    }
}
