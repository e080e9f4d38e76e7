package wales.safeguarding.hub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import wales.safeguarding.hub.calendar.StatutoryClocks;
import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.AgencyKind;
import wales.safeguarding.hub.directory.Directory;
import wales.safeguarding.hub.schooltransfer.TransferParties;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.LanguagePreference;

/** Each GP practice receives only its own patients of a sibling group (need-to-know, issue 10). */
class OwnPatientsTest {

    private static final Directory DIRECTORY = new Directory(List.of(
            agency("carmarthenshire-childrens-services", AgencyKind.COUNCIL, null, "W06000010"),
            agency("dyfed-powys-police", AgencyKind.POLICE, null, null),
            agency("gp-z99001", AgencyKind.GP_PRACTICE, "Z99001", null),
            agency("gp-z99002", AgencyKind.GP_PRACTICE, "Z99002", null),
            agency("gp-z99003", AgencyKind.GP_PRACTICE, "Z99003", null),
            agency("school-6699001", AgencyKind.SCHOOL, null, null),
            agency("school-6699002", AgencyKind.SCHOOL, null, null)));

    private final RecipientCopies copies = new RecipientCopies(DIRECTORY, new TransferParties(DIRECTORY),
            new StatutoryClocks("classpath:calendar/bank-holidays-england-and-wales.json"), 2);

    private static Agency agency(String id, AgencyKind kind, String odsCode, String localAuthority) {
        return new Agency(id, kind, Map.of("en", id), localAuthority, odsCode, null, null, null,
                new Agency.Endpoint("http://127.0.0.1/" + id, "rest-json"), LanguagePreference.UNKNOWN, List.of(),
                List.of());
    }

    private JsonNode copy(String recipient, String example) throws IOException {
        ObjectNode message = Messages.example("valid/" + example + ".json");
        byte[] copy = copies.copyFor(message.path("type").asText(), recipient,
                CanonicalJson.mapper().writeValueAsBytes(message));
        return CanonicalJson.mapper().readTree(copy);
    }

    private static List<String> names(JsonNode children) {
        List<String> names = new java.util.ArrayList<>();
        children.forEach(c -> names.add(c.path("name").asText()));
        return names;
    }

    @Test
    @DisplayName("issue 10 (children, not a child): a GP practice's copy of a sibling group's conference invitation names only its own patient")
    void each_practice_receives_only_its_own_patient() throws IOException {
        JsonNode first = copy("gp-z99001", "conference-invitation-siblings");
        JsonNode second = copy("gp-z99002", "conference-invitation-siblings");

        assertThat(first.path("body").path("children")).hasSize(1);
        assertThat(first.path("body").path("children").get(0).path("gpPractice").path("odsCode").asText())
                .isEqualTo("Z99001");
        assertThat(first.toString()).doesNotContain("Owain Enghraifft").doesNotContain("9990000026");
        assertThat(second.path("body").path("children")).hasSize(1);
        assertThat(second.path("body").path("children").get(0).path("name").asText()).isEqualTo("Owain Enghraifft");
        assertThat(second.toString()).doesNotContain("9990000018");
    }

    @Test
    @DisplayName("issue 10 (children, not a child): a GP practice none of the children is registered with keeps the children the policy gives every practice")
    void a_practice_with_none_of_the_children_keeps_them() throws IOException {
        JsonNode invitee = copy("gp-z99003", "conference-invitation-siblings");

        assertThat(names(invitee.path("body").path("children"))).containsExactly("Alys Enghraifft", "Owain Enghraifft");
    }

    @Test
    @DisplayName("issue 10 (children, not a child): other recipients keep every child of the sibling group")
    void a_school_keeps_every_child() throws IOException {
        JsonNode school = copy("school-6699001", "conference-invitation-siblings");

        assertThat(school.path("body").path("children")).hasSize(2);
    }

    @Test
    @DisplayName("issue 10 (children, not a child): a GP practice's copy of a sibling group's outline plan has only its own patient's decision")
    void the_outline_plan_decisions_of_a_practice_are_its_own_patients() throws IOException {
        JsonNode first = copy("gp-z99001", "outline-plan-siblings");

        assertThat(first.path("body").path("children")).hasSize(1);
        assertThat(first.path("body").path("children").get(0).path("child").path("name").asText())
                .isEqualTo("Alys Enghraifft");
    }
}
