package wales.safeguarding.adapters.gpfhir;

import static org.assertj.core.api.Assertions.assertThat;
import static wales.safeguarding.adapters.gpfhir.GpFhirAdapterTest.only;
import static wales.safeguarding.adapters.gpfhir.GpFhirAdapterTest.resolve;

import java.util.List;
import java.util.Map;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import wales.safeguarding.schemas.envelope.LanguagePreference;
import wales.safeguarding.schemas.spi.AgencyEndpoint;

/**
 * The decisions that stop or move a clock, as a GP practice receives them (issue 10: the section 47 determination
 * reaches the invitees and the child's GP; a cancellation reaches the parties of the invitation). Every Bundle here
 * passes the validator (base R4 and the hub's rules) before it is returned.
 */
class GpDecisionMappingTest {

    private final GpFhirAdapter adapter = new GpFhirAdapter(Examples.CLOCK);

    private Bundle bundle(byte[] canonical, LanguagePreference language) {
        AgencyEndpoint gp = new AgencyEndpoint(Examples.GP.agencyId(), Examples.GP.url(), Examples.GP.transport(),
                Examples.GP.secrets(), language);
        return adapter.toValidBundle(canonical, gp);
    }

    private static String letter(Bundle bundle) {
        return only(bundle, Communication.class).getPayloadFirstRep().getContentStringType().getValue();
    }

    private static List<String> focus(Bundle bundle) {
        MessageHeader header = (MessageHeader) bundle.getEntryFirstRep().getResource();
        return header.getFocus().stream().map(r -> resolve(bundle, r.getReference(), Resource.class).fhirType()).toList();
    }

    @Test
    @DisplayName("issue 10 defect 2: the outcome of a section 47 enquiry reaches the GP as a letter about the child")
    void should_send_the_outcome_of_a_section_47_enquiry_as_a_letter_about_the_child() {
        Bundle bundle = bundle(Examples.valid("section-47-determination"), LanguagePreference.EN);
        Communication letter = only(bundle, Communication.class);

        assertThat(((MessageHeader) bundle.getEntryFirstRep().getResource()).getEventCoding().getCode())
                .isEqualTo("section-47-determination");
        assertThat(focus(bundle)).containsExactly("Communication");
        assertThat(letter.getStatus()).isEqualTo(Communication.CommunicationStatus.COMPLETED);
        assertThat(letter.getIdentifier()).extracting(i -> i.getSystem() + "|" + i.getValue())
                .contains(FhirSystems.SECTION_47_ENQUIRY + "|CCS-S47-2025-0117");
        Patient child = resolve(bundle, letter.getSubject().getReference(), Patient.class);
        assertThat(child.getIdentifierFirstRep().getValue()).isEqualTo("9990000018");
        assertThat(resolve(bundle, letter.getRecipientFirstRep().getReference(), Organization.class)
                .getIdentifierFirstRep().getValue()).isEqualTo("Z99001");
        assertThat(letter(bundle)).startsWith("Outcome of a section 47 enquiry\n")
                .contains("Enquiry CCS-S47-2025-0117, case CCS-2025-004512, from carmarthenshire-childrens-services")
                .contains("The enquiry concluded on Monday 9 June 2025.")
                .contains("Child: Alys Enghraifft, born 12 April 2016, NHS number 999 000 0018")
                .contains("Outcome: substantiated, a conference is convened.")
                .contains("Next step: convene an initial child protection conference.")
                .contains("the practice will be asked for a written report")
                .contains("Alys has been left alone overnight at least four times")
                .contains("Strategy meeting that started the enquiry: CCS-SM-2025-0117")
                .doesNotContain("Canlyniad");
        assertThat(bundle.getEntry()).noneMatch(e -> e.getResource() instanceof Task || e.getResource() instanceof Appointment);
    }

    @Test
    void should_say_no_further_action_and_promise_no_conference_when_the_enquiry_ends_there() {
        byte[] noFurtherAction = Examples.changed("section-47-determination", m -> Examples.body(m)
                .put("outcome", "not-substantiated").put("nextStep", "no-further-action"));

        String text = letter(bundle(noFurtherAction, LanguagePreference.EN));

        assertThat(text).contains("Outcome: not substantiated.", "Next step: no further action.")
                .doesNotContain("invitation to the initial child protection conference will follow");
    }

    @Test
    @DisplayName("active offer: the determination letter is in Welsh then English when the practice's language is unknown")
    void should_write_the_determination_in_welsh_then_english_when_the_practice_language_is_unknown() {
        String text = letter(bundle(Examples.valid("section-47-determination"), LanguagePreference.UNKNOWN));

        assertThat(text).startsWith("Canlyniad ymholiad adran 47\n")
                .contains("Daeth yr ymholiad i ben ddydd Llun 9 Mehefin 2025.")
                .contains("Plentyn: Alys Enghraifft, ganwyd 12 Ebrill 2016, rhif GIG 999 000 0018")
                .contains("Canlyniad: wedi'i gadarnhau, cynullir cynhadledd.")
                .contains("Y cam nesaf: cynnull cynhadledd amddiffyn plant gychwynnol.")
                .contains("\n\nOutcome of a section 47 enquiry\n");
        assertThat(text.indexOf("Canlyniad ymholiad")).isLessThan(text.indexOf("Outcome of a section 47 enquiry"));
        // the council's reason passes through once per language, untranslated
        assertThat(text.split("Alys has been left alone overnight", -1)).hasSize(3);
        assertThat(letter(bundle(Examples.valid("section-47-determination"), LanguagePreference.CY)))
                .doesNotContain("Outcome", "Next step");
    }

    @Test
    @DisplayName("issue 10 defect 2: a cancelled conference reaches the GP as its Appointment, cancelled, with the reason")
    void should_cancel_the_conference_appointment_by_its_conference_identifier_with_the_reason() {
        Bundle bundle = bundle(Examples.valid("conference-cancellation"), LanguagePreference.EN);
        Appointment appointment = only(bundle, Appointment.class);
        Communication letter = only(bundle, Communication.class);

        assertThat(focus(bundle)).containsExactly("Appointment", "Communication");
        assertThat(appointment.getStatus()).isEqualTo(Appointment.AppointmentStatus.CANCELLED);
        assertThat(appointment.getIdentifierFirstRep().getSystem()).isEqualTo(FhirSystems.CONFERENCE_ID);
        assertThat(appointment.getIdentifierFirstRep().getValue()).isEqualTo("CCS-RCPC-2025-0093");
        assertThat(appointment.getCancelationReason().getText()).startsWith("The chair is unwell");
        assertThat(appointment.hasStart()).isFalse();
        assertThat(appointment.getAppointmentType().getText()).isEqualTo("Review child protection conference");
        assertThat(resolve(bundle, letter.getAboutFirstRep().getReference(), Appointment.class)).isSameAs(appointment);
        assertThat(letter(bundle)).startsWith("The review child protection conference CCS-RCPC-2025-0093 is cancelled.\n")
                .contains("The conference is still needed: it will be re-arranged, and a new invitation will follow.")
                .contains("Why it is cancelled:\nThe chair is unwell");
        assertThat(bundle.getEntry()).as("the report is still wanted for the re-arranged conference")
                .noneMatch(e -> e.getResource() instanceof Task);
    }

    @Test
    @DisplayName("issue 10 defect 2: a conference no longer needed withdraws the GP's written report request")
    void should_cancel_the_written_report_request_when_the_conference_is_no_longer_needed() {
        byte[] notNeeded = Examples.changed("conference-cancellation", m -> Examples.body(m)
                .put("kind", "initial").put("conferenceId", "CCS-ICPC-2025-0042").put("stillNeeded", false)
                .put("reason", "The family moved to England on 12 June 2025; the case has been transferred."));

        Bundle bundle = bundle(notNeeded, LanguagePreference.EN);
        Task task = only(bundle, Task.class);

        assertThat(focus(bundle)).containsExactly("Appointment", "Communication", "Task");
        assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.CANCELLED);
        assertThat(task.getIdentifierFirstRep().getSystem()).isEqualTo(FhirSystems.REPORT_REQUEST);
        assertThat(task.getIdentifierFirstRep().getValue()).as("the identifier of the invitation's request")
                .isEqualTo("CCS-ICPC-2025-0042/gp-z99001");
        assertThat(task.getCode().getCodingFirstRep().getCode()).isEqualTo(FhirSystems.TASK_WRITTEN_REPORT);
        assertThat(resolve(bundle, task.getOwner().getReference(), Organization.class).getIdentifierFirstRep().getValue())
                .isEqualTo("Z99001");
        assertThat(task.getDescription())
                .isEqualTo("The written report for the initial child protection conference CCS-ICPC-2025-0042 is no longer needed");
        assertThat(letter(bundle)).contains("The conference is no longer needed, nor the written report for it.");
    }

    @Test
    void should_write_the_cancellation_in_welsh_for_a_welsh_practice() {
        byte[] notNeeded = Examples.changed("conference-cancellation", m -> Examples.body(m).put("stillNeeded", false));

        Bundle bundle = bundle(notNeeded, LanguagePreference.CY);

        assertThat(letter(bundle)).startsWith("Canslwyd y gynhadledd adolygu amddiffyn plant CCS-RCPC-2025-0093.\n")
                .contains("Nid oes angen y gynhadledd mwyach, na'r adroddiad ysgrifenedig ar ei chyfer.")
                .contains("Pam y'i canslwyd:")
                .doesNotContain("is cancelled", "Why it is cancelled");
        assertThat(only(bundle, Task.class).getDescription()).isEqualTo(
                "Nid oes angen yr adroddiad ysgrifenedig ar gyfer y gynhadledd adolygu amddiffyn plant CCS-RCPC-2025-0093 mwyach");
        assertThat(only(bundle, Appointment.class).getAppointmentType().getText())
                .isEqualTo("Cynhadledd adolygu amddiffyn plant");
    }

    @Test
    @DisplayName("issue 10 defect 1: a cancellation about a sibling group names each child, the practice by its own ODS code")
    void should_name_every_child_of_a_sibling_group_and_identify_the_practice_by_its_configured_ods_code() {
        byte[] siblings = Examples.changed("conference-cancellation", m -> {
            var children = Examples.body(m).withArray("children");
            var brother = children.get(0).deepCopy();
            ((com.fasterxml.jackson.databind.node.ObjectNode) brother).put("name", "Owain Enghraifft")
                    .put("nhsNumber", "9990000026").put("childReference", "CCS-CHILD-004512-2")
                    .putObject("gpPractice").put("odsCode", "Z99002");
            children.add(brother);
        });
        AgencyEndpoint gp = new AgencyEndpoint("gp-z99001", Examples.GP.url(), "fhir-r4", Map.of("ods-code", "Z99001"));

        Bundle bundle = adapter.toValidBundle(siblings, gp);

        assertThat(only(bundle, Appointment.class).getParticipant()).hasSize(2);
        assertThat(only(bundle, Communication.class).hasSubject()).as("two children: the letter is about both").isFalse();
        assertThat(letter(bundle)).contains("Child: Alys Enghraifft", "Child: Owain Enghraifft");
        assertThat(((MessageHeader) bundle.getEntryFirstRep().getResource()).getDestinationFirstRep().hasReceiver()).isTrue();
    }

    @Test
    void should_make_the_same_cancellation_for_a_resend_so_the_gp_system_can_deduplicate_it() {
        Bundle first = bundle(Examples.valid("conference-cancellation"), LanguagePreference.EN);
        Bundle again = bundle(Examples.valid("conference-cancellation"), LanguagePreference.EN);

        assertThat(GpFhirContext.toJson(again)).isEqualTo(GpFhirContext.toJson(first));
    }
}
