package wales.safeguarding.schemas.childprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import wales.safeguarding.schemas.Examples;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.Language;
import wales.safeguarding.schemas.envelope.MessageType;

class ChildProtectionRecordsTest {

    private static Envelope example(MessageType type) throws IOException {
        return CanonicalJson.read(Examples.bytes(Examples.validPath(type)));
    }

    @Test
    void should_read_and_write_the_final_flag_of_minutes_by_its_wire_name() throws IOException {
        ConferenceMinutes minutes = CanonicalJson.bodyAs(example(MessageType.CONFERENCE_MINUTES), ConferenceMinutes.class);
        ConferenceMinutes finalMinutes = new ConferenceMinutes(minutes.conferenceId(), minutes.minutes(), true);

        JsonNode written = CanonicalJson.mapper().valueToTree(finalMinutes);

        assertThat(minutes.isFinal()).isFalse();
        assertThat(written.get("final").asBoolean()).isTrue();
        assertThat(written.has("isFinal")).isFalse();
    }

    @Test
    void should_bind_the_child_of_a_register_change_with_the_school_and_gp_practice_shapes() throws IOException {
        RegisterChange change = CanonicalJson.bodyAs(example(MessageType.REGISTER_CHANGE), RegisterChange.class);

        assertThat(change.child().nhsNumber()).isEqualTo("9990000018");
        assertThat(change.child().dateOfBirth()).isEqualTo(LocalDate.of(2016, 4, 12));
        assertThat(change.child().school().schoolNumber()).isEqualTo("6699001");
        assertThat(change.child().gpPractice().odsCode()).isEqualTo("Z99001");
        assertThat(change.categoriesOfHarm()).containsExactly("neglect", "emotional-abuse");
    }

    @Test
    void should_bind_the_language_of_agency_documents() throws IOException {
        ConferenceReport report = CanonicalJson.bodyAs(example(MessageType.CONFERENCE_REPORT), ConferenceReport.class);

        assertThat(report.report().language()).isEqualTo(Language.EN);
        assertThat(report.report().text()).isNotBlank();
        assertThat(report.report().contentBase64()).isNull();
    }

    @Test
    void should_not_let_a_caller_change_the_lists_of_an_outline_plan_after_construction() throws IOException {
        OutlinePlan plan = CanonicalJson.bodyAs(example(MessageType.OUTLINE_PLAN), OutlinePlan.class);
        List<String> decisions = new ArrayList<>(plan.decisions());

        OutlinePlan copy = new OutlinePlan(plan.conferenceId(), plan.heldOn(), plan.outlinePlan(), decisions,
                plan.registered(), plan.categoriesOfHarm(), plan.attended(), plan.nextConferenceDate(), plan.coreGroup());
        decisions.add("added later");

        assertThat(copy.decisions()).isEqualTo(plan.decisions());
        assertThatThrownBy(() -> copy.coreGroup().add(null)).isInstanceOf(UnsupportedOperationException.class);
    }
}
