package wales.safeguarding.hub.dutytoreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.rules.FactsInMemory;
import wales.safeguarding.hub.rules.Routing;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.hub.tracking.DeliveryState;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.validation.Violation;

/** The council's answers to a duty-to-report: back to the report-maker, and which of the council's clocks they meet. */
class ReportResponsesTest {

    private static final String POLICE = "dyfed-powys-police";
    private static final String CARMARTHENSHIRE = "carmarthenshire-childrens-services";
    private static final String CARDIFF = "cardiff-childrens-services";
    private static final Instant AT = Instant.parse("2026-12-03T09:00:00Z");

    private final ReportResponses rules = new ReportResponses();
    private final ObjectNode report = Messages.dutyToReport();
    private final UUID reportId = UUID.fromString(Messages.id(report));
    private final FactsInMemory facts = new FactsInMemory().withSent(FactsInMemory.envelope(report), CARMARTHENSHIRE);

    private static Envelope envelope(ObjectNode message) {
        return FactsInMemory.envelope(message);
    }

    @Test
    @DisplayName("domain: the acknowledgement and the outcome go back to the report-maker")
    void should_route_each_answer_to_the_report_maker() {
        Routing acknowledgement = rules.route(envelope(Messages.acknowledgementOf(reportId.toString())), facts);
        Routing outcome = rules.route(envelope(Messages.outcomeOf(reportId.toString())), facts);

        assertThat(acknowledgement.violations()).isEmpty();
        assertThat(acknowledgement.recipients()).containsExactly(POLICE);
        assertThat(outcome.violations()).isEmpty();
        assertThat(outcome.recipients()).containsExactly(POLICE);
    }

    @Test
    @DisplayName("domain: only a council the report reached can answer it")
    void should_refuse_an_answer_from_a_council_the_report_never_reached() {
        ObjectNode answer = Messages.acknowledgementOf(reportId.toString()).put("sender", CARDIFF);

        Routing routing = rules.route(envelope(answer), facts);

        assertThat(routing.routable()).isFalse();
        assertThat(routing.violations()).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/correlationId", "answers-a-duty-to-report-sent-to-you"));
    }

    @Test
    @DisplayName("domain: an answer names a duty-to-report, not another message or nothing the hub knows")
    void should_refuse_an_answer_to_something_that_is_not_a_duty_to_report() {
        ObjectNode other = Messages.example("valid/plan-update.json");
        other.put("messageId", UUID.randomUUID().toString()).put("sender", POLICE);
        facts.withSent(envelope(other), CARMARTHENSHIRE);

        Routing toAPlanUpdate = rules.route(envelope(Messages.outcomeOf(Messages.id(other))), facts);
        Routing toNothing = rules.route(envelope(Messages.outcomeOf(UUID.randomUUID().toString())), facts);

        assertThat(toAPlanUpdate.violations()).extracting(Violation::rule)
                .containsExactly("answers-a-duty-to-report-sent-to-you");
        assertThat(toNothing.violations()).extracting(Violation::rule)
                .containsExactly("answers-a-duty-to-report-sent-to-you");
    }

    @Test
    @DisplayName("issue 10 defect 5: a bare receipt meets the acknowledgement clock and moves the delivery to acknowledged, but not the next-actions clock")
    void should_not_meet_next_actions_with_a_bare_receipt() {
        Envelope receipt = envelope(Messages.receiptOf(reportId.toString()));

        List<Effect> effects = rules.accepted(receipt, AT, facts);

        assertThat(effects).containsExactly(
                new Effect.Transition(reportId, CARMARTHENSHIRE, DeliveryState.ACKNOWLEDGED,
                        "report-acknowledgement " + receipt.messageId()),
                new Effect.MeetClock(reportId, "report-acknowledgement", CARMARTHENSHIRE));
    }

    @Test
    @DisplayName("issue 10 defect 5: an acknowledgement that records the decision on next actions meets the next-actions clock too")
    void should_meet_next_actions_with_an_acknowledgement_that_records_the_decision() {
        List<Effect> effects = rules.accepted(envelope(Messages.acknowledgementOf(reportId.toString())), AT, facts);

        assertThat(effects).contains(
                new Effect.MeetClock(reportId, "report-acknowledgement", CARMARTHENSHIRE),
                new Effect.MeetClock(reportId, "next-actions", CARMARTHENSHIRE));
        assertThat(effects).filteredOn(Effect.Transition.class::isInstance).singleElement()
                .satisfies(t -> assertThat(((Effect.Transition) t).detail()).endsWith("next actions: strategy-discussion"));
        assertThat(effects).doesNotContain(new Effect.MeetClock(reportId, "report-outcome", CARMARTHENSHIRE));
    }

    @Test
    @DisplayName("issue 10 defect 5: the outcome is a decision: it meets the acknowledgement, outcome and next-actions clocks")
    void should_meet_all_three_clocks_with_the_outcome() {
        Envelope outcome = envelope(Messages.outcomeOf(reportId.toString()));

        List<Effect> effects = rules.accepted(outcome, AT, facts);

        assertThat(effects).containsExactly(
                new Effect.Transition(reportId, CARMARTHENSHIRE, DeliveryState.OUTCOME_GIVEN,
                        "report-outcome " + outcome.messageId()),
                new Effect.MeetClock(reportId, "report-acknowledgement", CARMARTHENSHIRE),
                new Effect.MeetClock(reportId, "report-outcome", CARMARTHENSHIRE),
                new Effect.MeetClock(reportId, "next-actions", CARMARTHENSHIRE));
    }

    @Test
    @DisplayName("issue 10 defect 5: a decision on next actions recorded as made after the acknowledgement was written is refused")
    void should_refuse_a_decision_made_after_the_message() {
        ObjectNode late = Messages.acknowledgementOf(reportId.toString());
        late.put("createdAt", "2026-12-03T09:00:00Z");
        late.with("body").with("nextActionsDecision").put("decidedAt", "2026-12-03T09:00:01Z");
        ObjectNode onTheDot = late.deepCopy();
        onTheDot.with("body").with("nextActionsDecision").put("decidedAt", "2026-12-03T10:00:00+01:00");

        Routing refused = rules.route(envelope(late), facts);

        assertThat(refused.routable()).isFalse();
        assertThat(refused.violations()).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/body/nextActionsDecision/decidedAt", "next-actions-decision-not-in-future"));
        assertThat(rules.route(envelope(onTheDot), facts).violations()).isEmpty();
    }
}
