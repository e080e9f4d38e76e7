package wales.safeguarding.adapters.gpfhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import wales.safeguarding.schemas.envelope.MessageType;
import wales.safeguarding.schemas.spi.AgencyEndpoint;
import wales.safeguarding.schemas.spi.UnsendableMessageException;
import wales.safeguarding.schemas.validation.Violation;

/**
 * Issue 10 defect 10: what the practice's FHIR message needs is asked at intake ({@code unsendable}) and refused in
 * delivery ({@code toAgencyRequest}) by the same check, so a message the hub accepts is one it can send.
 */
class GpFhirUnsendableTest {

    /** The directory gives this practice its ODS code. */
    private static final AgencyEndpoint KNOWN_PRACTICE = new AgencyEndpoint("gp-z99001",
            "https://gp-z99001.example.invalid/fhir", "fhir-r4", Map.of(), null, "Z99001");

    private final GpFhirAdapter adapter = new GpFhirAdapter(Examples.CLOCK);

    @Test
    @DisplayName("issue 10 defect 10: a register change without the child's NHS number cannot go to a FHIR practice")
    void should_name_the_missing_nhs_number_of_a_register_change_and_refuse_it_in_delivery_too() {
        byte[] noNhsNumber = Examples.changed("register-change", m -> child(m).remove("nhsNumber"));

        List<Violation> violations = adapter.unsendable(noNhsNumber, Examples.GP);

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEqualTo("/body/child/nhsNumber");
            assertThat(v.rule()).isEqualTo("gp-needs-nhs-number");
            assertThat(v.message()).contains("NHS number is missing").doesNotContain("Alys");
        });
        assertThatThrownBy(() -> adapter.toAgencyRequest(noNhsNumber, Examples.GP))
                .isInstanceOf(UnsendableMessageException.class)
                .hasMessageContaining("/body/child/nhsNumber: gp-needs-nhs-number:")
                .hasMessageNotContaining("Alys");
    }

    @Test
    @DisplayName("issue 10 defect 10: a register change whose NHS number fails its check digit cannot flag the GP record")
    void should_name_an_nhs_number_with_a_wrong_check_digit() {
        byte[] wrongDigit = Examples.changed("register-change", m -> child(m).put("nhsNumber", "9990000019"));

        assertThat(adapter.unsendable(wrongDigit, Examples.GP)).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEqualTo("/body/child/nhsNumber");
            assertThat(v.rule()).isEqualTo("nhs-number-check-digit");
            assertThat(v.message()).doesNotContain("9990000019");
        });
    }

    @Test
    @DisplayName("issue 10 defect 10: an invitation needs the practice known, since it always asks for the report")
    void should_name_an_invitation_whose_practice_cannot_be_told_from_the_children_or_the_directory() {
        byte[] twoPractices = Examples.changed("conference-invitation", GpFhirUnsendableTest::addSiblingAtAnotherPractice);

        assertThat(adapter.unsendable(twoPractices, Examples.GP)).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEqualTo("/body/children");
            assertThat(v.rule()).isEqualTo("gp-needs-practice");
            assertThat(v.message()).contains("cannot tell which GP practice gp-z99001 is")
                    .contains("hub.agencies.gp-z99001.ods-code");
        });
        assertThat(adapter.unsendable(twoPractices, KNOWN_PRACTICE)).isEmpty();
    }

    @Test
    @DisplayName("issue 10 defect 10: minutes whose contentBase64 does not decode cannot be attached")
    void should_name_minutes_that_are_not_base64() {
        byte[] notBase64 = Examples.changed("conference-minutes",
                m -> ((ObjectNode) Examples.body(m).get("minutes")).put("contentBase64", "AAAAA"));

        assertThat(adapter.unsendable(notBase64, Examples.GP)).extracting(Violation::pointer, Violation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/body/minutes/contentBase64", "minutes-base64"));
    }

    @Test
    @DisplayName("issue 10 defect 10: a body that does not fit its type is named by where, not by its value")
    void should_name_a_body_that_does_not_fit_its_type_without_its_value() {
        byte[] badDate = Examples.changed("register-change", m -> Examples.body(m).put("effectiveOn", "Alys-birthday"));

        assertThat(adapter.unsendable(badDate, Examples.GP)).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEqualTo("/body");
            assertThat(v.rule()).isEqualTo("body-fits-type");
            assertThat(v.message()).contains("/effectiveOn").doesNotContain("Alys");
        });
    }

    static Stream<Arguments> messagesAndPractices() {
        List<Arguments> cases = new ArrayList<>();
        for (Map.Entry<String, byte[]> message : messages().entrySet()) {
            for (AgencyEndpoint practice : List.of(Examples.GP, KNOWN_PRACTICE)) {
                cases.add(Arguments.of(message.getKey(), message.getValue(),
                        practice.odsCode() == null ? "no ODS code in the directory" : "ODS code in the directory",
                        practice));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, {2}")
    @MethodSource("messagesAndPractices")
    @DisplayName("issue 10 defect 10: unsendable is empty exactly when toAgencyRequest makes a request")
    void should_refuse_at_intake_exactly_what_delivery_would_refuse(String name, byte[] message, String practiceKind,
            AgencyEndpoint practice) {
        List<Violation> violations = adapter.unsendable(message, practice);
        UnsendableMessageException refused = null;
        try {
            adapter.toAgencyRequest(message, practice);
        } catch (UnsendableMessageException e) {
            refused = e;
        }

        if (refused == null) {
            assertThat(violations).as("intake would refuse what delivery sends").isEmpty();
        } else {
            assertThat(violations).as("delivery refuses what intake accepts: " + refused.getMessage()).isNotEmpty();
            for (Violation v : violations) {
                assertThat(refused).hasMessageContaining(v.pointer() + ": " + v.rule());
            }
        }
    }

    /** Every valid example of the contract, and variants of them without the facts a practice's message needs. */
    private static Map<String, byte[]> messages() {
        Map<String, byte[]> messages = new java.util.LinkedHashMap<>();
        for (MessageType type : MessageType.values()) {
            if (Examples.class.getResource("/examples/valid/" + type.wireName() + ".json") != null) {
                messages.put(type.wireName(), Examples.valid(type.wireName()));
            }
        }
        messages.put("register-change removed", Examples.resource("/canonical/register-change-removed.json"));
        variant(messages, "register-change without NHS number", "register-change", m -> child(m).remove("nhsNumber"));
        variant(messages, "register-change with a wrong check digit", "register-change",
                m -> child(m).put("nhsNumber", "9990000019"));
        variant(messages, "register-change without GP practice", "register-change", m -> child(m).remove("gpPractice"));
        variant(messages, "register-change with a bad date", "register-change",
                m -> Examples.body(m).put("effectiveOn", "not-a-date"));
        variant(messages, "conference-invitation, report not requested", "conference-invitation",
                m -> Examples.body(m).putObject("writtenReport").put("requested", false));
        variant(messages, "conference-invitation, children at two practices", "conference-invitation",
                GpFhirUnsendableTest::addSiblingAtAnotherPractice);
        variant(messages, "conference-invitation, no GP practice known", "conference-invitation",
                m -> ((ObjectNode) Examples.body(m).withArray("children").get(0)).remove("gpPractice"));
        variant(messages, "conference-invitation without NHS number", "conference-invitation",
                m -> ((ObjectNode) Examples.body(m).withArray("children").get(0)).remove("nhsNumber"));
        variant(messages, "conference-minutes not base64", "conference-minutes",
                m -> ((ObjectNode) Examples.body(m).get("minutes")).put("contentBase64", "AAAAA"));
        return messages;
    }

    private static void variant(Map<String, byte[]> messages, String name, String type, Consumer<ObjectNode> change) {
        messages.put(name, Examples.changed(type, change));
    }

    private static ObjectNode child(ObjectNode message) {
        return (ObjectNode) Examples.body(message).get("child");
    }

    private static void addSiblingAtAnotherPractice(ObjectNode message) {
        var children = Examples.body(message).withArray("children");
        ObjectNode sibling = children.get(0).deepCopy();
        sibling.put("name", "Osian Enghraifft");
        sibling.put("nhsNumber", "9990000026");
        ((ObjectNode) sibling.get("gpPractice")).put("odsCode", "Z99002").put("name", "Other Surgery");
        children.add(sibling);
    }
}
