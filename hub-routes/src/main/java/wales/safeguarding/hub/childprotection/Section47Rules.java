package wales.safeguarding.hub.childprotection;

import static wales.safeguarding.hub.childprotection.MessageParts.agencies;
import static wales.safeguarding.hub.childprotection.MessageParts.body;
import static wales.safeguarding.hub.childprotection.MessageParts.children;
import static wales.safeguarding.hub.childprotection.MessageParts.named;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.dutytoreport.DutyToReportRules;
import wales.safeguarding.hub.rules.CaseFacts;
import wales.safeguarding.hub.rules.CaseRecord;
import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.rules.FlowRules;
import wales.safeguarding.hub.rules.Routing;
import wales.safeguarding.hub.tracking.ComplianceNote;
import wales.safeguarding.schemas.childprotection.ChildRef;
import wales.safeguarding.schemas.childprotection.Section47Determination;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.MessageType;

/**
 * The end of a section 47 enquiry (Wales Safeguarding Procedures; issue 10 defect 2). The enquiry ends in one of
 * three outcomes; only "substantiated, convene a conference" calls for an initial child protection conference.
 * <ul>
 * <li>The determination goes to the parties of the strategy discussion (of {@code strategyMeetingId}, or of every
 * strategy discussion of the case the hub carried), the police force and GP practice of every child, and whoever the
 * council names; the hub records whom it added.</li>
 * <li>No further action, or care and support without a plan: the case's initial conference clock stops, met by this
 * decision, with a compliance note saying why (nobody is escalated for a conference that was never due). Convene a
 * conference: the clock runs on.</li>
 * <li>A determination about children who are all on the register already starts and stops no conference clock.</li>
 * <li>With {@code dutyToReportId} it is children's services' decision on next actions about that report.</li>
 * <li>A case the hub has no strategy discussion for is accepted: the enquiry may have started before the hub.</li>
 * </ul>
 */
@ApplicationScoped
public class Section47Rules implements FlowRules {

    private final CaseParties parties;

    public Section47Rules(CaseParties parties) {
        this.parties = parties;
    }

    @Override
    public Set<MessageType> types() {
        return Set.of(MessageType.SECTION_47_DETERMINATION);
    }

    @Override
    public Routing route(Envelope message, CaseFacts facts) {
        Optional<CaseRecord> known = facts.caseOf(message.caseReference());
        var refusal = parties.councilSends(message, known);
        if (refusal.isPresent()) {
            return Routing.refused(refusal.get());
        }
        Section47Determination body = body(message, Section47Determination.class);
        Set<String> to = new LinkedHashSet<>(agencies(body.invitees()));
        Set<String> required = new LinkedHashSet<>(
                facts.strategyDiscussion(message.caseReference(), body.strategyMeetingId()));
        if (body.strategyMeetingId() != null && required.isEmpty()) {
            // a meeting the hub did not carry: the case's other strategy discussions, if any
            required.addAll(facts.strategyDiscussion(message.caseReference(), null));
        }
        List<ChildRef> children = children(body.children());
        List<String> keys = parties.keysOf(children, known);
        for (int i = 0; i < children.size(); i++) {
            var child = CaseParties.known(known, keys.get(i));
            parties.policeForce(children.get(i), null, child).ifPresent(required::add);
            parties.gpPractice(children.get(i), child).ifPresent(required::add);
        }
        required.remove(message.sender());
        // the council said whom it sends to (the envelope or the invitees): the hub says whom it added
        boolean councilListed = !to.isEmpty() || !named(message).isEmpty();
        List<String> added = required.stream().filter(a -> !to.contains(a) && !named(message).contains(a)).toList();
        to.addAll(required);
        to.remove(message.sender());
        List<ComplianceNote> notes = new ArrayList<>();
        if (councilListed && !added.isEmpty()) {
            notes.add(ComplianceNotes.decisionPartiesAdded(added));
        }
        if (stopsInitialConference(facts, message, body, keys)) {
            notes.add(ComplianceNotes.initialConferenceNotDue(body.concludedOn(), body.outcome(), body.nextStep()));
        }
        return new Routing(new ArrayList<>(to), List.of(), notes);
    }

    @Override
    public List<Effect> accepted(Envelope message, Instant at, CaseFacts facts) {
        Section47Determination body = body(message, Section47Determination.class);
        String caseRef = message.caseReference();
        List<Effect> effects = new ArrayList<>(parties.rememberChildren(message, children(body.children()), facts));
        if (body.dutyToReportId() != null) {
            // The determination is a decision on what happens next about the report.
            effects.add(DutyToReportRules.nextActionsDecided(body.dutyToReportId(), message.sender()));
        }
        List<String> keys = parties.keysOf(children(body.children()), facts.caseOf(caseRef));
        if (stopsInitialConference(facts, message, body, keys)) {
            effects.add(new Effect.StopClocks(ConferenceRules.INITIAL_CONFERENCE, caseRef, null, null));
        }
        return effects;
    }

    /**
     * True when the determination ends the case's running initial conference clock: the next step is no further
     * action or care and support, and some child it is about is not on the register already.
     */
    private static boolean stopsInitialConference(CaseFacts facts, Envelope message, Section47Determination body,
            List<String> keys) {
        return !body.convenesConference()
                && !ConferenceDeadlines.allRegistered(facts, message.caseReference(), keys)
                && !facts.runningClocks(message.caseReference(), ConferenceRules.INITIAL_CONFERENCE, null).isEmpty();
    }
}
