package wales.safeguarding.hub.intake;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.Directory;
import wales.safeguarding.hub.directory.EducationProviders;
import wales.safeguarding.hub.rules.CaseFacts;
import wales.safeguarding.hub.rules.Routing;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.MessageType;
import wales.safeguarding.schemas.validation.Violation;

/**
 * Decides who receives a message: the recipients the sender named, plus the ones the rules for its type require.
 * Every recipient must be in the directory and have an endpoint, and so must every education provider a child of the
 * message attends ({@link EducationProviders}).
 */
@ApplicationScoped
public class RecipientResolver {

    private final Directory directory;
    private final FlowRulesRegistry flows;

    public RecipientResolver(Directory directory, FlowRulesRegistry flows) {
        this.directory = directory;
        this.flows = flows;
    }

    public Routing resolve(Envelope message, CaseFacts facts) {
        Routing named = named(message);
        Routing required;
        if (message.type() == MessageType.DELIVERY_RECEIPT || message.type() == MessageType.ESCALATION) {
            required = Routing.refused(new Violation("/type", "hub-only-type",
                    message.type().wireName() + " messages are made by the hub, not sent to it"));
        } else {
            // A type the contract knows but no flow routes is refused, never guessed at.
            var rules = flows.forType(message.type());
            required = rules.isPresent() ? rules.get().route(message, facts)
                    : Routing.refused(new Violation("/type", "routed-type",
                            "the hub does not route " + message.type().wireName() + " messages yet"));
        }
        Routing all = named.and(required);
        List<Violation> violations = new ArrayList<>(all.violations());
        // a child's other education providers are routed as the school is: each must be one, and deliverable
        violations.addAll(EducationProviders.violations(message.body(), directory::find));
        if (violations.isEmpty() && all.recipients().isEmpty()) {
            violations.add(new Violation("/recipients", "at-least-one-recipient", "the message reaches no one"));
        }
        for (String recipient : all.recipients()) {
            if (recipient.equals(Routing.HUB) && message.type() == MessageType.ACKNOWLEDGEMENT) {
                continue; // an acknowledgement of a message the hub made: the hub keeps it, no copy
            }
            if (recipient.equals(message.sender())) {
                violations.add(new Violation("/recipients", "not-to-self", "the sender cannot be a recipient"));
            } else if (directory.find(recipient).filter(Agency::receives).isEmpty()
                    && !namedUnknown(message, recipient)) {
                // Added by the rules from the message (an invitee, a core group member): it must be deliverable too.
                violations.add(new Violation("/body", "known-recipient", "agency '" + recipient
                        + "', named in the message body, is not in the directory or has no endpoint"));
            }
        }
        return new Routing(all.recipients(), violations, all.notes());
    }

    /** True when the sender named this unknown recipient itself (already refused, with its own pointer). */
    private static boolean namedUnknown(Envelope message, String recipient) {
        return message.recipients() != null && message.recipients().contains(recipient);
    }

    private Routing named(Envelope message) {
        List<String> recipients = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        List<String> named = message.recipients() == null ? List.of() : message.recipients();
        for (int i = 0; i < named.size(); i++) {
            String id = named.get(i);
            var agency = directory.find(id);
            if (agency.isEmpty()) {
                violations.add(new Violation("/recipients/" + i, "known-recipient", "no agency '" + id + "' in the directory"));
            } else if (!agency.get().receives()) {
                violations.add(new Violation("/recipients/" + i, "recipient-has-endpoint",
                        "agency '" + id + "' has no endpoint to deliver to"));
            } else {
                recipients.add(agency.map(Agency::id).get());
            }
        }
        return new Routing(recipients, violations);
    }
}
