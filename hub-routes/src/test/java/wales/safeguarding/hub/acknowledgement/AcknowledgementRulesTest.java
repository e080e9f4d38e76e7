package wales.safeguarding.hub.acknowledgement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.rules.FactsInMemory;
import wales.safeguarding.hub.rules.Routing;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.hub.tracking.DeliveryState;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.validation.Violation;

/** A business acknowledgement (received, accepted, rejected) of a message the hub sent to the acknowledging agency. */
class AcknowledgementRulesTest {

    private static final String COUNCIL = "carmarthenshire-childrens-services";
    private static final String SCHOOL = "school-6699001";
    private static final String NEW_SCHOOL = "school-6699002";
    private static final Instant AT = Instant.parse("2026-12-03T09:00:00Z");

    private final AcknowledgementRules rules = new AcknowledgementRules();

    /** The council's school transfer, sent by the hub to the new school. */
    private final ObjectNode transfer = fresh("valid/school-transfer.json");
    private final UUID transferId = UUID.fromString(Messages.id(transfer));
    private final FactsInMemory facts = new FactsInMemory().withSent(FactsInMemory.envelope(transfer), NEW_SCHOOL);

    private static ObjectNode fresh(String example) {
        ObjectNode message = Messages.example(example);
        message.put("messageId", UUID.randomUUID().toString());
        return message;
    }

    /** The new school's acknowledgement of the transfer with this status. */
    private Envelope acknowledgement(String status) {
        ObjectNode ack = fresh("valid/acknowledgement.json");
        ack.put("sender", NEW_SCHOOL).put("correlationId", transferId.toString());
        ack.with("body").put("status", status);
        if ("rejected".equals(status)) {
            ack.with("body").put("reason", "The child is not on our roll.");
        }
        return FactsInMemory.envelope(ack);
    }

    @Test
    @DisplayName("domain: a business acknowledgement goes back to whoever sent the acknowledged message")
    void should_route_to_the_sender_of_the_acknowledged_message() {
        Routing routing = rules.route(acknowledgement("received"), facts);

        assertThat(routing.violations()).isEmpty();
        assertThat(routing.recipients()).containsExactly(COUNCIL);
    }

    @Test
    @DisplayName("domain: an agency acknowledges only a message the hub sent to it")
    void should_refuse_an_acknowledgement_of_a_message_not_sent_to_the_sender() {
        ObjectNode fromAnotherSchool = fresh("valid/acknowledgement.json");
        fromAnotherSchool.put("sender", SCHOOL).put("correlationId", transferId.toString());
        ObjectNode ofNothing = fresh("valid/acknowledgement.json");
        ofNothing.put("sender", NEW_SCHOOL).put("correlationId", UUID.randomUUID().toString());

        for (ObjectNode ack : List.of(fromAnotherSchool, ofNothing)) {
            Routing routing = rules.route(FactsInMemory.envelope(ack), facts);
            assertThat(routing.routable()).isFalse();
            assertThat(routing.violations()).extracting(Violation::pointer, Violation::rule)
                    .containsExactly(tuple("/correlationId", "acknowledges-a-message-sent-to-you"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"received", "accepted"})
    @DisplayName("domain: received or accepted moves the agency's delivery to acknowledged and meets the <type>-acknowledgement clock")
    void should_acknowledge_the_delivery_and_meet_the_clock(String status) {
        Envelope ack = acknowledgement(status);

        List<Effect> effects = rules.accepted(ack, AT, facts);

        assertThat(effects).containsExactly(
                new Effect.Transition(transferId, NEW_SCHOOL, DeliveryState.ACKNOWLEDGED,
                        status + " (acknowledgement " + ack.messageId() + ")"),
                new Effect.MeetClock(transferId, "school-transfer-acknowledgement", NEW_SCHOOL));
    }

    @Test
    @DisplayName("domain: a rejection is recorded with its reason in the message's history and meets the <type>-acknowledgement clock: the person waited for has answered")
    void should_record_a_rejection_with_its_reason_and_meet_the_clock() {
        Envelope ack = acknowledgement("rejected");

        List<Effect> effects = rules.accepted(ack, AT, facts);

        assertThat(effects).containsExactly(
                new Effect.Audit(transferId, NEW_SCHOOL, "rejected",
                        "acknowledgement " + ack.messageId() + ": The child is not on our roll."),
                new Effect.MeetClock(transferId, "school-transfer-acknowledgement", NEW_SCHOOL));
        assertThat(effects).noneMatch(Effect.Transition.class::isInstance);
    }

    @Test
    @DisplayName("domain: the clock met is named after the type of the acknowledged message")
    void should_name_the_clock_after_the_acknowledged_type() {
        ObjectNode update = fresh("valid/plan-update.json");
        ObjectNode ack = fresh("valid/acknowledgement.json");
        ack.put("correlationId", Messages.id(update));
        FactsInMemory sentToSchool = new FactsInMemory().withSent(FactsInMemory.envelope(update), SCHOOL);

        List<Effect> effects = rules.accepted(FactsInMemory.envelope(ack), AT, sentToSchool);

        assertThat(effects).contains(new Effect.MeetClock(UUID.fromString(Messages.id(update)),
                "plan-update-acknowledgement", SCHOOL));
    }
}
