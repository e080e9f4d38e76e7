package wales.safeguarding.schemas.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import wales.safeguarding.schemas.Examples;
import wales.safeguarding.schemas.envelope.MessageType;

/** The principles behind the policy (design/domain.md, data protection), each stated as a test. */
class NeedToKnowPolicyTest {

    private static final List<String> HEALTH = List.of("gp-practice", "health-board");
    /** Keys under which a body names or identifies a person. */
    private static final List<String> IDENTIFYING_KEYS =
            List.of("children", "child", "name", "dateOfBirth", "nhsNumber", "address", "householdMembers", "email");

    private final NeedToKnowPolicy policy = NeedToKnowPolicy.fromClasspath();

    private static ObjectNode body(MessageType type) {
        return (ObjectNode) Examples.valid(type).get("body");
    }

    private static ObjectNode removal() {
        ObjectNode removal = body(MessageType.REGISTER_CHANGE);
        removal.put("change", "removed");
        removal.put("effectiveOn", "2025-12-16");
        removal.remove("categoriesOfHarm");
        removal.put("eligibleNeeds", "A breakfast club place and a family support worker weekly until March 2026.");
        removal.put("contingencyPlan", "If Alys is left alone again, the school or police tell children's services the same day.");
        return removal;
    }

    @Test
    void should_share_one_policy_loaded_once() {
        assertThat(NeedToKnowPolicy.fromClasspath()).isSameAs(policy);
    }

    @Test
    void should_not_give_a_school_police_intelligence_about_a_household_member() {
        ObjectNode share = body(MessageType.INFORMATION_SHARE);

        JsonNode forSchool = policy.bodyFor(MessageType.INFORMATION_SHARE, "school", share);

        assertThat(forSchool.has("policeIntelligence")).isFalse();
        assertThat(forSchool.path("about").has("name")).isFalse();
        assertThat(forSchool.toString()).doesNotContain("Owain", "conviction for assault");
        assertThat(forSchool.path("about").path("role").asText()).isEqualTo("household-member");
        assertThat(forSchool.get("summary")).isEqualTo(share.get("summary"));
        assertThat(forSchool.get("handlingRestrictions")).isEqualTo(share.get("handlingRestrictions"));
        assertThat(policy.withheld(MessageType.INFORMATION_SHARE, "school", share))
                .contains("/policeIntelligence", "/about/name");
    }

    @Test
    void should_give_a_health_boards_health_visiting_and_school_nursing_services_what_the_health_board_receives() {
        for (MessageType type : List.of(MessageType.CONFERENCE_INVITATION, MessageType.DUTY_TO_REPORT,
                MessageType.INFORMATION_SHARE)) {
            ObjectNode body = body(type);
            for (String service : List.of("health-visiting", "school-nursing")) {
                assertThat(policy.bodyFor(type, service, body)).as(service + " " + type)
                        .isEqualTo(policy.bodyFor(type, "health-board", body));
                assertThat(policy.withheld(type, service, body)).as(service + " " + type)
                        .isEqualTo(policy.withheld(type, "health-board", body));
            }
        }
    }

    @Test
    void should_give_police_intelligence_only_to_the_police_and_the_council() {
        ObjectNode share = body(MessageType.INFORMATION_SHARE);

        for (String kind : NeedToKnowPolicy.RECIPIENT_KINDS) {
            assertThat(policy.bodyFor(MessageType.INFORMATION_SHARE, kind, share).has("policeIntelligence"))
                    .as(kind).isEqualTo(kind.equals("police") || kind.equals("council"));
        }
    }

    @Test
    void should_not_give_a_school_the_household_members_of_a_duty_to_report() {
        ObjectNode report = body(MessageType.DUTY_TO_REPORT);

        JsonNode forSchool = policy.bodyFor(MessageType.DUTY_TO_REPORT, "school", report);

        assertThat(forSchool.has("householdMembers")).isFalse();
        assertThat(forSchool.toString()).doesNotContain("Rhian");
        assertThat(forSchool.get("description")).isEqualTo(report.get("description"));
        assertThat(forSchool.path("children").path(0).path("name").asText()).isEqualTo("Alys Enghraifft");
    }

    @Test
    void should_not_give_health_the_reporters_notes_on_household_members() {
        ObjectNode report = body(MessageType.DUTY_TO_REPORT);

        for (String kind : HEALTH) {
            JsonNode member = policy.bodyFor(MessageType.DUTY_TO_REPORT, kind, report).path("householdMembers").path(0);
            assertThat(member.has("notes")).as(kind).isFalse();
            assertThat(member.path("relationship").asText()).as(kind).isEqualTo("mother");
        }
    }

    @Test
    void should_give_clinical_detail_of_a_health_alert_only_to_gp_practices_health_boards_and_the_council() {
        ObjectNode alert = body(MessageType.HEALTH_ALERT);

        for (String kind : NeedToKnowPolicy.RECIPIENT_KINDS) {
            assertThat(policy.bodyFor(MessageType.HEALTH_ALERT, kind, alert).has("clinicalDetail"))
                    .as(kind).isEqualTo(HEALTH.contains(kind) || kind.equals("council"));
        }
    }

    @Test
    void should_give_a_school_the_safety_plan_of_a_self_harm_incident() {
        ObjectNode alert = body(MessageType.HEALTH_ALERT);

        JsonNode forSchool = policy.bodyFor(MessageType.HEALTH_ALERT, "school", alert);

        assertThat(forSchool.get("kind").asText()).isEqualTo("self-harm-incident");
        assertThat(forSchool.get("safetyPlan")).isEqualTo(alert.get("safetyPlan"));
        assertThat(forSchool.get("summary")).isEqualTo(alert.get("summary"));
        assertThat(forSchool.get("riskLevel")).isEqualTo(alert.get("riskLevel"));
    }

    @Test
    void should_give_a_gp_practice_a_health_relevant_school_alert_whole() {
        ObjectNode alert = body(MessageType.SCHOOL_ALERT);
        assertThat(alert.get("healthRelevant").asBoolean()).isTrue();

        assertThat(policy.bodyFor(MessageType.SCHOOL_ALERT, "gp-practice", alert)).isEqualTo(alert);
    }

    @Test
    void should_give_a_gp_practice_the_health_relevant_summary_of_a_conference_report_and_not_the_others() {
        ObjectNode report = body(MessageType.CONFERENCE_REPORT);

        for (String kind : NeedToKnowPolicy.RECIPIENT_KINDS) {
            assertThat(policy.bodyFor(MessageType.CONFERENCE_REPORT, kind, report).has("healthRelevantSummary"))
                    .as(kind).isEqualTo(HEALTH.contains(kind) || kind.equals("council"));
        }
    }

    @Test
    void should_give_a_gp_practice_the_whole_minutes() {
        ObjectNode minutes = body(MessageType.CONFERENCE_MINUTES);

        assertThat(policy.bodyFor(MessageType.CONFERENCE_MINUTES, "gp-practice", minutes)).isEqualTo(minutes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"council", "police", "gp-practice", "health-board", "school"})
    void should_give_the_whole_outline_plan_but_how_the_children_took_part_to_every_kind_at_a_conference(String kind) {
        ObjectNode plan = body(MessageType.OUTLINE_PLAN);
        boolean council = kind.equals("council");
        ObjectNode expected = plan.deepCopy();
        if (!council) {
            expected.remove("participation");
        }

        assertThat(policy.bodyFor(MessageType.OUTLINE_PLAN, kind, plan)).isEqualTo(expected);
        assertThat(policy.withheld(MessageType.OUTLINE_PLAN, kind, plan))
                .containsExactlyElementsOf(council ? List.of() : List.of("/participation"));
    }

    @Test
    void should_give_the_nhs_number_on_a_register_change_to_health_but_not_to_school_or_police() {
        ObjectNode change = body(MessageType.REGISTER_CHANGE);

        for (String kind : NeedToKnowPolicy.RECIPIENT_KINDS) {
            assertThat(policy.bodyFor(MessageType.REGISTER_CHANGE, kind, change).path("child").has("nhsNumber"))
                    .as(kind).isEqualTo(HEALTH.contains(kind) || kind.equals("council"));
        }
    }

    @Test
    void should_give_the_eligible_needs_and_contingency_plan_of_a_removal_to_health_and_school() {
        ObjectNode removal = removal();

        for (String kind : List.of("gp-practice", "health-board", "school")) {
            JsonNode delivered = policy.bodyFor(MessageType.REGISTER_CHANGE, kind, removal);
            assertThat(delivered.get("eligibleNeeds")).as(kind).isEqualTo(removal.get("eligibleNeeds"));
            assertThat(delivered.get("contingencyPlan")).as(kind).isEqualTo(removal.get("contingencyPlan"));
        }
        JsonNode forPolice = policy.bodyFor(MessageType.REGISTER_CHANGE, "police", removal);
        assertThat(forPolice.has("contingencyPlan")).isTrue();
        assertThat(forPolice.has("eligibleNeeds")).isFalse();
    }

    @Test
    void should_give_a_safeguarding_board_only_the_change_date_and_categories_of_a_register_change() {
        List<String> added = new ArrayList<>();
        policy.bodyFor(MessageType.REGISTER_CHANGE, "safeguarding-board", body(MessageType.REGISTER_CHANGE))
                .fieldNames().forEachRemaining(added::add);
        List<String> removed = new ArrayList<>();
        policy.bodyFor(MessageType.REGISTER_CHANGE, "safeguarding-board", removal())
                .fieldNames().forEachRemaining(removed::add);

        assertThat(added).containsExactly("change", "effectiveOn", "categoriesOfHarm");
        assertThat(removed).containsExactly("change", "effectiveOn");
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void should_give_a_safeguarding_board_nothing_that_identifies_a_child(MessageType type) {
        JsonNode forBoard = policy.bodyFor(type, "safeguarding-board", body(type));
        if (type == MessageType.BOARD_REPORT_EXPORT) {
            // the export's rows are agencies, each with its agency's name (the console report's "name"): no person
            forBoard.path("reports").forEach(report -> report.path("rows").forEach(row -> {
                assertThat(row.path("group").asText()).as("a row is an agency").matches("^[a-z0-9][a-z0-9-]{1,62}$");
                ((ObjectNode) row).remove("name");
            }));
        }

        assertThat(keys(forBoard)).doesNotContainAnyElementsOf(IDENTIFYING_KEYS);
        // the examples' people are all Enghraifft; the child's NHS number, date of birth and postcode
        assertThat(forBoard.toString()).doesNotContain("Enghraifft", "Alys", "9990000018", "2016-04-12", "SA31");
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    void should_give_a_council_the_whole_body_of_every_message_type(MessageType type) {
        ObjectNode body = body(type);

        assertThat(policy.bodyFor(type, "council", body)).isEqualTo(body);
        assertThat(policy.withheld(type, "council", body)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"police", "gp-practice", "health-board", "school", "safeguarding-board", "education-service"})
    void should_withhold_from_all_but_the_council_a_field_the_policy_does_not_list(String kind) {
        ObjectNode alert = body(MessageType.HEALTH_ALERT);
        alert.put("addedInVersion1_1", "anything");

        assertThat(policy.bodyFor(MessageType.HEALTH_ALERT, kind, alert).has("addedInVersion1_1")).isFalse();
        assertThat(policy.withheld(MessageType.HEALTH_ALERT, kind, alert)).contains("/addedInVersion1_1");
        assertThat(policy.bodyFor(MessageType.HEALTH_ALERT, "council", alert).has("addedInVersion1_1")).isTrue();
    }

    @Test
    void should_give_the_safeguarding_file_to_the_new_school_only() {
        ObjectNode transfer = body(MessageType.SCHOOL_TRANSFER);

        JsonNode forNewSchool = policy.bodyFor(MessageType.SCHOOL_TRANSFER, "school", "new-school", transfer);

        assertThat(forNewSchool.get("safeguardingFile")).isEqualTo(transfer.get("safeguardingFile"));
        assertThat(policy.withheld(MessageType.SCHOOL_TRANSFER, "school", "new-school", transfer))
                .containsExactly("/child/nhsNumber", "/child/gpPractice");
        for (String kind : List.of("school", "education-service", "police", "gp-practice", "health-board",
                "safeguarding-board")) {
            JsonNode copy = policy.bodyFor(MessageType.SCHOOL_TRANSFER, kind, transfer);
            assertThat(copy.has("safeguardingFile")).as("%s receives no file", kind).isFalse();
            assertThat(copy.toString()).as(kind).doesNotContain("chronology", "Demo Social Worker", "JVBER");
        }
    }

    @Test
    void should_tell_the_old_school_and_the_education_service_who_moved_from_where_to_where_and_when() {
        ObjectNode transfer = body(MessageType.SCHOOL_TRANSFER);

        for (String kind : List.of("school", "education-service")) {
            JsonNode notice = policy.bodyFor(MessageType.SCHOOL_TRANSFER, kind, transfer);
            assertThat(notice.path("child").path("name").asText()).isEqualTo("Alys Enghraifft");
            assertThat(notice.get("oldSchool")).isEqualTo(transfer.get("oldSchool"));
            assertThat(notice.get("newSchool")).isEqualTo(transfer.get("newSchool"));
            assertThat(notice.path("startsOn").asText()).isEqualTo("2025-09-08");
        }
    }

    @Test
    void should_name_the_roles_a_type_defines_and_refuse_any_other() {
        ObjectNode transfer = body(MessageType.SCHOOL_TRANSFER);

        assertThat(policy.roles(MessageType.SCHOOL_TRANSFER)).containsExactly("new-school");
        assertThat(policy.roles(MessageType.PLAN_UPDATE)).isEmpty();
        assertThatThrownBy(() -> policy.bodyFor(MessageType.SCHOOL_TRANSFER, "school", "old-school", transfer))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("old-school");
        assertThatThrownBy(() -> policy.bodyFor(MessageType.PLAN_UPDATE, "school", "new-school",
                body(MessageType.PLAN_UPDATE))).isInstanceOf(IllegalArgumentException.class);
        assertThat(policy.bodyFor(MessageType.SCHOOL_TRANSFER, "school", null, transfer))
                .isEqualTo(policy.bodyFor(MessageType.SCHOOL_TRANSFER, "school", transfer));
    }

    @Test
    void should_give_an_empty_body_when_a_kind_receives_none_of_it() {
        ObjectNode correction = body(MessageType.MINUTES_CORRECTION);

        JsonNode forBoard = policy.bodyFor(MessageType.MINUTES_CORRECTION, "safeguarding-board", correction);

        assertThat(forBoard.isObject()).isTrue();
        assertThat(forBoard.isEmpty()).isTrue();
        assertThat(policy.withheld(MessageType.MINUTES_CORRECTION, "safeguarding-board", correction))
                .containsExactly("/conferenceId", "/correction", "/correctedSection");
    }

    @Test
    void should_escape_the_pointer_to_a_withheld_field() {
        ObjectNode alert = body(MessageType.HEALTH_ALERT);
        alert.put("a/b~c", 1);

        assertThat(policy.withheld(MessageType.HEALTH_ALERT, "school", alert)).contains("/a~1b~0c");
    }

    @Test
    void should_return_a_copy_the_caller_can_change_without_changing_the_input() {
        ObjectNode alert = body(MessageType.HEALTH_ALERT);
        JsonNode untouched = alert.deepCopy();

        ObjectNode forCouncil = (ObjectNode) policy.bodyFor(MessageType.HEALTH_ALERT, "council", alert);
        ((ObjectNode) forCouncil.get("child")).put("name", "changed");
        forCouncil.remove("summary");

        assertThat(forCouncil).isNotSameAs(alert);
        assertThat(alert).isEqualTo(untouched);
    }

    @ParameterizedTest
    @ValueSource(strings = {"parent", "School", "gp", "", "health_board"})
    void should_refuse_an_unknown_recipient_kind(String kind) {
        ObjectNode alert = body(MessageType.HEALTH_ALERT);

        assertThatThrownBy(() -> policy.bodyFor(MessageType.HEALTH_ALERT, kind, alert))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy.withheld(MessageType.HEALTH_ALERT, kind, alert))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_refuse_a_missing_recipient_kind() {
        assertThatThrownBy(() -> policy.bodyFor(MessageType.HEALTH_ALERT, null, body(MessageType.HEALTH_ALERT)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_refuse_a_message_type_the_policy_does_not_cover() {
        ObjectNode file = Examples.tree(NeedToKnowPolicy.RESOURCE);
        ((ObjectNode) file.get("messageTypes")).remove("school-alert");
        NeedToKnowPolicy partial = NeedToKnowPolicy.from(file);
        ObjectNode alert = body(MessageType.SCHOOL_ALERT);

        assertThatThrownBy(() -> partial.bodyFor(MessageType.SCHOOL_ALERT, "council", alert))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("school-alert");
        assertThatThrownBy(() -> partial.withheld(MessageType.SCHOOL_ALERT, "council", alert))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(partial.bodyFor(MessageType.HEALTH_ALERT, "council", body(MessageType.HEALTH_ALERT))).isNotNull();
    }

    @Test
    void should_refuse_a_recipient_kind_the_policy_leaves_out_for_a_type() {
        ObjectNode file = Examples.tree(NeedToKnowPolicy.RESOURCE);
        ((ObjectNode) file.at("/messageTypes/health-alert/receives")).remove("school");
        NeedToKnowPolicy partial = NeedToKnowPolicy.from(file);

        assertThatThrownBy(() -> partial.bodyFor(MessageType.HEALTH_ALERT, "school", body(MessageType.HEALTH_ALERT)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("school");
    }

    @Test
    void should_refuse_a_policy_that_names_an_unknown_message_type() {
        ObjectNode file = Examples.tree(NeedToKnowPolicy.RESOURCE);
        ((ObjectNode) file.get("messageTypes")).set("school-alrt", file.at("/messageTypes/school-alert").deepCopy());

        assertThatThrownBy(() -> NeedToKnowPolicy.from(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("school-alrt");
    }

    @Test
    void should_refuse_a_policy_that_names_an_unknown_recipient_kind() {
        ObjectNode file = Examples.tree(NeedToKnowPolicy.RESOURCE);
        ((ObjectNode) file.at("/messageTypes/health-alert/receives")).putArray("parent").add("");

        assertThatThrownBy(() -> NeedToKnowPolicy.from(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parent");
    }

    @Test
    void should_refuse_a_policy_pointer_without_a_leading_slash() {
        ObjectNode file = Examples.tree(NeedToKnowPolicy.RESOURCE);
        ((ArrayNode) file.at("/messageTypes/health-alert/receives/school")).add("clinicalDetail");

        assertThatThrownBy(() -> NeedToKnowPolicy.from(file)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_refuse_a_body_that_is_not_an_object() {
        JsonNode notABody = Examples.valid(MessageType.HEALTH_ALERT).get("type");

        assertThatThrownBy(() -> policy.bodyFor(MessageType.HEALTH_ALERT, "council", notABody))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_give_the_same_bodies_when_many_threads_trim_at_once() throws Exception {
        ObjectNode share = body(MessageType.INFORMATION_SHARE);
        JsonNode forSchool = policy.bodyFor(MessageType.INFORMATION_SHARE, "school", share);
        JsonNode forPolice = policy.bodyFor(MessageType.INFORMATION_SHARE, "police", share);
        assertThat(forSchool).isNotEqualTo(forPolice);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<JsonNode>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> policy.bodyFor(MessageType.INFORMATION_SHARE, "school", share)));
                results.add(pool.submit(() -> policy.bodyFor(MessageType.INFORMATION_SHARE, "police", share)));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(i % 2 == 0 ? forSchool : forPolice);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(keys::add);
        }
        node.forEach(child -> keys.addAll(keys(child)));
        return keys;
    }
}
