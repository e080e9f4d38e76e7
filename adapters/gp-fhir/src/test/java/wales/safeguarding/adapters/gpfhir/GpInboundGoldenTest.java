package wales.safeguarding.adapters.gpfhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;

import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.validation.CanonicalValidator;

/** What a GP system sends → the canonical result, one golden file per case. */
class GpInboundGoldenTest {

    private final GpInboundMapper mapper = new GpInboundMapper();

    @Test
    void should_map_a_completed_task_with_its_report_in_a_bundle_to_the_golden_conference_report() throws Exception {
        GpConferenceReport report = mapper.toConferenceReport(
                Examples.text("/golden/inbound/report-in-bundle.fhir.json"), "gp-z99001");

        Golden.assertMatches("inbound/report-in-bundle.canonical.json", json(report));
        // the GP's report in FHIR carries exactly what the contract's own example carries
        JsonNode example = CanonicalJson.mapper().readTree(Examples.valid("conference-report"));
        assertThat(CanonicalJson.mapper().valueToTree(report.body()).equals(example.get("body"))).isTrue();
        assertThat(report.invitationMessageId()).isEqualTo(UUID.fromString(example.get("correlationId").asText()));
        assertValidCanonicalReport(report);
    }

    @Test
    void should_map_a_completed_task_with_a_contained_pdf_report_to_the_golden_conference_report() throws Exception {
        GpConferenceReport report = mapper.toConferenceReport(
                Examples.text("/golden/inbound/report-contained-pdf.fhir.json"), "gp-z99001");

        Golden.assertMatches("inbound/report-contained-pdf.canonical.json", json(report));
        assertThat(report.invitationMessageId()).isNull();
        assertValidCanonicalReport(report);
    }

    @Test
    void should_map_an_ok_response_message_to_the_golden_acknowledgement() {
        GpAcknowledgement ack = mapper.toAcknowledgement(Examples.text("/golden/inbound/response-ok.fhir.json"));

        Golden.assertMatches("inbound/response-ok.canonical.json", new String(CanonicalJson.write(ack), StandardCharsets.UTF_8));
        assertThat(ack.ok()).isTrue();
    }

    @Test
    void should_map_a_fatal_error_response_message_to_the_golden_acknowledgement_with_its_diagnostics() {
        GpAcknowledgement ack = mapper.toAcknowledgement(Examples.text("/golden/inbound/response-fatal-error.fhir.json"));

        Golden.assertMatches("inbound/response-fatal-error.canonical.json",
                new String(CanonicalJson.write(ack), StandardCharsets.UTF_8));
        assertThat(ack.ok()).isFalse();
    }

    private static String json(GpConferenceReport report) {
        return new String(CanonicalJson.write(report), StandardCharsets.UTF_8);
    }

    /** The body, in the example's envelope, is a valid canonical conference-report. */
    private static void assertValidCanonicalReport(GpConferenceReport report) throws Exception {
        ObjectNode message = (ObjectNode) CanonicalJson.mapper().readTree(Examples.valid("conference-report"));
        message.set("body", CanonicalJson.mapper().valueToTree(report.body()));
        assertThat(CanonicalValidator.fromClasspath().validate(message)).isEmpty();
    }
}
