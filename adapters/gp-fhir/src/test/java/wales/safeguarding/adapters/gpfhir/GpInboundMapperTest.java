package wales.safeguarding.adapters.gpfhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;

/** What the hub refuses from a GP system, and how it says so (an OperationOutcome and a status). */
class GpInboundMapperTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GpInboundMapper mapper = new GpInboundMapper();

    @Test
    void should_reject_a_task_that_is_not_completed_with_422_naming_task_status() {
        ObjectNode bundle = reportBundle();
        task(bundle).put("status", "in-progress");

        InboundRejectedException rejected = reject(bundle);

        assertThat(rejected.httpStatus()).isEqualTo(422);
        OperationOutcome.OperationOutcomeIssueComponent issue = rejected.operationOutcome().getIssueFirstRep();
        assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
        assertThat(issue.getCode()).isEqualTo(OperationOutcome.IssueType.NOTSUPPORTED);
        assertThat(issue.getExpression()).extracting(e -> e.getValue()).containsExactly("Task.status");
        assertThat(rejected).hasMessage("Task.status: only a completed Task returns a written report");
    }

    @Test
    void should_reject_a_body_that_is_not_fhir_with_400_without_echoing_it() {
        InboundRejectedException rejected = catchThrowableOfType(InboundRejectedException.class,
                () -> mapper.toConferenceReport("{\"name\": \"Alys Enghraifft\"}", "gp-z99001"));

        assertThat(rejected.httpStatus()).isEqualTo(400);
        assertThat(OperationOutcomes.toJson(rejected.operationOutcome())).doesNotContain("Alys");
    }

    @Test
    void should_reject_a_completed_task_without_a_document_reference_output() {
        ObjectNode bundle = reportBundle();
        task(bundle).withArray("output").remove(0);

        assertThat(reject(bundle)).hasMessageStartingWith("Task.output: a completed Task returns the report as an output");
    }

    @Test
    void should_reject_an_output_that_points_at_a_document_reference_the_gp_system_did_not_send() {
        ObjectNode bundle = reportBundle();
        ((ArrayNode) bundle.get("entry")).remove(1);

        assertThat(reject(bundle)).hasMessageStartingWith("Task.output[0].valueReference: the DocumentReference must be");
    }

    @Test
    void should_reject_a_report_whose_author_has_no_role() {
        ObjectNode bundle = reportBundle();
        ((ObjectNode) bundle.get("entry").get(2).get("resource")).remove("code");

        assertThat(reject(bundle)).hasMessageStartingWith("DocumentReference.author:");
    }

    @Test
    void should_reject_a_report_in_a_language_the_contract_does_not_carry() {
        ObjectNode bundle = reportBundle();
        attachment(bundle).put("language", "de");

        assertThat(reject(bundle)).hasMessage("DocumentReference.content[0].attachment.language: the report's language must be en or cy");
    }

    @Test
    void should_reject_a_report_that_is_neither_text_nor_pdf() {
        ObjectNode bundle = reportBundle();
        attachment(bundle).put("contentType", "application/msword");

        assertThat(reject(bundle)).hasMessageStartingWith("DocumentReference.content[0].attachment.contentType:");
    }

    @Test
    void should_reject_a_task_that_does_not_name_its_conference() {
        ObjectNode bundle = reportBundle();
        task(bundle).remove("focus");
        task(bundle).remove("identifier");

        assertThat(reject(bundle)).hasMessageStartingWith("Task.focus: the Task must name the conference");
    }

    @Test
    void should_take_the_conference_id_from_the_focused_appointment_when_the_focus_has_no_identifier() throws Exception {
        ObjectNode bundle = reportBundle();
        task(bundle).putObject("focus").put("reference", "urn:uuid:2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b");
        ObjectNode appointment = ((ArrayNode) bundle.get("entry")).addObject();
        appointment.put("fullUrl", "urn:uuid:2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b");
        ObjectNode resource = appointment.putObject("resource");
        resource.put("resourceType", "Appointment").put("status", "fulfilled")
                .put("start", "2025-06-20T10:00:00+01:00").put("end", "2025-06-20T12:00:00+01:00");
        resource.putArray("identifier").addObject().put("system", FhirSystems.CONFERENCE_ID).put("value", "CCS-ICPC-2025-0099");
        // base R4, which the hub now checks before reading: an Appointment has a participant (type or actor)
        resource.putArray("participant").addObject().put("status", "accepted").putObject("actor").put("display", "Demo Surgery");

        GpConferenceReport report = mapper.toConferenceReport(JSON.writeValueAsString(bundle), "gp-z99001");

        assertThat(report.body().conferenceId()).isEqualTo("CCS-ICPC-2025-0099");
    }

    @Test
    void should_carry_a_plain_text_report_longer_than_the_text_limit_as_base64() throws Exception {
        ObjectNode bundle = reportBundle();
        byte[] longReport = "Growth chart notes. ".repeat(1_200).getBytes(StandardCharsets.UTF_8);
        attachment(bundle).put("data", Base64.getEncoder().encodeToString(longReport));

        GpConferenceReport report = mapper.toConferenceReport(JSON.writeValueAsString(bundle), "gp-z99001");

        assertThat(report.body().report().text()).isNull();
        assertThat(Base64.getDecoder().decode(report.body().report().contentBase64())).isEqualTo(longReport);
        assertThat(report.body().report().mediaType()).isEqualTo("text/plain");
    }

    @Test
    void should_take_the_author_agency_from_the_authenticated_caller_not_from_the_payload() throws Exception {
        GpConferenceReport report = mapper.toConferenceReport(JSON.writeValueAsString(reportBundle()), "gp-w12345");

        assertThat(report.body().author().agencyId()).isEqualTo("gp-w12345");
    }

    @Test
    void should_reject_an_acknowledgement_that_is_not_a_response_message() {
        InboundRejectedException rejected = catchThrowableOfType(InboundRejectedException.class,
                () -> mapper.toAcknowledgement(Examples.text("/golden/inbound/report-in-bundle.fhir.json")));

        assertThat(rejected.httpStatus()).isEqualTo(422);
        assertThat(rejected).hasMessage("Bundle.type: a response must be a Bundle of type message");
    }

    private InboundRejectedException reject(JsonNode fhir) {
        return catchThrowableOfType(InboundRejectedException.class,
                () -> mapper.toConferenceReport(JSON.writeValueAsString(fhir), "gp-z99001"));
    }

    private static ObjectNode reportBundle() {
        try {
            return (ObjectNode) JSON.readTree(Examples.resource("/golden/inbound/report-in-bundle.fhir.json"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ObjectNode task(ObjectNode bundle) {
        return (ObjectNode) bundle.get("entry").get(0).get("resource");
    }

    private static ObjectNode attachment(ObjectNode bundle) {
        return (ObjectNode) bundle.get("entry").get(1).get("resource").get("content").get(0).get("attachment");
    }
}
