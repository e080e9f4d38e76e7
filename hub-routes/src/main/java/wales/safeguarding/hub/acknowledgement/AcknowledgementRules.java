package wales.safeguarding.hub.acknowledgement;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.rules.CaseFacts;
import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.rules.FlowRules;
import wales.safeguarding.hub.rules.Routing;
import wales.safeguarding.hub.tracking.DeliveryState;
import wales.safeguarding.hub.tracking.StoredMessage;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.MessageType;
import wales.safeguarding.schemas.tracking.Acknowledgement;
import wales.safeguarding.schemas.validation.Violation;

/**
 * A business acknowledgement (received, accepted, or rejected with a reason) of a message the acknowledging agency
 * was sent. It goes back to whoever sent that message; received or accepted moves the acknowledging agency's
 * delivery to acknowledged, a rejection is recorded in the message's history with its reason. Any of the three
 * meets the clock named {@code <type>-acknowledgement} that the acknowledged message started for the acknowledging
 * agency (a school transfer's {@code school-transfer-acknowledgement}): the person it waited for has answered, and a
 * rejection reaches the sender with its reason. An acknowledgement of a message the hub made (the monthly
 * board-report-export) goes to no one: the hub keeps it ({@link Routing#HUB}), and it meets the clock all the same.
 */
@ApplicationScoped
public class AcknowledgementRules implements FlowRules {

    /** What a clock waiting for an acknowledgement of a message of some type is called: {@code <type>-acknowledgement}. */
    static final String CLOCK_SUFFIX = "-acknowledgement";

    @Override
    public Set<MessageType> types() {
        return Set.of(MessageType.ACKNOWLEDGEMENT);
    }

    @Override
    public Routing route(Envelope ack, CaseFacts facts) {
        return facts.answered(ack, null).map(original -> Routing.to(List.of(original.sender())))
                .orElseGet(() -> Routing.refused(new Violation("/correlationId", "acknowledges-a-message-sent-to-you",
                        "must be the messageId of a message the hub sent to " + ack.sender())));
    }

    @Override
    public List<Effect> accepted(Envelope ack, Instant at, CaseFacts facts) {
        StoredMessage original = facts.answered(ack, null).orElseThrow();
        Acknowledgement body = CanonicalJson.bodyAs(ack, Acknowledgement.class);
        Effect answered = "rejected".equals(body.status())
                ? new Effect.Audit(original.messageId(), ack.sender(), "rejected",
                        "acknowledgement " + ack.messageId() + ": " + body.reason())
                : new Effect.Transition(original.messageId(), ack.sender(), DeliveryState.ACKNOWLEDGED,
                        body.status() + " (acknowledgement " + ack.messageId() + ")");
        return List.of(answered, new Effect.MeetClock(original.messageId(), original.type() + CLOCK_SUFFIX, ack.sender()));
    }
}
