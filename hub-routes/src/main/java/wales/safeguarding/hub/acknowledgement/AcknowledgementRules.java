package wales.safeguarding.hub.acknowledgement;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.clocks.ClockRepository;
import wales.safeguarding.hub.intake.FlowRules;
import wales.safeguarding.hub.intake.Routing;
import wales.safeguarding.hub.tracking.DeliveryState;
import wales.safeguarding.hub.tracking.StoredMessage;
import wales.safeguarding.hub.tracking.TrackingRepository;
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
 * rejection reaches the sender with its reason.
 */
@ApplicationScoped
public class AcknowledgementRules implements FlowRules {

    /** What a clock waiting for an acknowledgement of a message of some type is called: {@code <type>-acknowledgement}. */
    static final String CLOCK_SUFFIX = "-acknowledgement";

    private final TrackingRepository tracking;
    private final ClockRepository clockStore;

    public AcknowledgementRules(TrackingRepository tracking, ClockRepository clockStore) {
        this.tracking = tracking;
        this.clockStore = clockStore;
    }

    @Override
    public Set<MessageType> types() {
        return Set.of(MessageType.ACKNOWLEDGEMENT);
    }

    @Override
    public Routing route(Connection c, Envelope ack) throws SQLException {
        return tracking.answeredMessage(c, ack, null).map(original -> Routing.to(List.of(original.sender())))
                .orElseGet(() -> Routing.refused(new Violation("/correlationId", "acknowledges-a-message-sent-to-you",
                        "must be the messageId of a message the hub sent to " + ack.sender())));
    }

    @Override
    public void accepted(Connection c, Envelope ack, Instant at) throws SQLException {
        StoredMessage original = tracking.answeredMessage(c, ack, null).orElseThrow();
        Acknowledgement body = CanonicalJson.bodyAs(ack, Acknowledgement.class);
        if ("rejected".equals(body.status())) {
            tracking.audit(c, original.messageId(), ack.sender(), "rejected", null, null,
                    "acknowledgement " + ack.messageId() + ": " + body.reason(), ack.sender(), at);
        } else {
            tracking.transition(c, original.messageId(), ack.sender(), DeliveryState.ACKNOWLEDGED,
                    body.status() + " (acknowledgement " + ack.messageId() + ")", ack.sender(), at);
        }
        clockStore.meetClock(c, original.messageId(), original.type() + CLOCK_SUFFIX, ack.sender(), ack.messageId(), at);
    }

}
