package wales.safeguarding.schemas.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import wales.safeguarding.schemas.Examples;
import wales.safeguarding.schemas.dutytoreport.NextActionsDecision;
import wales.safeguarding.schemas.dutytoreport.ReportAcknowledgement;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.MessageType;

/** The acknowledgement of a duty-to-report as a receipt, or as a receipt that records the decision on next actions. */
class ReportAcknowledgementValidationTest {

    private final CanonicalValidator validator = CanonicalValidator.fromClasspath();

    private static ObjectNode acknowledgement() {
        return Examples.valid(MessageType.REPORT_ACKNOWLEDGEMENT);
    }

    private static ObjectNode decision(ObjectNode message) {
        return (ObjectNode) message.get("body").get("nextActionsDecision");
    }

    @Test
    @DisplayName("issue 10 defect 5: an acknowledgement without a decision on next actions is still a valid receipt")
    void should_accept_a_bare_receipt() {
        ObjectNode receipt = acknowledgement();
        ((ObjectNode) receipt.get("body")).remove("nextActionsDecision");

        assertThat(validator.validate(receipt)).isEmpty();
        assertThat(CanonicalJson.bodyAs(CanonicalJson.mapper().convertValue(receipt,
                wales.safeguarding.schemas.envelope.Envelope.class), ReportAcknowledgement.class).nextActionsDecision())
                .isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"strategy-discussion", "section-47-enquiry", "care-and-support-assessment",
        "information-and-advice", "no-further-action"})
    @DisplayName("issue 10 defect 5: an acknowledgement records any of the five decisions on next actions")
    void should_accept_each_decision_on_next_actions(String choice) {
        ObjectNode message = acknowledgement();
        decision(message).put("decision", choice);

        assertThat(validator.validate(message)).isEmpty();
    }

    @Test
    @DisplayName("issue 10 defect 5: a decision on next actions needs no summary")
    void should_accept_a_decision_without_a_summary() {
        ObjectNode message = acknowledgement();
        decision(message).remove("summary");

        assertThat(validator.validate(message)).isEmpty();
    }

    @Test
    @DisplayName("issue 10 defect 5: a decision on next actions says what was decided")
    void should_require_the_decision() {
        ObjectNode message = acknowledgement();
        decision(message).remove("decision");

        assertThat(validator.validate(message)).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/body/nextActionsDecision/decision", "required"));
    }

    @Test
    @DisplayName("issue 10 defect 5: an outcome's referral to another agency is not a decision on next actions")
    void should_refuse_a_decision_outside_the_five() {
        ObjectNode message = acknowledgement();
        decision(message).put("decision", "referred-to-other-agency");

        assertThat(validator.validate(message)).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/body/nextActionsDecision/decision", "enum"));
    }

    @Test
    @DisplayName("issue 10 defect 5: the time of the decision is a date-time")
    void should_refuse_a_decision_time_that_is_not_a_date_time() {
        ObjectNode message = acknowledgement();
        decision(message).put("decidedAt", "2 June 2025");

        assertThat(validator.validate(message)).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/body/nextActionsDecision/decidedAt", "format"));
    }

    @Test
    @DisplayName("issue 10 defect 5: the summary of the decision is at most 2000 characters and not blank")
    void should_bound_the_summary() {
        ObjectNode tooLong = acknowledgement();
        decision(tooLong).put("summary", "a".repeat(2001));
        ObjectNode blank = acknowledgement();
        decision(blank).put("summary", "   ");
        ObjectNode longest = acknowledgement();
        decision(longest).put("summary", "a".repeat(2000));

        assertThat(validator.validate(tooLong)).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/body/nextActionsDecision/summary", "maxLength"));
        assertThat(validator.validate(blank)).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/body/nextActionsDecision/summary", "pattern"));
        assertThat(validator.validate(longest)).isEmpty();
    }

    @Test
    @DisplayName("issue 10 defect 5: a decision on next actions carries nothing the contract does not name")
    void should_refuse_an_unknown_field_in_the_decision() {
        ObjectNode message = acknowledgement();
        decision(message).put("decidedBy", "Siân");

        assertThat(validator.validate(message)).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/body/nextActionsDecision/decidedBy", "additionalProperties"));
    }

    @Test
    @DisplayName("issue 10 defect 5: the record reads the decision on next actions of the example")
    void should_bind_the_decision_to_its_record() throws Exception {
        ReportAcknowledgement body = CanonicalJson.bodyAs(
                CanonicalJson.read(Examples.bytes(Examples.validPath(MessageType.REPORT_ACKNOWLEDGEMENT))),
                ReportAcknowledgement.class);

        assertThat(body.nextActionsDecision()).isEqualTo(new NextActionsDecision("strategy-discussion",
                OffsetDateTime.parse("2025-06-02T11:05:00+01:00"),
                "A strategy discussion with the police and health is being arranged for 3 June 2025."));
    }
}
