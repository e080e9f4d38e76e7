package wales.safeguarding.hub.childprotection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.tracking.ComplianceNote;
import wales.safeguarding.hub.rules.CaseFacts;
import wales.safeguarding.hub.rules.CaseRecord;
import wales.safeguarding.hub.rules.ChildRecord;
import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.rules.FlowRules;
import wales.safeguarding.hub.rules.Routing;
import wales.safeguarding.schemas.childprotection.ChildRef;
import wales.safeguarding.schemas.childprotection.HealthAlert;
import wales.safeguarding.schemas.childprotection.InformationShare;
import wales.safeguarding.schemas.childprotection.SchoolAlert;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.MessageType;
import wales.safeguarding.schemas.validation.Violation;

/**
 * Health and school alerts, and information shares (2023 review recommendation 1.9: schools hear of self-harm and
 * mental-health risk late or not at all). An alert about a child always reaches the child's council (the social
 * worker); about a child on the register it also reaches the core group members its kind calls for
 * ({@link AlertRouting}, in configuration). An information share goes to whom the sender names; the need-to-know
 * policy decides what each of them sees.
 */
@ApplicationScoped
public class AlertRules implements FlowRules {

    private final CaseParties parties;
    private final AlertRouting routing;

    public AlertRules(CaseParties parties, AlertRouting routing) {
        this.parties = parties;
        this.routing = routing;
    }

    @Override
    public Set<MessageType> types() {
        return Set.of(MessageType.HEALTH_ALERT, MessageType.SCHOOL_ALERT, MessageType.INFORMATION_SHARE);
    }

    @Override
    public Routing route(Envelope message, CaseFacts facts) {
        if (message.type() == MessageType.INFORMATION_SHARE) {
            ChildRef child = MessageParts.body(message, InformationShare.class).child();
            return Routing.to(parties.council(child).filter(council -> !council.equals(message.sender()))
                    .map(List::of).orElse(List.of()));
        }
        String kind;
        ChildRef child;
        boolean healthRelevant;
        if (message.type() == MessageType.HEALTH_ALERT) {
            HealthAlert body = MessageParts.body(message, HealthAlert.class);
            kind = body.kind();
            child = body.child();
            healthRelevant = true;
        } else {
            SchoolAlert body = MessageParts.body(message, SchoolAlert.class);
            kind = body.kind();
            child = body.child();
            healthRelevant = body.healthRelevant();
        }
        Optional<String> council = parties.council(child);
        if (council.isEmpty()) {
            return Routing.refused(new Violation("/body/child/localAuthority", "known-local-authority",
                    "no children's services in the directory for local authority " + child.localAuthority()));
        }
        List<String> to = new ArrayList<>(List.of(council.get()));
        List<ComplianceNote> notes = new ArrayList<>();
        Optional<CaseRecord> knownCase = facts.caseOf(message.caseReference());
        Optional<ChildRecord> known = CaseParties.known(knownCase, parties.keyOf(child, knownCase));
        if (known.isPresent() && known.get().registered()) {
            for (String role : routing.reaches().getOrDefault(kind, List.of())) {
                List<String> members = switch (role) {
                    // the school and the child's other education providers (PRU, EOTAS, youth justice and support)
                    case "school" -> parties.educators(child, known);
                    case "gp" -> parties.gpPractice(child, known).stream().toList();
                    case "gp-if-health-relevant" -> healthRelevant ? parties.gpPractice(child, known).stream().toList()
                            : List.of();
                    case "police" -> parties.policeForce(child, null, known).stream().toList();
                    default -> throw new IllegalStateException("hub.alert-routing." + kind + ": unknown core group role '"
                            + role + "' (school, gp, gp-if-health-relevant, police)");
                };
                members.stream().filter(m -> !m.equals(message.sender()) && !to.contains(m)).forEach(m -> {
                    to.add(m);
                    notes.add(ComplianceNotes.alertRouted(m, role, kind));
                });
            }
        }
        to.remove(message.sender());
        return new Routing(to, List.of(), notes);
    }

    @Override
    public List<Effect> accepted(Envelope message, Instant at, CaseFacts facts) {
        // Alerts start no clock: they are acted on by the people who receive them.
        return List.of();
    }
}
