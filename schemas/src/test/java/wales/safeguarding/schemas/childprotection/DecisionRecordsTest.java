package wales.safeguarding.schemas.childprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import wales.safeguarding.schemas.Examples;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.MessageType;
import wales.safeguarding.schemas.validation.CanonicalValidator;

/** The records of issue 10's contract: their JSON round trip, and the constructors kept for callers of 1.0. */
class DecisionRecordsTest {

    private static Envelope example(String file) throws IOException {
        return CanonicalJson.read(Examples.bytes("examples/valid/" + file));
    }

    private static <T> T roundTrip(T body, Class<T> type) throws IOException {
        return CanonicalJson.mapper().readValue(CanonicalJson.write(body), type);
    }

    @Test
    @DisplayName("issue 10 defect 2: a section 47 determination binds and writes every field")
    void should_read_a_section_47_determination_and_write_it_back_unchanged() throws IOException {
        Envelope envelope = example("section-47-determination.json");

        Section47Determination determination = CanonicalJson.bodyAs(envelope, Section47Determination.class);

        assertThat(determination.enquiryId()).isEqualTo("CCS-S47-2025-0117");
        assertThat(determination.concludedOn()).isEqualTo(LocalDate.of(2025, 6, 9));
        assertThat(determination.outcome()).isEqualTo(Section47Determination.OUTCOME_CONVENE_CONFERENCE);
        assertThat(determination.convenesConference()).isTrue();
        assertThat(determination.strategyMeetingId()).isEqualTo("CCS-SM-2025-0117");
        assertThat(determination.dutyToReportId()).isEqualTo(UUID.fromString("3f1c2a9e-5b7d-4e8a-9c21-0d6f4b8a1e01"));
        assertThat(determination.invitees()).extracting(Invitee::agencyId).contains("gp-z99001");
        assertThat(determination.children()).extracting(ChildRef::childReference).containsExactly("CCS-CHILD-004512-1");
        assertThat(roundTrip(determination, Section47Determination.class)).isEqualTo(determination);
        assertThat(CanonicalJson.mapper().readTree(CanonicalJson.write(determination))).isEqualTo(envelope.body());
    }

    @Test
    void should_write_a_determination_built_in_code_that_validates_and_leaves_out_what_is_absent() throws IOException {
        Envelope envelope = example("section-47-determination.json");
        ChildRef child = new ChildRef("Alys Enghraifft", LocalDate.of(2016, 4, 12), null, "W06000010", null, null,
                "CCS-CHILD-004512-1");
        Section47Determination determination = new Section47Determination("CCS-S47-2025-0118", LocalDate.of(2025, 6, 9),
                "not-substantiated", "no-further-action", "The concerns were not substantiated.", null, null, null,
                List.of(child));

        JsonNode written = CanonicalJson.mapper().valueToTree(determination);

        assertThat(determination.convenesConference()).isFalse();
        assertThat(written.has("invitees")).isFalse();
        assertThat(written.has("convenesConference")).isFalse();
        assertThat(CanonicalValidator.fromClasspath().validate(CanonicalJson.mapper().readTree(
                CanonicalJson.write(envelope.withBody(written))))).isEmpty();
    }

    @Test
    @DisplayName("issue 10 defect 2: a conference cancellation says whether the conference is still needed")
    void should_read_a_conference_cancellation_and_write_it_back_unchanged() throws IOException {
        Envelope envelope = example("conference-cancellation.json");

        ConferenceCancellation cancellation = CanonicalJson.bodyAs(envelope, ConferenceCancellation.class);

        assertThat(cancellation.kind()).isEqualTo("review");
        assertThat(cancellation.stillNeeded()).isTrue();
        assertThat(cancellation.children()).hasSize(1);
        assertThat(roundTrip(cancellation, ConferenceCancellation.class)).isEqualTo(cancellation);
        assertThat(CanonicalJson.mapper().readTree(CanonicalJson.write(cancellation))).isEqualTo(envelope.body());
    }

    @Test
    void should_write_still_needed_false_rather_than_leave_it_out() {
        ConferenceCancellation cancellation = new ConferenceCancellation("CCS-ICPC-2025-0042", "initial",
                "The family moved to England.", false, List.of());

        JsonNode written = CanonicalJson.mapper().valueToTree(cancellation);

        assertThat(written.get("stillNeeded").isBoolean()).isTrue();
        assertThat(written.get("stillNeeded").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("issue 10 defect 1: an outline plan for a sibling group carries a decision for each child")
    void should_read_the_decision_for_each_child_of_a_sibling_group() throws IOException {
        Envelope envelope = example("outline-plan-siblings.json");

        OutlinePlan plan = CanonicalJson.bodyAs(envelope, OutlinePlan.class);

        assertThat(plan.children()).extracting(d -> d.child().childReference(), ChildDecision::registered)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CCS-CHILD-004512-1", true),
                        org.assertj.core.groups.Tuple.tuple("CCS-CHILD-004512-2", false));
        assertThat(plan.children().get(0).categoriesOfHarm()).containsExactly("neglect", "emotional-abuse");
        assertThat(plan.children().get(1).categoriesOfHarm()).isNull();
        assertThat(plan.children().get(1).eligibleNeeds()).isNotBlank();
        assertThat(plan.children().get(1).contingencyPlan()).isNotBlank();
        assertThat(roundTrip(plan, OutlinePlan.class)).isEqualTo(plan);
    }

    @Test
    @DisplayName("issue 10 defect 4 / recommendation 1.2: an outline plan keeps eligible needs and a contingency plan")
    void should_round_trip_the_eligible_needs_and_contingency_plan_of_an_outline_plan() throws IOException {
        OutlinePlan plan = CanonicalJson.bodyAs(example("outline-plan.json"), OutlinePlan.class);
        OutlinePlan removal = new OutlinePlan(plan.conferenceId(), plan.heldOn(), plan.outlinePlan(), plan.decisions(),
                false, null, plan.attended(), null, List.of(), "A breakfast club place until March 2026.",
                "If Alys is left alone again, the school tells children's services the same day.", null);

        JsonNode written = CanonicalJson.mapper().valueToTree(removal);

        assertThat(written.get("eligibleNeeds").asText()).startsWith("A breakfast club");
        assertThat(written.get("contingencyPlan").asText()).startsWith("If Alys");
        assertThat(written.has("children")).isFalse();
        assertThat(roundTrip(removal, OutlinePlan.class)).isEqualTo(removal);
    }

    @Test
    void should_keep_the_constructor_of_contract_1_0_for_an_outline_plan_without_the_new_fields() throws IOException {
        OutlinePlan plan = CanonicalJson.bodyAs(example("outline-plan.json"), OutlinePlan.class);

        OutlinePlan old = new OutlinePlan(plan.conferenceId(), plan.heldOn(), plan.outlinePlan(), plan.decisions(),
                plan.registered(), plan.categoriesOfHarm(), plan.attended(), plan.nextConferenceDate(), plan.coreGroup());

        assertThat(old).usingRecursiveComparison().ignoringFields("participation").isEqualTo(plan);
        assertThat(old.participation()).isNull();
        assertThat(old.eligibleNeeds()).isNull();
        assertThat(old.contingencyPlan()).isNull();
        assertThat(old.children()).isNull();
    }

    @Test
    void should_not_let_a_caller_change_the_children_of_an_outline_plan_or_the_categories_of_a_decision() {
        List<ChildDecision> children = new ArrayList<>();
        List<String> categories = new ArrayList<>(List.of("neglect"));
        children.add(new ChildDecision(null, true, categories, null, null));
        OutlinePlan plan = new OutlinePlan("C1", LocalDate.of(2025, 6, 24), "plan", List.of("d"), true, List.of("neglect"),
                List.of(), null, List.of(), null, null, children);

        children.clear();
        categories.add("physical-abuse");

        assertThat(plan.children()).hasSize(1);
        assertThat(plan.children().get(0).categoriesOfHarm()).containsExactly("neglect");
        assertThatThrownBy(() -> plan.children().add(null)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("issue 10 defect 6: a plan update carries the date the core group met")
    void should_round_trip_the_date_the_core_group_met() throws IOException {
        Envelope envelope = example("plan-update-core-group.json");

        PlanUpdate update = CanonicalJson.bodyAs(envelope, PlanUpdate.class);

        assertThat(update.coreGroupMetOn()).isEqualTo(LocalDate.of(2025, 7, 3));
        assertThat(CanonicalJson.mapper().readTree(CanonicalJson.write(update))).isEqualTo(envelope.body());
    }

    @Test
    void should_keep_the_constructor_of_contract_1_0_for_a_plan_update_that_is_not_a_core_group_record()
            throws IOException {
        PlanUpdate update = CanonicalJson.bodyAs(CanonicalJson.read(Examples.bytes(Examples.validPath(
                MessageType.PLAN_UPDATE))), PlanUpdate.class);

        PlanUpdate old = new PlanUpdate(update.planId(), update.summary(), update.actions(), update.child());

        assertThat(old).isEqualTo(update);
        assertThat(old.coreGroupMetOn()).isNull();
        assertThat(CanonicalJson.mapper().valueToTree(old).has("coreGroupMetOn")).isFalse();
    }

    @Test
    void should_keep_the_six_argument_constructor_of_a_child_and_leave_the_reference_out_when_absent() {
        ChildRef child = new ChildRef("Alys Enghraifft", LocalDate.of(2016, 4, 12), "9990000018", "W06000010", null, null);

        assertThat(child.childReference()).isNull();
        assertThat(CanonicalJson.mapper().valueToTree(child).has("childReference")).isFalse();
        assertThat(new ChildRef("Alys Enghraifft", LocalDate.of(2016, 4, 12), "9990000018", "W06000010", null, null,
                "CCS-CHILD-004512-1")).isNotEqualTo(child);
    }

    @Test
    @DisplayName("issue 10 defect 1: each child of a sibling group keeps their own childReference through the record")
    void should_bind_the_child_reference_of_each_sibling() throws IOException {
        ConferenceInvitation invitation = CanonicalJson.bodyAs(example("conference-invitation-siblings.json"),
                ConferenceInvitation.class);

        assertThat(invitation.children()).extracting(ChildRef::childReference)
                .containsExactly("CCS-CHILD-004512-1", "CCS-CHILD-004512-2");
        assertThat(invitation.children()).extracting(c -> c.gpPractice().odsCode()).containsExactly("Z99001", "Z99002");
    }
}
