package wales.safeguarding.adapters.gpfhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import wales.safeguarding.schemas.envelope.LanguagePreference;
import wales.safeguarding.schemas.spi.AgencyEndpoint;

/**
 * Issue 10 defect 9 (recommendation 1.8): a GP practice provides a written report for every conference, so every
 * invitation it receives asks for it, in the Task and in the letter, whatever the council's
 * {@code writtenReport.requested} says.
 */
class GpWrittenReportTest {

    private final GpFhirAdapter adapter = new GpFhirAdapter(Examples.CLOCK);

    @Test
    @DisplayName("issue 10 defect 9: an invitation with requested false still sends the report Task, due by its date")
    void should_send_the_report_task_when_the_council_requested_no_report() {
        Bundle bundle = adapter.toValidBundle(notRequested(true), Examples.GP);

        Task task = GpFhirAdapterTest.only(bundle, Task.class);
        assertThat(task.getCode().getCodingFirstRep().getCode()).isEqualTo("written-report");
        assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
        assertThat(task.getExecutionPeriod().getEndElement().getValueAsString()).isEqualTo("2025-06-20T17:00:00+01:00");
        assertThat(task.getDescription()).contains("due by Friday 20 June 2025 at 17:00");
        assertThat(((MessageHeader) bundle.getEntryFirstRep().getResource()).getFocus()).hasSize(3);
    }

    @Test
    @DisplayName("issue 10 defect 9: without a due date the Task asks for the report before the conference")
    void should_send_the_report_task_without_a_due_date_when_the_invitation_gives_none() {
        Bundle bundle = adapter.toValidBundle(notRequested(false), Examples.GP);

        Task task = GpFhirAdapterTest.only(bundle, Task.class);
        assertThat(task.getExecutionPeriod().hasEnd()).isFalse();
        assertThat(task.getRestriction().hasPeriod()).isFalse();
        assertThat(task.getDescription()).endsWith(", due before the conference");
    }

    @Test
    @DisplayName("issue 10 defect 9: the English letter says the report is requested when the council requested none")
    void should_ask_for_the_report_in_the_english_letter() {
        assertThat(letter(notRequested(true), LanguagePreference.EN))
                .contains("Written report: please send your written report by Friday 20 June 2025 at 17:00")
                .doesNotContain("not requested");
        assertThat(letter(notRequested(false), LanguagePreference.EN))
                .contains("Written report: please send your written report before the conference (complete the Task");
    }

    @Test
    @DisplayName("issue 10 defect 9: the Welsh letter says the report is requested when the council requested none")
    void should_ask_for_the_report_in_the_welsh_letter() {
        assertThat(letter(notRequested(true), LanguagePreference.CY))
                .contains("Adroddiad ysgrifenedig: anfonwch eich adroddiad ysgrifenedig erbyn Dydd Gwener 20 Mehefin 2025")
                .doesNotContain("ni ofynnwyd amdano");
        assertThat(letter(notRequested(false), LanguagePreference.CY))
                .contains("Adroddiad ysgrifenedig: anfonwch eich adroddiad ysgrifenedig cyn y gynhadledd (cwblhewch y Dasg");
    }

    @Test
    @DisplayName("issue 10 defect 9: a report due at the end of a working day reads as that day, not the next at 00:00")
    void should_say_the_end_of_the_day_for_a_deadline_at_midnight() {
        byte[] endOfFriday = Examples.changed("conference-invitation",
                m -> Examples.body(m).with("writtenReport").put("dueBy", "2025-06-21T00:00:00+01:00"));

        assertThat(letter(endOfFriday, LanguagePreference.EN))
                .contains("please send your written report by the end of Friday 20 June 2025 (complete the Task")
                .doesNotContain("Saturday");
        assertThat(letter(endOfFriday, LanguagePreference.CY))
                .contains("anfonwch eich adroddiad ysgrifenedig erbyn diwedd Dydd Gwener 20 Mehefin 2025 (cwblhewch");
    }

    private String letter(byte[] invitation, LanguagePreference language) {
        AgencyEndpoint gp = new AgencyEndpoint(Examples.GP.agencyId(), Examples.GP.url(), Examples.GP.transport(),
                Map.of(), language);
        Bundle bundle = adapter.toValidBundle(invitation, gp);
        return GpFhirAdapterTest.only(bundle, Communication.class).getPayloadFirstRep().getContentStringType().getValue();
    }

    /** The example invitation with {@code writtenReport.requested: false}, keeping its due date or not. */
    private static byte[] notRequested(boolean keepDueBy) {
        return Examples.changed("conference-invitation", m -> {
            ObjectNode report = Examples.body(m).with("writtenReport");
            report.put("requested", false);
            if (!keepDueBy) {
                report.remove("dueBy");
            }
        });
    }
}
