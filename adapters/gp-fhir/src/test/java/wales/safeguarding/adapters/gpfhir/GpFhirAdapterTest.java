package wales.safeguarding.adapters.gpfhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import wales.safeguarding.schemas.envelope.LanguagePreference;
import wales.safeguarding.schemas.envelope.MessageType;
import wales.safeguarding.schemas.spi.AgencyEndpoint;
import wales.safeguarding.schemas.spi.OutboundAdapter;
import wales.safeguarding.schemas.spi.OutboundRequest;
import wales.safeguarding.schemas.spi.UnsendableMessageException;

class GpFhirAdapterTest {

    private final GpFhirAdapter adapter = new GpFhirAdapter(Examples.CLOCK);

    @Test
    void should_post_the_fhir_message_as_fhir_json_to_process_message() {
        OutboundRequest request = adapter.toAgencyRequest(Examples.valid("register-change"), Examples.GP);

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/$process-message");
        assertThat(request.contentType()).isEqualTo("application/fhir+json");
        assertThat(request.headers()).containsExactly(Map.entry("Accept", "application/fhir+json"));
        Bundle sent = (Bundle) GpFhirContext.parse(new String(request.body(), StandardCharsets.UTF_8));
        assertThat(sent.getType()).isEqualTo(Bundle.BundleType.MESSAGE);
    }

    @Test
    void should_head_the_bundle_with_a_message_header_naming_the_hub_message_type_the_hub_and_the_practice() {
        Bundle bundle = bundle("conference-invitation");

        MessageHeader header = (MessageHeader) bundle.getEntryFirstRep().getResource();
        assertThat(header.getIdElement().getIdPart()).isEqualTo("3f1c2a9e-5b7d-4e8a-9c21-0d6f4b8a1e07");
        assertThat(header.getEventCoding().getSystem()).isEqualTo("https://hub.safeguarding.wales/fhir/message-event");
        assertThat(header.getEventCoding().getCode()).isEqualTo("conference-invitation");
        assertThat(header.getSource().getEndpoint()).isEqualTo(GpOutboundMapper.HUB_ENDPOINT);
        assertThat(header.getDestinationFirstRep().getEndpoint()).isEqualTo(Examples.GP.url());
        Organization practice = resolve(bundle, header.getDestinationFirstRep().getReceiver().getReference(), Organization.class);
        assertThat(practice.getIdentifierFirstRep().getSystem()).isEqualTo("https://fhir.nhs.uk/Id/ods-organization-code");
        assertThat(practice.getIdentifierFirstRep().getValue()).isEqualTo("Z99001");
        assertThat(header.getFocus()).extracting(r -> resolve(bundle, r.getReference(), Resource.class).fhirType())
                .containsExactly("Appointment", "Communication", "Task");
        assertThat(bundle.getIdentifier().getValue()).isEqualTo("3f1c2a9e-5b7d-4e8a-9c21-0d6f4b8a1e07");
        assertThat(bundle.getMeta().getSecurityFirstRep().getCode()).isEqualTo("OFFICIAL-SENSITIVE");
    }

    @Test
    void should_map_a_conference_invitation_to_a_booked_appointment_with_the_reason() {
        Appointment appointment = only(bundle("conference-invitation"), Appointment.class);

        assertThat(appointment.getStatus()).isEqualTo(Appointment.AppointmentStatus.BOOKED);
        assertThat(appointment.getStartElement().getValueAsString()).isEqualTo("2025-06-24T10:00:00+01:00");
        assertThat(appointment.getDescription()).startsWith("The section 47 enquiry found that Alys");
        assertThat(appointment.getIdentifierFirstRep().getValue()).isEqualTo("CCS-ICPC-2025-0042");
        assertThat(appointment.getParticipant()).hasSize(4);
    }

    @Test
    void should_send_the_invitation_letter_with_the_reason_and_the_section_47_conclusion() {
        Communication letter = only(bundle("conference-invitation"), Communication.class);

        String text = letter.getPayloadFirstRep().getContentStringType().getValue();
        assertThat(text).contains("Invitation to an initial child protection conference")
                .contains("her needs for food and supervision are not being met")
                .contains("Conclusion of the section 47 enquiry: substantiated, a conference is convened.")
                .contains("Alys has been left alone overnight at least four times")
                .contains("Tuesday 24 June 2025 at 10:00");
    }

    @Test
    void should_write_the_invitation_letter_in_welsh_then_english_when_the_practice_language_is_unknown() {
        String text = letterFor(LanguagePreference.UNKNOWN);

        assertThat(text).startsWith("Gwahoddiad i gynhadledd amddiffyn plant gychwynnol\n")
                .contains("Pryd: Dydd Mawrth 24 Mehefin 2025 am 10:00")
                .contains("Casgliad yr ymholiad adran 47: wedi'i gadarnhau, cynullir cynhadledd.")
                .contains("Plentyn: Alys Enghraifft, ganwyd 12 Ebrill 2016, rhif GIG 999 000 0018")
                .contains("\n\nInvitation to an initial child protection conference\n")
                .doesNotEndWith("\n");
        assertThat(text.indexOf("Gwahoddiad")).isLessThan(text.indexOf("Invitation"));
        // the council's own words pass through once per language, untranslated
        assertThat(text.split("her needs for food and supervision are not being met", -1)).hasSize(3);
    }

    @Test
    void should_write_the_invitation_letter_in_the_practices_language_only_when_it_is_known() {
        assertThat(letterFor(LanguagePreference.CY)).startsWith("Gwahoddiad i gynhadledd")
                .contains("Adroddiad ysgrifenedig: anfonwch eich adroddiad ysgrifenedig erbyn")
                .doesNotContain("Invitation to", "Written report");
        assertThat(letterFor(LanguagePreference.EN)).startsWith("Invitation to an initial child protection conference")
                .doesNotContain("Gwahoddiad", "Pryd:");
    }

    private String letterFor(LanguagePreference language) {
        AgencyEndpoint gp = new AgencyEndpoint(Examples.GP.agencyId(), Examples.GP.url(), Examples.GP.transport(),
                Examples.GP.secrets(), language);
        Bundle bundle = adapter.toValidBundle(Examples.valid("conference-invitation"), gp);
        return only(bundle, Communication.class).getPayloadFirstRep().getContentStringType().getValue();
    }

    @Test
    void should_request_the_written_report_with_an_order_task_owned_by_the_practice_and_due_by_the_report_date() {
        Bundle bundle = bundle("conference-invitation");
        Task task = only(bundle, Task.class);

        assertThat(task.getIntent()).isEqualTo(Task.TaskIntent.ORDER);
        assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
        assertThat(resolve(bundle, task.getOwner().getReference(), Organization.class).getIdentifierFirstRep().getValue())
                .isEqualTo("Z99001");
        assertThat(task.getExecutionPeriod().getEndElement().getValueAsString()).isEqualTo("2025-06-20T17:00:00+01:00");
        assertThat(task.getRestriction().getPeriod().getEndElement().getValueAsString()).isEqualTo("2025-06-20T17:00:00+01:00");
        assertThat(resolve(bundle, task.getFocus().getReference(), Resource.class)).isInstanceOf(Appointment.class);
        assertThat(task.getFocus().getIdentifier().getValue()).isEqualTo("CCS-ICPC-2025-0042");
        assertThat(task.getGroupIdentifier().getValue()).isEqualTo("3f1c2a9e-5b7d-4e8a-9c21-0d6f4b8a1e07");
    }

    @Test
    void should_flag_an_added_child_as_active_with_snomed_child_protection_plan_on_the_patient_by_nhs_number() {
        Bundle bundle = bundle("register-change");
        Flag flag = only(bundle, Flag.class);

        assertThat(flag.getStatus()).isEqualTo(Flag.FlagStatus.ACTIVE);
        assertThat(flag.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://snomed.info/sct");
        assertThat(flag.getCode().getCodingFirstRep().getCode()).isEqualTo("1064311000000109");
        assertThat(flag.getCode().getCodingFirstRep().getDisplay()).isEqualTo("Child protection plan");
        assertThat(flag.getPeriod().getStartElement().getValueAsString()).isEqualTo("2025-06-24");
        Patient patient = resolve(bundle, flag.getSubject().getReference(), Patient.class);
        assertThat(patient.getIdentifierFirstRep().getSystem()).isEqualTo("https://fhir.nhs.uk/Id/nhs-number");
        assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo("9990000018");
    }

    @Test
    void should_set_the_flag_inactive_and_end_it_on_the_day_the_child_is_removed() {
        Bundle bundle = adapter.toValidBundle(Examples.resource("/canonical/register-change-removed.json"), Examples.GP);
        Flag flag = only(bundle, Flag.class);

        assertThat(flag.getStatus()).isEqualTo(Flag.FlagStatus.INACTIVE);
        assertThat(flag.getPeriod().getEndElement().getValueAsString()).isEqualTo("2026-01-15");
        assertThat(only(bundle, Communication.class).getPayloadFirstRep().getContentStringType().getValue())
                .contains("Eligible needs:").contains("Contingency plan:");
    }

    @Test
    void should_carry_the_outline_plan_as_a_text_attachment() {
        DocumentReference doc = only(bundle("outline-plan"), DocumentReference.class);

        assertThat(doc.getContentFirstRep().getAttachment().getContentType()).isEqualTo("text/plain");
        String text = new String(doc.getContentFirstRep().getAttachment().getData(), StandardCharsets.UTF_8);
        assertThat(text).contains("Alys will have breakfast at school every day")
                .contains("2. A core group is formed; it first meets within 10 working days.");
        assertThat(doc.getContext().getRelatedFirstRep().getIdentifier().getValue()).isEqualTo("CCS-ICPC-2025-0042");
    }

    @Test
    void should_carry_the_minutes_pdf_unchanged_and_mark_minutes_that_are_not_final_as_preliminary() throws Exception {
        DocumentReference doc = only(bundle("conference-minutes"), DocumentReference.class);

        String sentBase64 = com.fasterxml.jackson.databind.json.JsonMapper.builder().build()
                .readTree(Examples.valid("conference-minutes")).at("/body/minutes/contentBase64").asText();
        assertThat(doc.getContentFirstRep().getAttachment().getData()).isEqualTo(Base64.getDecoder().decode(sentBase64));
        assertThat(doc.getContentFirstRep().getAttachment().getContentType()).isEqualTo("application/pdf");
        assertThat(doc.getDocStatus()).isEqualTo(DocumentReference.ReferredDocumentStatus.PRELIMINARY);
    }

    @ParameterizedTest
    @EnumSource(value = MessageType.class, mode = EnumSource.Mode.EXCLUDE,
            names = {"CONFERENCE_INVITATION", "OUTLINE_PLAN", "CONFERENCE_MINUTES", "REGISTER_CHANGE",
                    "SECTION_47_DETERMINATION", "CONFERENCE_CANCELLATION"})
    void should_carry_every_other_type_as_a_valid_communication_with_a_notice_and_the_canonical_body(MessageType type)
            throws Exception {
        var request = adapter.toAgencyRequest(Examples.valid(type.wireName()), Examples.GP);
        org.hl7.fhir.r4.model.Bundle bundle = (org.hl7.fhir.r4.model.Bundle) GpFhirContext.parse(
                new String(request.body(), java.nio.charset.StandardCharsets.UTF_8));
        org.hl7.fhir.r4.model.MessageHeader header =
                (org.hl7.fhir.r4.model.MessageHeader) bundle.getEntryFirstRep().getResource();
        assertThat(header.getEventCoding().getCode()).isEqualTo(type.wireName());
        org.hl7.fhir.r4.model.Communication communication = only(bundle, org.hl7.fhir.r4.model.Communication.class);
        assertThat(communication.getPayload()).hasSize(2);
        assertThat(communication.getPayload().get(0).getContentStringType().getValue())
                .startsWith("Hysbysiad gan yr hwb diogelu: " + Letters.typeInWords(type, true) + "\n")
                .contains("\n\nSafeguarding hub notice: " + Letters.typeInWords(type, false) + "\n");
        var body = com.fasterxml.jackson.databind.json.JsonMapper.builder().build()
                .readTree(communication.getPayload().get(1).getContentAttachment().getData());
        assertThat(body).isEqualTo(com.fasterxml.jackson.databind.json.JsonMapper.builder().build()
                .readTree(Examples.valid(type.wireName())).get("body"));
        assertThat(GpFhirValidator.errors(GpFhirValidator.validate(bundle))).isEmpty();
    }

    @Test
    void should_make_the_same_message_for_a_resend_so_the_gp_system_can_deduplicate_it() {
        var later = new GpFhirAdapter(Clock.fixed(Instant.parse("2025-06-11T10:00:00Z"), ZoneOffset.UTC));

        Bundle first = adapter.toValidBundle(Examples.valid("conference-invitation"), Examples.GP);
        Bundle resend = later.toValidBundle(Examples.valid("conference-invitation"), Examples.GP);

        assertThat(resend.getTimestamp()).isAfter(first.getTimestamp());
        first.setTimestamp(null);
        resend.setTimestamp(null);
        assertThat(GpFhirContext.toJson(resend)).isEqualTo(GpFhirContext.toJson(first));
    }

    @Test
    void should_use_the_configured_ods_code_when_the_children_are_registered_at_different_practices() {
        byte[] twoPractices = Examples.changed("conference-invitation", this::addSiblingAtAnotherPractice);
        AgencyEndpoint configured = new AgencyEndpoint("gp-z99001", Examples.GP.url(), "fhir-r4", Map.of("ods-code", "Z99001"));

        Bundle bundle = adapter.toValidBundle(twoPractices, configured);

        Task task = only(bundle, Task.class);
        assertThat(resolve(bundle, task.getOwner().getReference(), Organization.class).getIdentifierFirstRep().getValue())
                .isEqualTo("Z99001");
        assertThat(task.hasFor()).as("two children: the Task is for neither").isFalse();
    }

    @Test
    void should_use_the_directory_ods_code_of_the_practice_before_any_configured_one() {
        byte[] twoPractices = Examples.changed("conference-invitation", this::addSiblingAtAnotherPractice);
        AgencyEndpoint fromDirectory = new AgencyEndpoint("gp-z99001", Examples.GP.url(), "fhir-r4",
                Map.of("ods-code", "W99999"), null, "Z99001");

        Bundle bundle = adapter.toValidBundle(twoPractices, fromDirectory);

        Task task = only(bundle, Task.class);
        assertThat(resolve(bundle, task.getOwner().getReference(), Organization.class).getIdentifierFirstRep().getValue())
                .isEqualTo("Z99001");
    }

    @Test
    void should_refuse_a_report_request_when_it_cannot_tell_which_practice_the_recipient_is() {
        byte[] twoPractices = Examples.changed("conference-invitation", this::addSiblingAtAnotherPractice);

        assertThatThrownBy(() -> adapter.toAgencyRequest(twoPractices, Examples.GP))
                .isInstanceOf(UnsendableMessageException.class)
                .hasMessageContaining("cannot tell which GP practice gp-z99001 is")
                .hasMessageContaining("hub.agencies.gp-z99001.ods-code");
    }

    @Test
    void should_refuse_a_body_that_does_not_fit_its_type_naming_where_but_not_the_value() {
        byte[] badDate = Examples.changed("register-change", m -> Examples.body(m).put("effectiveOn", "Alys-birthday"));

        assertThatThrownBy(() -> adapter.toAgencyRequest(badDate, Examples.GP))
                .isInstanceOf(UnsendableMessageException.class)
                .hasMessageContaining("/effectiveOn")
                .hasMessageNotContaining("Alys");
    }

    @Test
    void should_ask_the_hub_for_the_optional_ods_code_setting() {
        assertThat(adapter.secretNames()).containsExactly("ods-code");
    }

    @Test
    void should_be_found_by_the_service_loader_under_its_transport_name() {
        assertThat(ServiceLoader.load(OutboundAdapter.class).stream().map(ServiceLoader.Provider::get))
                .anyMatch(a -> a.transport().equals("fhir-r4") && a instanceof GpFhirAdapter);
    }

    private void addSiblingAtAnotherPractice(ObjectNode message) {
        var children = Examples.body(message).withArray("children");
        ObjectNode sibling = children.get(0).deepCopy();
        sibling.put("name", "Osian Enghraifft");
        sibling.put("nhsNumber", "9990000026");
        ((ObjectNode) sibling.get("gpPractice")).put("odsCode", "Z99002").put("name", "Other Surgery");
        children.add(sibling);
    }

    private Bundle bundle(String type) {
        return adapter.toValidBundle(Examples.valid(type), Examples.GP);
    }

    static <T extends Resource> T only(Bundle bundle, Class<T> type) {
        List<T> found = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(type::isInstance).map(type::cast).toList();
        assertThat(found).as(type.getSimpleName()).hasSize(1);
        return found.get(0);
    }

    static <T extends Resource> T resolve(Bundle bundle, String reference, Class<T> type) {
        return bundle.getEntry().stream().filter(e -> reference.equals(e.getFullUrl()))
                .map(Bundle.BundleEntryComponent::getResource).map(type::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no entry " + reference));
    }
}
