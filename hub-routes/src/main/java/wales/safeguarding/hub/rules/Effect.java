package wales.safeguarding.hub.rules;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import wales.safeguarding.hub.tracking.ComplianceNote;
import wales.safeguarding.hub.tracking.DeliveryState;
import wales.safeguarding.schemas.envelope.Envelope;

/**
 * One change an accepted message makes, decided by a flow's rules and applied by the intake in the transaction that
 * stores the message. "This message" below is the accepted one: it starts the clocks an effect starts and meets the
 * clocks an effect stops, at its acceptance time.
 */
public sealed interface Effect {

    /** Starts a clock running from {@code anchor} for its configured period (hub.clocks.&lt;clock&gt;). */
    record StartClock(String clock, String caseReference, String subject, String owedBy, String waiting,
            Instant anchor) implements Effect {
    }

    /** Starts a clock that runs to a set deadline (a written report due before a conference). */
    record StartClockUntil(String clock, String caseReference, String subject, String owedBy, String waiting,
            Instant startedAt, Instant dueAt) implements Effect {
    }

    /**
     * This message meets a case's running clocks of this name ({@code subject}, {@code owedBy} narrow it), at
     * {@code metAt} when it shows they were met earlier (a conference held on the day its outline plan records; never
     * later than the message), else at its acceptance.
     */
    record StopClocks(String clock, String caseReference, String subject, String owedBy, Instant metAt)
            implements Effect {

        public StopClocks(String clock, String caseReference, String subject, String owedBy) {
            this(clock, caseReference, subject, owedBy, null);
        }
    }

    /**
     * A case's running clocks of this name send no escalation before {@code until} (a conference booked in time:
     * whether it met the clock is known when its outline plan arrives, so the ladder waits for the outline plan's
     * deadline); their deadline stays. {@code until} null: their ladder resumes where it stood.
     */
    record HoldEscalations(String clock, String caseReference, String subject, Instant until) implements Effect {
    }

    /** This message meets the clock of this name that message {@code startedBy} started for {@code owedBy}. */
    record MeetClock(UUID startedBy, String clock, String owedBy) implements Effect {
    }

    /** A case's running clocks of this name run from a new anchor (a meeting moved); an unchanged deadline stays. */
    record MoveClocks(String clock, String caseReference, String subject, Instant anchor) implements Effect {
    }

    /** A case's running deadline clocks of this name move to a new deadline. */
    record MoveClocksUntil(String clock, String caseReference, String subject, Instant startedAt, Instant dueAt)
            implements Effect {
    }

    /** The case record learns the council that holds the case (the first message of a case creates it). */
    record RememberCase(String caseReference, String council) implements Effect {
    }

    /**
     * The case record learns a child and their agencies: a value replaces the one known, a null never does; a school
     * set by a transfer holds until the next transfer. {@code childKey}: {@link ChildKey}. {@code otherProvision}: the
     * child's other education providers as the message gave them (replacing the list known), null when it did not.
     */
    record RememberChild(String caseReference, String childKey, String gpPractice, String school, String policeForce,
            List<String> otherProvision) implements Effect {

        /** A message that says nothing of the child's other education providers. */
        public RememberChild(String caseReference, String childKey, String gpPractice, String school,
                String policeForce) {
            this(caseReference, childKey, gpPractice, school, policeForce, null);
        }
    }

    /** A school-transfer moved the child: the child's school is the new school from now on. */
    record MoveSchool(String caseReference, String childKey, String newSchool) implements Effect {
    }

    /** The school's place in the core group moves with the child (if the old school was a member). */
    record MoveCoreGroupSchool(String caseReference, String oldSchool, String newSchool) implements Effect {
    }

    /**
     * The child is on the register, or no longer, from the day {@code on} (the register change's
     * {@code effectiveOn}, the conference's day; null: the day the message was accepted). The register's history
     * ({@code register_history}, V36) records each period on the register from these.
     */
    record SetRegistered(String caseReference, String childKey, boolean registered, java.time.LocalDate on)
            implements Effect {

        /** From the day the message was accepted. */
        public SetRegistered(String caseReference, String childKey, boolean registered) {
            this(caseReference, childKey, registered, null);
        }
    }

    /** Agencies join the invitees of a conference or the core group of a case. */
    record AddMembers(String caseReference, String membership, String conferenceId, List<String> agencies)
            implements Effect {

        /** The invitees of a conference ({@code conferenceId}). */
        public static final String INVITEE = "invitee";
        /** The core group of a case (no conference). */
        public static final String CORE_GROUP = "core-group";
        /** The parties of a strategy discussion ({@code conferenceId}: the strategy meeting's id). */
        public static final String STRATEGY_DISCUSSION = "strategy-discussion";
        /**
         * The agencies asked for what they know for a strategy discussion, not its parties ({@code conferenceId}: the
         * strategy meeting's id).
         */
        public static final String STRATEGY_CONTRIBUTOR = "strategy-contributor";
        /** The parties of an interim safety plan ({@code conferenceId}: the plan's id). */
        public static final String SAFETY_PLAN = "safety-plan";

        public AddMembers {
            agencies = List.copyOf(agencies);
        }
    }

    /** The case record learns a conference as this invitation books it (kind, start, the children it is about). */
    record RememberConference(String caseReference, ConferenceRecord conference) implements Effect {
    }

    /** This message is (a version of) the minutes of a conference; {@code isFinal}: the final minutes. */
    record RecordMinutes(String caseReference, String conferenceId, boolean isFinal) implements Effect {
    }

    /**
     * Who came to a conference of {@code kind} (initial or review), as its outline plan records it: each agency
     * invited, and whether it is in the plan's {@code attended} list. A plan sent again replaces what the earlier said.
     */
    record RecordAttendance(String caseReference, String council, String conferenceId, String kind,
            Map<String, Boolean> attendedByAgency) implements Effect {

        public RecordAttendance {
            attendedByAgency = Map.copyOf(attendedByAgency);
        }
    }

    /**
     * Who came to a child's core group meeting, as the plan update recording it ({@code coreGroupMetOn}) gives it:
     * each agency listed with its status ({@code attended}, {@code apologies-and-report}, {@code absent}) and the
     * family's ({@code attended} or {@code absent}; null when not recorded). An update sent again for the same meeting
     * replaces what the earlier said.
     */
    record RecordCoreGroupAttendance(String caseReference, String council, String childKey, String planId,
            java.time.LocalDate metOn, Map<String, String> statusByAgency, String family) implements Effect {

        public RecordCoreGroupAttendance {
            statusByAgency = Map.copyOf(statusByAgency);
        }
    }

    /**
     * Who came to a conference as its minutes record it (the full, agreed record): each invitee's status
     * ({@code attended}, {@code apologies-and-report}, {@code absent}; an invitee the minutes leave out is absent) and
     * the family's ({@code attended} or {@code absent}; null when not recorded). It is the conference's attendance of
     * record: it replaces what the outline plan (or earlier minutes) said, and a later outline plan leaves it alone.
     */
    record RecordMinutesAttendance(String caseReference, String council, String conferenceId, String kind,
            Map<String, String> statusByAgency, String family) implements Effect {

        public RecordMinutesAttendance {
            statusByAgency = Map.copyOf(statusByAgency);
        }
    }

    /**
     * Who came to a strategy meeting held on {@code heldOn}, as its {@code strategy-meeting-record} gives it: each
     * invitee listed with its status. A record sent again for the same meeting replaces what the earlier said.
     */
    record RecordStrategyAttendance(String caseReference, String council, String meetingId,
            java.time.LocalDate heldOn, Map<String, String> statusByAgency) implements Effect {

        public RecordStrategyAttendance {
            statusByAgency = Map.copyOf(statusByAgency);
        }
    }

    /**
     * What an invitation ({@link #INVITATION}) or an outline plan ({@link #OUTLINE_PLAN}) records of how each of its
     * children takes part in the conference, child by child in the message's order, for the boards' report: counts
     * only, no name or identifier. A message sent again for the same conference replaces what the earlier one said.
     */
    record RecordChildrensVoice(String caseReference, String council, String conferenceId, String stage,
            List<ChildVoice> children) implements Effect {

        public static final String INVITATION = "invitation";
        public static final String OUTLINE_PLAN = "outline-plan";

        public RecordChildrensVoice {
            children = List.copyOf(children);
        }
    }

    /**
     * One child's part in a conference as a message records it: {@code recorded} false when it says nothing of them;
     * {@code invited} (invitations), {@code advocacy} (an advocate offered, or had), {@code tookPart} (outline plans)
     * and {@code whyNot} (why not invited, or why they did not take part).
     */
    record ChildVoice(boolean recorded, Boolean invited, boolean advocacy, String tookPart, String whyNot) {

        public static final ChildVoice NOT_RECORDED = new ChildVoice(false, null, false, null, null);
    }

    /** An earlier message's delivery to {@code recipient} moves on (acknowledged, outcome given), by this sender. */
    record Transition(UUID messageId, String recipient, DeliveryState state, String detail) implements Effect {
    }

    /** An event in an earlier message's history, recorded by this message's sender. */
    record Audit(UUID messageId, String recipient, String event, String detail) implements Effect {
    }

    /** A compliance note in this message's history, recorded by the hub. */
    record Note(ComplianceNote note) implements Effect {
    }

    /**
     * A message the hub makes from this one (a register change for each child whose registration an outline plan
     * changes), addressed to its {@code recipients}: stored as a tracked message in the same transaction and queued
     * after the commit, with its own compliance notes. {@code source} is where in this message the made message's
     * child comes from (a JSON pointer, e.g. {@code /body/children/1/child}): a recipient's system that could not be
     * sent the made message refuses this one, at that place.
     */
    record Derived(Envelope message, List<ComplianceNote> notes, String source) implements Effect {

        private static final String CHILD = "/body/child";

        public Derived {
            notes = List.copyOf(notes);
        }

        /** Where a fault at {@code pointer} of the made message is in this message. */
        public String pointerInSource(String pointer) {
            boolean inChild = pointer != null && (pointer.equals(CHILD) || pointer.startsWith(CHILD + "/"));
            return inChild && source.endsWith("/child") ? source + pointer.substring(CHILD.length()) : source;
        }
    }

    /**
     * A professional challenge raised (recommendation 5.2): {@code challenger} challenges a decision of
     * {@code challenged} in a case held by {@code council} (null when the hub does not know the case), at the
     * practitioner stage.
     */
    record RaiseChallenge(String caseReference, String challengeId, String council, String challenger,
            String challenged, String decisionKind) implements Effect {
    }

    /**
     * A professional challenge goes from stage {@code from} to {@code stage} (stepped up by a party). Applied only if
     * it still stands open at {@code from}: a concurrent step-up (a party's or the sweep's) or resolution moved it on,
     * and the message is refused with nothing stored.
     */
    record ChallengeStage(String caseReference, String challengeId, String from, String stage) implements Effect {
    }

    /**
     * A professional challenge is resolved ({@code resolution}: agreed or resolved) at stage {@code at}, the one it
     * stands at; refused as {@link ChallengeStage} is when it has moved on.
     */
    record ResolveChallenge(String caseReference, String challengeId, String at, String resolution) implements Effect {
    }

    /**
     * A case-transfer: the case is held by {@code council} from now on (it sends the case's messages; the sending
     * council's are refused as case-of-sender).
     */
    record TransferCase(String caseReference, String council) implements Effect {
    }

    /**
     * The child the case knows as {@code from} is known as {@code to} from now on (the receiving council's own
     * reference, given in a case-transfer), wherever the case stores the key.
     */
    record RenameChild(String caseReference, String from, String to) implements Effect {
    }

    /**
     * The running clocks of a case with these names, owed by {@code from}, are owed by {@code to} from now on; their
     * deadlines and ladders stay (and a clock that waited for {@code from} now waits for {@code to}).
     */
    record HandOverClocks(String caseReference, List<String> clocks, String from, String to) implements Effect {

        public HandOverClocks {
            clocks = List.copyOf(clocks);
        }
    }
}
