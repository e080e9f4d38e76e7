package wales.safeguarding.schemas.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
import wales.safeguarding.schemas.Examples;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.MessageType;

class CanonicalValidatorTest {

    private final CanonicalValidator validator = CanonicalValidator.fromClasspath();

    private static ObjectNode dutyToReport() {
        return Examples.valid(MessageType.DUTY_TO_REPORT);
    }

    private static ObjectNode firstChild(ObjectNode message) {
        return (ObjectNode) message.get("body").get("children").get(0);
    }

    @Test
    void should_share_one_validator_loaded_once() {
        assertThat(CanonicalValidator.fromClasspath()).isSameAs(validator);
    }

    @Test
    void should_reject_duty_to_report_without_children() {
        ObjectNode message = dutyToReport();
        ((ObjectNode) message.get("body")).remove("children");

        assertThat(validator.validate(message)).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/body/children", "required"));
    }

    @Test
    void should_report_every_violation_sorted_by_pointer() {
        ObjectNode message = dutyToReport();
        message.put("securityLabel", "SECRET");
        message.put("createdAt", "yesterday");
        firstChild(message).put("localAuthority", "W6000010");
        ((ObjectNode) message.get("body").get("reporter")).remove("role");

        List<Violation> violations = validator.validate(message);

        assertThat(violations).extracting(Violation::pointer).containsExactly(
                "/body/children/0/localAuthority", "/body/reporter/role", "/createdAt", "/securityLabel");
    }

    @Test
    void should_check_the_nhs_number_of_every_child() {
        ObjectNode message = dutyToReport();
        ArrayNode children = (ArrayNode) message.get("body").get("children");
        ObjectNode second = children.get(0).deepCopy();
        second.put("name", "Second Child");
        second.put("nhsNumber", "9990000019");
        children.add(second);

        assertThat(validator.validate(message)).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/body/children/1/nhsNumber", Violation.NHS_NUMBER_CHECK_DIGIT));
    }

    @Test
    void should_accept_a_child_without_an_nhs_number() {
        ObjectNode message = dutyToReport();
        firstChild(message).remove("nhsNumber");

        assertThat(validator.validate(message)).isEmpty();
    }

    @Test
    void should_not_validate_the_body_when_the_type_is_unknown() {
        ObjectNode message = dutyToReport();
        message.put("type", "carrier-pigeon");
        ((ObjectNode) message.get("body")).removeAll();

        assertThat(validator.validate(message)).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/type", Violation.UNKNOWN_MESSAGE_TYPE));
    }

    @Test
    void should_report_a_type_that_is_not_a_string_once() {
        ObjectNode message = dutyToReport();
        message.put("type", 7);

        assertThat(validator.validate(message)).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/type", "type"));
    }

    @Test
    void should_report_a_missing_body_once() {
        ObjectNode message = dutyToReport();
        message.remove("body");

        assertThat(validator.validate(message)).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/body", "required"));
    }

    @Test
    void should_reject_a_message_that_is_not_an_object() {
        JsonNode message = CanonicalJson.mapper().createArrayNode();

        assertThat(validator.validate(message)).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("", "type"));
    }

    @Test
    void should_accept_a_duty_to_report_without_correlation_id() {
        ObjectNode message = dutyToReport();

        assertThat(message.has("correlationId")).isFalse();
        assertThat(validator.validate(message)).isEmpty();
    }

    @Test
    void should_enforce_uuid_format_on_correlation_id() {
        ObjectNode message = Examples.valid(MessageType.REPORT_OUTCOME);
        message.put("correlationId", "DPP-2025-0001");

        assertThat(validator.validate(message)).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/correlationId", "format"));
    }

    @Test
    void should_enforce_date_time_format_with_an_offset() {
        ObjectNode message = Examples.valid(MessageType.DELIVERY_RECEIPT);
        ((ObjectNode) message.get("body")).put("deliveredAt", "2025-06-02T08:55:02");

        assertThat(validator.validate(message)).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/body/deliveredAt", "format"));
    }

    @Test
    void should_reject_a_local_authority_with_a_trailing_line_break() {
        ObjectNode message = dutyToReport();
        firstChild(message).put("localAuthority", "W06000010\n");

        assertThat(validator.validate(message)).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/body/children/0/localAuthority", "pattern"));
    }

    @Test
    void should_reject_an_empty_contact() {
        ObjectNode message = dutyToReport();
        ((ObjectNode) message.get("body").get("reporter")).putObject("contact");

        assertThat(validator.validate(message)).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/body/reporter/contact", "minProperties"));
    }

    @Test
    void should_reject_repeated_categories_of_concern() {
        ObjectNode message = dutyToReport();
        ((ArrayNode) message.get("body").get("categoriesOfConcern")).add("neglect");

        assertThat(validator.validate(message)).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/body/categoriesOfConcern", "uniqueItems"));
    }

    @Test
    void should_reject_an_unexpected_property_deep_in_the_body() {
        ObjectNode message = dutyToReport();
        firstChild(message).put("ethnicity", "not asked for");

        assertThat(validator.validate(message)).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/body/children/0/ethnicity", "additionalProperties"));
    }

    @Test
    void should_escape_the_pointer_to_an_unexpected_property() {
        ObjectNode message = dutyToReport();
        message.put("a/b~c", 1);

        assertThat(validator.validate(message)).extracting(Violation::pointer)
                .containsExactly("/a~1b~0c");
    }

    @Test
    void should_not_quote_personal_data_in_violation_messages() {
        ObjectNode message = dutyToReport();
        firstChild(message).put("dateOfBirth", "2016-02-30");
        firstChild(message).put("nhsNumber", "9990000017");
        firstChild(message).put("localAuthority", "W0600001X");
        ((ObjectNode) message.get("body").get("reporter").get("contact")).put("email", "gareth at example.org");

        List<Violation> violations = validator.validate(message);

        assertThat(violations).hasSize(4);
        assertThat(violations).extracting(Violation::message).allSatisfy(text -> assertThat(text)
                .doesNotContain("2016-02-30", "9990000017", "W0600001X", "gareth at example.org"));
    }

    @Test
    void should_give_the_same_violations_when_many_threads_validate_at_once() throws Exception {
        ObjectNode broken = dutyToReport();
        firstChild(broken).put("nhsNumber", "9990000017");
        broken.put("language", "fr");
        List<Violation> expected = validator.validate(broken);
        assertThat(expected).hasSize(2);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Violation>>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> validator.validate(broken)));
                results.add(pool.submit(() -> validator.validate(dutyToReport())));
            }
            for (int i = 0; i < results.size(); i++) {
                List<Violation> actual = results.get(i).get(30, TimeUnit.SECONDS);
                assertThat(actual).isEqualTo(i % 2 == 0 ? expected : List.of());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
