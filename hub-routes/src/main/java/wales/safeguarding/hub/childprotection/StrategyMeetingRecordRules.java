package wales.safeguarding.hub.childprotection;

import static wales.safeguarding.hub.childprotection.MessageParts.body;
import static wales.safeguarding.hub.childprotection.MessageParts.named;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.calendar.WorkingDayCalendar;
import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.AgencyKind;
import wales.safeguarding.hub.rules.CaseFacts;
import wales.safeguarding.hub.rules.CaseRecord;
import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.rules.FlowRules;
import wales.safeguarding.hub.rules.Routing;
import wales.safeguarding.schemas.childprotection.StrategyMeetingRecord;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.MessageType;
import wales.safeguarding.schemas.validation.Violation;

/**
 * The record of a strategy meeting held ({@code strategy-meeting-record}; issue 15 item 1, recommendation 2.2):
 * <ul>
 * <li>sent by the council that holds the case, or by a police force that was a party of the meeting (a strategy
 * discussion is held by children's services and the police); anyone else is refused
 * ({@code council-or-police-of-meeting}), and a council other than the case's as for every council message
 * ({@code case-of-sender});</li>
 * <li>about a strategy meeting whose invitation went through the hub ({@code known-strategy-meeting});</li>
 * <li>it reaches every invitee of the meeting (the invitation's recipients, those the hub added included), the
 * council, and whoever the sender names, each under need-to-know;</li>
 * <li>its attendance is checked and recorded by {@link StrategyMeetingAttendance}.</li>
 * </ul>
 */
@ApplicationScoped
public class StrategyMeetingRecordRules implements FlowRules {

    private final CaseParties parties;
    private final Clock clock;

    public StrategyMeetingRecordRules(CaseParties parties, Clock clock) {
        this.parties = parties;
        this.clock = clock;
    }

    @Override
    public Set<MessageType> types() {
        return Set.of(MessageType.STRATEGY_MEETING_RECORD);
    }

    @Override
    public Routing route(Envelope message, CaseFacts facts) {
        StrategyMeetingRecord body = body(message, StrategyMeetingRecord.class);
        String caseRef = message.caseReference();
        Optional<CaseRecord> known = facts.caseOf(caseRef);
        Set<String> invitees = invitees(facts, caseRef, body.meetingId());
        if (invitees.isEmpty() || known.isEmpty()) {
            return Routing.refused(new Violation("/body/meetingId", "known-strategy-meeting", "no invitation to "
                    + "strategy meeting " + body.meetingId() + " in case " + caseRef + " went through the hub"));
        }
        Optional<Violation> sender = sender(message, known, facts.strategyDiscussion(caseRef, body.meetingId()));
        if (sender.isPresent()) {
            return Routing.refused(sender.get());
        }
        String council = known.get().council();
        List<Violation> violations = StrategyMeetingAttendance.check(body, invitees, council,
                LocalDate.now(clock.withZone(WorkingDayCalendar.LONDON)));
        if (!violations.isEmpty()) {
            return new Routing(List.of(), violations, List.of());
        }
        Set<String> to = new LinkedHashSet<>(named(message));
        to.addAll(invitees);
        to.add(council);
        to.remove(message.sender());
        return new Routing(new ArrayList<>(to), List.of(), List.of());
    }

    @Override
    public List<Effect> accepted(Envelope message, Instant at, CaseFacts facts) {
        StrategyMeetingRecord body = body(message, StrategyMeetingRecord.class);
        String council = facts.caseOf(message.caseReference()).map(CaseRecord::council).orElse(message.sender());
        return List.of(StrategyMeetingAttendance.record(message.caseReference(), council, body));
    }

    /** The meeting's invitees: the parties of the discussion and the agencies the hub asked to contribute. */
    private static Set<String> invitees(CaseFacts facts, String caseRef, String meetingId) {
        Set<String> invitees = new LinkedHashSet<>(facts.strategyDiscussion(caseRef, meetingId));
        invitees.addAll(facts.strategyContributors(caseRef, meetingId));
        return invitees;
    }

    /** The council of the case, or a police force that was a party of the meeting. */
    private Optional<Violation> sender(Envelope message, Optional<CaseRecord> known, Set<String> discussion) {
        Optional<AgencyKind> kind = parties.directory().find(message.sender()).map(Agency::kind);
        if (kind.filter(k -> k == AgencyKind.COUNCIL).isPresent()) {
            return parties.councilSends(message, known);
        }
        if (kind.filter(k -> k == AgencyKind.POLICE).isPresent() && discussion.contains(message.sender())) {
            return Optional.empty();
        }
        return Optional.of(new Violation("/sender", "council-or-police-of-meeting", "a strategy-meeting-record is "
                + "sent by the council that holds the case or a police force that took part in the meeting"));
    }
}
