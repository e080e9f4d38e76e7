package wales.safeguarding.schemas.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import wales.safeguarding.schemas.Examples;
import wales.safeguarding.schemas.envelope.MessageType;

/** The rules of the child protection messages that the invalid examples do not show one by one. */
class ChildProtectionValidationTest {

    private final CanonicalValidator validator = CanonicalValidator.fromClasspath();

    private static ObjectNode body(ObjectNode message) {
        return (ObjectNode) message.get("body");
    }

    @ParameterizedTest
    @EnumSource(value = MessageType.class, names = {"STRATEGY_MEETING_INVITATION", "SECTION_47_DETERMINATION",
            "CONFERENCE_INVITATION", "CONFERENCE_CANCELLATION", "CONFERENCE_REPORT", "OUTLINE_PLAN",
            "CONFERENCE_MINUTES", "MINUTES_CORRECTION", "REGISTER_CHANGE", "PLAN_UPDATE", "INFORMATION_SHARE",
            "HEALTH_ALERT", "SCHOOL_ALERT", "SCHOOL_TRANSFER"})
    void should_require_a_case_reference_on_every_child_protection_message(MessageType type) {
        ObjectNode message = Examples.valid(type);
        message.remove("caseReference");

        assertThat(validator.validate(message)).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/caseReference", "required"));
    }

    @ParameterizedTest
    @EnumSource(value = MessageType.class, names = {"DUTY_TO_REPORT", "REPORT_ACKNOWLEDGEMENT", "REPORT_OUTCOME",
            "DELIVERY_RECEIPT", "ESCALATION", "ACKNOWLEDGEMENT"})
    void should_not_require_a_case_reference_on_the_duty_to_report_exchange_or_hub_messages(MessageType type) {
        ObjectNode message = Examples.valid(type);
        message.remove("caseReference");

        assertThat(validator.validate(message)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = MessageType.class, names = {"STRATEGY_MEETING_INVITATION", "SECTION_47_DETERMINATION",
            "CONFERENCE_INVITATION", "CONFERENCE_CANCELLATION", "OUTLINE_PLAN", "CONFERENCE_MINUTES",
            "REGISTER_CHANGE", "PLAN_UPDATE", "INFORMATION_SHARE", "HEALTH_ALERT", "SCHOOL_ALERT", "SCHOOL_TRANSFER"})
    void should_not_require_a_correlation_id_where_nothing_is_answered(MessageType type) {
        ObjectNode message = Examples.valid(type);
        message.remove("correlationId");

        assertThat(validator.validate(message)).isEmpty();
    }

    @Test
    void should_require_an_address_for_a_hybrid_meeting() {
        ObjectNode message = Examples.valid(MessageType.CONFERENCE_INVITATION);
        ((ObjectNode) body(message).at("/meeting/joining")).remove("address");

        assertThat(validator.validate(message)).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/body/meeting/joining/address", "required"));
    }

    @Test
    void should_accept_a_face_to_face_meeting_without_a_link() {
        ObjectNode message = Examples.valid(MessageType.STRATEGY_MEETING_INVITATION);
        ((ObjectNode) body(message).get("meeting")).put("format", "face-to-face");
        ((ObjectNode) body(message).at("/meeting/joining")).remove("link");

        assertThat(validator.validate(message)).isEmpty();
    }

    @Test
    void should_accept_a_virtual_meeting_without_an_address() {
        ObjectNode message = Examples.valid(MessageType.STRATEGY_MEETING_INVITATION);
        ((ObjectNode) body(message).get("meeting")).put("format", "virtual");
        ((ObjectNode) body(message).at("/meeting/joining")).remove("address");

        assertThat(validator.validate(message)).isEmpty();
    }

    @Test
    void should_accept_a_removal_from_the_register_that_states_eligible_needs_and_a_contingency_plan() {
        ObjectNode message = Examples.valid(MessageType.REGISTER_CHANGE);
        ObjectNode body = body(message);
        body.put("change", "removed");
        body.remove("categoriesOfHarm");
        body.put("eligibleNeeds", "A breakfast club place and a family support worker weekly until March 2026.");
        body.put("contingencyPlan", "If Alys is left alone again, the school or police tell children's services the same day.");

        assertThat(validator.validate(message)).isEmpty();
    }

    @Test
    void should_reject_a_removal_that_states_neither_eligible_needs_nor_a_contingency_plan() {
        ObjectNode message = Examples.valid(MessageType.REGISTER_CHANGE);
        body(message).put("change", "removed");
        body(message).remove("categoriesOfHarm");

        assertThat(validator.validate(message)).extracting(Violation::pointer, Violation::rule).containsExactly(
                tuple("/body/contingencyPlan", "required"), tuple("/body/eligibleNeeds", "required"));
    }

    @Test
    void should_accept_a_review_conference_without_a_last_strategy_discussion() {
        ObjectNode message = Examples.valid(MessageType.CONFERENCE_INVITATION);
        ObjectNode body = body(message);
        body.put("kind", "review");
        body.remove("lastStrategyDiscussionAt");
        body.put("previousConferenceId", "CCS-ICPC-2025-0042");
        body.put("rescheduledFrom", "2025-09-16T10:00:00+01:00");

        assertThat(validator.validate(message)).isEmpty();
    }

    @Test
    void should_accept_a_written_report_not_requested_without_a_due_date() {
        ObjectNode message = Examples.valid(MessageType.CONFERENCE_INVITATION);
        ObjectNode report = (ObjectNode) body(message).get("writtenReport");
        report.put("requested", false);
        report.remove("dueBy");

        assertThat(validator.validate(message)).isEmpty();
    }

    @Test
    void should_accept_an_outline_plan_that_does_not_register_without_categories_or_core_group() {
        ObjectNode message = Examples.valid(MessageType.OUTLINE_PLAN);
        ObjectNode body = body(message);
        body.put("registered", false);
        body.remove("categoriesOfHarm");
        body.putArray("coreGroup");

        assertThat(validator.validate(message)).isEmpty();
    }

    @Test
    void should_accept_plain_text_sent_as_base64() {
        ObjectNode message = Examples.valid(MessageType.CONFERENCE_REPORT);
        ObjectNode report = (ObjectNode) body(message).get("report");
        String text = report.remove("text").asText();
        report.put("contentBase64", Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));

        assertThat(validator.validate(message)).isEmpty();
    }

    @Test
    void should_accept_a_safety_plan_alert_that_carries_the_plan() {
        ObjectNode message = Examples.valid(MessageType.HEALTH_ALERT);
        body(message).put("kind", "safety-plan");

        assertThat(validator.validate(message)).isEmpty();
    }

    @Test
    void should_check_the_nhs_number_of_every_child_a_strategy_meeting_is_about() {
        ObjectNode message = Examples.valid(MessageType.STRATEGY_MEETING_INVITATION);
        ObjectNode second = body(message).get("children").get(0).deepCopy();
        second.put("name", "Second Child");
        second.put("nhsNumber", "9990000019");
        body(message).withArray("children").add(second);

        assertThat(validator.validate(message)).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/body/children/1/nhsNumber", Violation.NHS_NUMBER_CHECK_DIGIT));
    }

    @Test
    void should_not_look_for_an_nhs_number_where_the_type_has_no_child() {
        ObjectNode message = Examples.valid(MessageType.REPORT_OUTCOME);
        body(message).putObject("child").put("nhsNumber", "9990000017");

        assertThat(validator.validate(message)).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/body/child", "additionalProperties"));
    }

    @Test
    void should_accept_a_school_transfer_naming_the_schools_by_agency_id_only() {
        ObjectNode message = Examples.valid(MessageType.SCHOOL_TRANSFER);
        ((ObjectNode) body(message).get("oldSchool")).remove("schoolNumber");
        body(message).putObject("newSchool").put("agencyId", "school-6699002");

        assertThat(validator.validate(message)).isEmpty();
    }

    @Test
    void should_name_both_ways_of_naming_a_school_when_a_transfer_gives_neither() {
        ObjectNode message = Examples.valid(MessageType.SCHOOL_TRANSFER);
        body(message).putObject("newSchool").put("name", "Demo Primary School");

        assertThat(validator.validate(message)).extracting(Violation::pointer, Violation::rule).containsExactly(
                tuple("/body/newSchool/agencyId", "required"), tuple("/body/newSchool/schoolNumber", "required"));
    }

    @Test
    void should_accept_the_file_of_a_child_known_to_childrens_services_without_a_plan() {
        ObjectNode message = Examples.valid(MessageType.SCHOOL_TRANSFER);
        ObjectNode file = (ObjectNode) body(message).get("safeguardingFile");
        file.remove(java.util.List.of("plan", "latestMinutes", "attachments"));

        assertThat(validator.validate(message)).isEmpty();
    }

    @Test
    void should_name_the_chronology_and_a_bad_document_in_a_school_transfer_file() {
        ObjectNode message = Examples.valid(MessageType.SCHOOL_TRANSFER);
        ObjectNode file = (ObjectNode) body(message).get("safeguardingFile");
        file.remove("chronology");
        ((ObjectNode) file.get("attachments").get(0)).put("text", "both text and bytes");
        ((ObjectNode) body(message).get("child")).put("nhsNumber", "9990000019");

        assertThat(validator.validate(message)).extracting(Violation::pointer, Violation::rule).containsExactlyInAnyOrder(
                tuple("/body/child/nhsNumber", Violation.NHS_NUMBER_CHECK_DIGIT),
                tuple("/body/safeguardingFile/attachments/0", "oneOf"),
                tuple("/body/safeguardingFile/chronology", "required"));
    }
}
