package wales.safeguarding.adapters.gpfhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import wales.safeguarding.schemas.spi.DeliveryVerdict;
import wales.safeguarding.schemas.spi.DeliveryVerdict.Outcome;

/** What the GP system's answer to $process-message means for the delivery. */
class GpFhirAdapterInterpretTest {

    private static final String OK = Examples.text("/golden/inbound/response-ok.fhir.json");
    private static final String FATAL = Examples.text("/golden/inbound/response-fatal-error.fhir.json");

    private final GpFhirAdapter adapter = new GpFhirAdapter(Examples.CLOCK);

    @Test
    void should_count_an_ok_response_message_as_delivered_with_the_gp_systems_message_identifier() {
        DeliveryVerdict verdict = adapter.interpret(200, OK);

        assertThat(verdict.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(verdict.recipientReference()).isEqualTo("GP-ACK-20250610-0001");
    }

    @Test
    void should_fall_back_to_the_response_message_header_id_when_the_bundle_has_no_identifier() {
        Bundle response = (Bundle) GpFhirContext.parse(OK);
        response.setIdentifier(null);

        DeliveryVerdict verdict = adapter.interpret(200, GpFhirContext.toJson(response));

        assertThat(verdict.recipientReference()).isEqualTo("b7e1c0de-0000-4000-8000-000000000001");
    }

    @Test
    void should_retry_when_the_response_message_says_transient_error() {
        DeliveryVerdict verdict = adapter.interpret(200, FATAL.replace("\"fatal-error\"", "\"transient-error\""));

        assertThat(verdict.outcome()).isEqualTo(Outcome.TRANSIENT_FAILURE);
        assertThat(verdict.reason()).startsWith("GP system answered transient-error");
    }

    @Test
    void should_dead_letter_with_the_operation_outcome_diagnostics_when_the_response_message_says_fatal_error() {
        DeliveryVerdict verdict = adapter.interpret(200, FATAL);

        assertThat(verdict.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
        assertThat(verdict.reason()).isEqualTo(
                "GP system answered fatal-error: No patient with this NHS number is registered at the practice");
    }

    @Test
    void should_let_the_response_code_decide_even_when_the_http_status_is_an_error() {
        assertThat(adapter.interpret(500, FATAL).outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
        assertThat(adapter.interpret(500, OK).outcome()).isEqualTo(Outcome.DELIVERED);
    }

    @Test
    void should_read_the_response_code_of_an_answer_the_hub_cut_short() {
        String cut = FATAL.substring(0, FATAL.indexOf("\"code\": \"fatal-error\"") + 40);

        DeliveryVerdict verdict = adapter.interpret(200, cut);

        assertThat(verdict.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
        assertThat(verdict.reason()).isEqualTo("GP system answered fatal-error: the answer was cut short");
    }

    @Test
    void should_read_a_response_message_in_fhir_xml() {
        String xml = GpFhirContext.get().newXmlParser().encodeResourceToString(GpFhirContext.parse(FATAL));

        assertThat(adapter.interpret(200, xml).outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
    }

    @Test
    void should_refuse_with_the_diagnostics_when_the_gp_system_answers_4xx_with_an_operation_outcome() {
        String outcome = OperationOutcomes.toJson(OperationOutcomes.invalid("Bundle.entry[4].resource", "nhs-number",
                "NHS number not known at this practice"));

        DeliveryVerdict verdict = adapter.interpret(422, outcome);

        assertThat(verdict.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
        assertThat(verdict.reason()).isEqualTo("GP system answered HTTP 422: NHS number not known at this practice");
    }

    @Test
    void should_retry_when_the_gp_system_answers_5xx_with_an_operation_outcome() {
        OperationOutcome busy = OperationOutcomes.transientError("database unavailable");

        DeliveryVerdict verdict = adapter.interpret(503, GpFhirContext.toJson(busy));

        assertThat(verdict.outcome()).isEqualTo(Outcome.TRANSIENT_FAILURE);
        assertThat(verdict.reason()).isEqualTo("GP system answered HTTP 503: database unavailable");
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 425, 429, 500, 502, 503, 504})
    void should_retry_when_the_gp_system_is_busy_or_down(int status) {
        assertThat(adapter.interpret(status, "<html>Service Unavailable</html>").outcome())
                .isEqualTo(Outcome.TRANSIENT_FAILURE);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 409, 415, 422})
    void should_not_retry_when_the_gp_system_refuses_without_a_response_message(int status) {
        DeliveryVerdict verdict = adapter.interpret(status, "");

        assertThat(verdict.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
        assertThat(verdict.reason()).isEqualTo("GP system answered HTTP " + status);
    }

    @Test
    void should_count_another_2xx_as_delivered_without_a_reference() {
        DeliveryVerdict verdict = adapter.interpret(202, "");

        assertThat(verdict.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(verdict.recipientReference()).isNull();
    }

    @Test
    void should_keep_a_long_reason_short() {
        String outcome = OperationOutcomes.toJson(OperationOutcomes.invalid("x", "rule", "y".repeat(1000)));

        assertThat(adapter.interpret(400, outcome).reason()).hasSize(301).endsWith("…");
    }
}
