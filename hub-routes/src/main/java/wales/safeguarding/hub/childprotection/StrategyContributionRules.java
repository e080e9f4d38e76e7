package wales.safeguarding.hub.childprotection;

import static wales.safeguarding.hub.childprotection.MessageParts.body;
import static wales.safeguarding.hub.childprotection.MessageParts.named;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.AgencyKind;
import wales.safeguarding.hub.rules.CaseFacts;
import wales.safeguarding.hub.rules.CaseRecord;
import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.rules.FlowRules;
import wales.safeguarding.hub.rules.Routing;
import wales.safeguarding.schemas.childprotection.StrategyContribution;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.MessageType;
import wales.safeguarding.schemas.validation.Violation;

/**
 * What an agency knows, for a strategy discussion ({@link StrategyMeetingRules} asks each child's GP practice, school
 * and health board):
 * <ul>
 * <li>from an agency asked for it or a party of the discussion, else refused ({@code asked-for-contribution}), about a
 * strategy meeting whose invitation went through the hub ({@code known-strategy-meeting});</li>
 * <li>it reaches children's services (the council that holds the case) and the police of the discussion, before or
 * after it, and whoever the sender names;</li>
 * <li>it meets the sender's {@code strategy-contribution} clock.</li>
 * </ul>
 */
@ApplicationScoped
public class StrategyContributionRules implements FlowRules {

    private final CaseParties parties;

    public StrategyContributionRules(CaseParties parties) {
        this.parties = parties;
    }

    @Override
    public Set<MessageType> types() {
        return Set.of(MessageType.STRATEGY_CONTRIBUTION);
    }

    @Override
    public Routing route(Envelope message, CaseFacts facts) {
        StrategyContribution body = body(message, StrategyContribution.class);
        String caseRef = message.caseReference();
        Set<String> discussion = facts.strategyDiscussion(caseRef, body.meetingId());
        Set<String> asked = facts.strategyContributors(caseRef, body.meetingId());
        Optional<CaseRecord> known = facts.caseOf(caseRef);
        if (discussion.isEmpty() || known.isEmpty()) {
            return Routing.refused(new Violation("/body/meetingId", "known-strategy-meeting", "no invitation to "
                    + "strategy meeting " + body.meetingId() + " in case " + caseRef + " went through the hub"));
        }
        if (!asked.contains(message.sender()) && !discussion.contains(message.sender())) {
            return Routing.refused(new Violation("/sender", "asked-for-contribution", "agency '" + message.sender()
                    + "' was neither asked for a contribution to nor invited to strategy meeting " + body.meetingId()));
        }
        Set<String> to = new LinkedHashSet<>(named(message));
        to.add(known.get().council());
        for (String party : discussion) {
            if (parties.directory().find(party).map(Agency::kind).filter(k -> k == AgencyKind.POLICE).isPresent()) {
                to.add(party);
            }
        }
        to.remove(message.sender());
        return new Routing(new ArrayList<>(to), List.of(), List.of());
    }

    @Override
    public List<Effect> accepted(Envelope message, Instant at, CaseFacts facts) {
        StrategyContribution body = body(message, StrategyContribution.class);
        return List.of(new Effect.StopClocks(StrategyMeetingRules.CLOCK, message.caseReference(), body.meetingId(),
                message.sender()));
    }
}
