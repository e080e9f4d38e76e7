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
import wales.safeguarding.hub.rules.CaseFacts;
import wales.safeguarding.hub.rules.CaseRecord;
import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.rules.FlowRules;
import wales.safeguarding.hub.rules.Routing;
import wales.safeguarding.schemas.childprotection.HealthAssessmentCompleted;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.MessageType;
import wales.safeguarding.schemas.validation.Violation;

/**
 * A child's health assessment completed (2023 review, recommendation 1.7), as a conference set it
 * ({@link HealthAssessments}):
 * <ul>
 * <li>sent by a health agency (a GP practice, a health board, its health visiting or school nursing service), else
 * refused ({@code health-only-type}), about a case the hub holds ({@code known-case});</li>
 * <li>it reaches the council that holds the case and the case's core group, with the unmet health needs the plan must
 * address (each recipient sees what the need-to-know policy gives its kind);</li>
 * <li>it meets the child's {@code health-assessment} clock, whoever owed it: the assessment is done.</li>
 * </ul>
 */
@ApplicationScoped
public class HealthAssessmentRules implements FlowRules {

    private final CaseParties parties;

    public HealthAssessmentRules(CaseParties parties) {
        this.parties = parties;
    }

    @Override
    public Set<MessageType> types() {
        return Set.of(MessageType.HEALTH_ASSESSMENT);
    }

    @Override
    public Routing route(Envelope message, CaseFacts facts) {
        boolean health = parties.directory().find(message.sender()).map(Agency::kind)
                .filter(HealthAssessments.HEALTH::contains).isPresent();
        if (!health) {
            return Routing.refused(new Violation("/sender", "health-only-type", "health-assessment messages are sent by "
                    + "GP practices, health boards and their health visiting and school nursing services"));
        }
        Optional<CaseRecord> known = facts.caseOf(message.caseReference());
        if (known.isEmpty()) {
            return Routing.refused(new Violation("/caseReference", "known-case", "no message of case "
                    + message.caseReference() + " has reached the hub, so the council that holds it is not known"));
        }
        Set<String> to = new LinkedHashSet<>(named(message));
        to.add(known.get().council());
        to.addAll(facts.coreGroup(message.caseReference()));
        to.remove(message.sender());
        return new Routing(new ArrayList<>(to), List.of(), List.of());
    }

    @Override
    public List<Effect> accepted(Envelope message, Instant at, CaseFacts facts) {
        HealthAssessmentCompleted body = body(message, HealthAssessmentCompleted.class);
        String key = parties.keyOf(body.child(), facts.caseOf(message.caseReference()));
        return List.of(new Effect.StopClocks(HealthAssessments.CLOCK, message.caseReference(), key, null));
    }
}
