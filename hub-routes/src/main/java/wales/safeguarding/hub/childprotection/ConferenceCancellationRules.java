package wales.safeguarding.hub.childprotection;

import static wales.safeguarding.hub.childprotection.MessageParts.body;
import static wales.safeguarding.hub.childprotection.MessageParts.children;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.rules.CaseFacts;
import wales.safeguarding.hub.rules.CaseRecord;
import wales.safeguarding.hub.rules.ConferenceRecord;
import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.rules.FlowRules;
import wales.safeguarding.hub.rules.Routing;
import wales.safeguarding.hub.tracking.ComplianceNote;
import wales.safeguarding.schemas.childprotection.ConferenceCancellation;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.MessageType;
import wales.safeguarding.schemas.validation.Violation;

/**
 * A conference cancelled (Wales Safeguarding Procedures; issue 10 defect 2). Moving a conference is not a
 * cancellation: it is a new invitation with the same conference id ({@link ConferenceRules}).
 * <ul>
 * <li>The cancellation goes to every invitee of the conference, and whoever the council names; a conference no
 * invitation went through the hub for is refused ({@code known-conference}), since its invitees are not known.</li>
 * <li>The conference's own clocks stop: its outline plan, minutes and written reports are no longer owed.</li>
 * <li>Not still needed, for an initial conference: a decision that no conference is needed, so the case's initial
 * conference clock stops too, met by this decision.</li>
 * <li>Not still needed, for a review conference: refused ({@code review-ends-by-register-change}). A review that is no
 * longer needed means the child comes off the register, which needs the child's eligible needs and a contingency plan
 * (recommendation 1.2): that is a register change, or the outline plan of a conference.</li>
 * <li>Still needed: the initial conference or review clock runs on (escalating from where it stood), and a new
 * invitation must follow.</li>
 * </ul>
 */
@ApplicationScoped
public class ConferenceCancellationRules implements FlowRules {

    private final CaseParties parties;

    public ConferenceCancellationRules(CaseParties parties) {
        this.parties = parties;
    }

    @Override
    public Set<MessageType> types() {
        return Set.of(MessageType.CONFERENCE_CANCELLATION);
    }

    @Override
    public Routing route(Envelope message, CaseFacts facts) {
        Optional<CaseRecord> known = facts.caseOf(message.caseReference());
        var refusal = parties.councilSends(message, known);
        if (refusal.isPresent()) {
            return Routing.refused(refusal.get());
        }
        ConferenceCancellation body = body(message, ConferenceCancellation.class);
        String conference = body.conferenceId();
        Set<String> invitees = new LinkedHashSet<>(facts.invitees(message.caseReference(), conference));
        if (invitees.isEmpty()) {
            return Routing.refused(new Violation("/body/conferenceId", "known-conference",
                    "no invitation to conference " + conference + " in case " + message.caseReference()
                            + " went through the hub, so its invitees are not known"));
        }
        Optional<ConferenceRecord> booked = facts.conference(message.caseReference(), conference);
        if (booked.isPresent() && !booked.get().kind().equals(body.kind())) {
            return Routing.refused(new Violation("/body/kind", "kind-of-conference",
                    "conference " + conference + " was called as a " + booked.get().kind() + " conference"));
        }
        if (ConferenceRecord.REVIEW.equals(body.kind()) && !body.stillNeeded()) {
            return Routing.refused(new Violation("/body/stillNeeded", "review-ends-by-register-change",
                    "a review conference that is no longer needed means the child comes off the register, which needs "
                            + "the child's eligible care and support needs and a contingency plan (recommendation 1.2): "
                            + "send a register-change, or the outline plan of a conference, instead"));
        }
        invitees.remove(message.sender());
        List<ComplianceNote> notes = new ArrayList<>();
        notes.add(body.stillNeeded() ? ComplianceNotes.conferenceStillNeeded(conference)
                : ComplianceNotes.conferenceNotNeeded(conference));
        return new Routing(new ArrayList<>(invitees), List.of(), notes);
    }

    @Override
    public List<Effect> accepted(Envelope message, Instant at, CaseFacts facts) {
        ConferenceCancellation body = body(message, ConferenceCancellation.class);
        String caseRef = message.caseReference();
        String conference = body.conferenceId();
        List<Effect> effects = new ArrayList<>(parties.rememberChildren(message, children(body.children()), facts));
        // The conference will not take place as booked: nothing more is owed for it.
        for (String clock : List.of(ConferenceRules.OUTLINE_PLAN, ConferenceRules.CONFERENCE_MINUTES,
                ConferenceRules.WRITTEN_REPORT)) {
            effects.add(new Effect.StopClocks(clock, caseRef, conference, null));
        }
        boolean initial = ConferenceRecord.INITIAL.equals(body.kind());
        if (!body.stillNeeded()) {
            // a decision that no conference is needed (a review never gets here: see route)
            effects.add(new Effect.StopClocks(ConferenceRules.INITIAL_CONFERENCE, caseRef, null, null));
            return effects;
        }
        List<String> children = facts.conference(caseRef, conference).map(ConferenceRecord::children)
                .orElseGet(() -> parties.keysOf(children(body.children()), facts.caseOf(caseRef)));
        effects.addAll(ConferenceDeadlines.unbooked(caseRef, initial, children));
        return effects;
    }
}
