package wales.safeguarding.hub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ValidatableResponse;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.Database;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.HubApi;
import wales.safeguarding.hub.support.InjectAgencyStubs;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.hub.support.TrackingDatabaseResource;
import wales.safeguarding.schemas.envelope.CanonicalJson;

/**
 * Every class of bad input gets a problem-details answer naming the field and the rule, and nothing is stored or
 * sent.
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class BadInputFlowTest {

    private static final String POLICE = AgencyStubs.DYFED_POWYS_POLICE;
    private static final String PROBLEM = "application/problem+json";

    @InjectAgencyStubs
    AgencyStubs agencies;

    @Inject
    DataSource dataSource;

    private Database database;
    private long messagesBefore;

    @BeforeEach
    void count_what_is_stored() {
        agencies.reset();
        database = new Database(dataSource);
        messagesBefore = database.count("select count(*) from message");
    }

    static Stream<Arguments> invalidExamples() throws IOException {
        JsonNode expected = readExample("invalid/expected-violations.json");
        List<Arguments> cases = new ArrayList<>();
        expected.fields().forEachRemaining(e -> {
            List<Map<String, String>> violations = new ArrayList<>();
            e.getValue().forEach(v -> violations.add(Map.of("pointer", v.get("pointer").asText(), "rule", v.get("rule").asText())));
            cases.add(Arguments.of(e.getKey(), violations));
        });
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidExamples")
    void should_refuse_a_message_that_breaks_the_contract_naming_each_field_and_rule(String example,
            List<Map<String, String>> expected) throws IOException {
        // sent as written: re-serialised, a lone surrogate escape would reach the hub as a '?'
        String text = readExampleText("invalid/" + example);
        JsonNode message = CanonicalJson.mapper().readTree(text);
        List<Map<String, String>> violations = HubApi.send(POLICE, text)
                .statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("https://hub.safeguarding.wales/problems/schema-violation"))
                .extract().jsonPath().getList("violations");
        assertThat(violations).extracting(v -> Map.of("pointer", v.get("pointer"), "rule", v.get("rule")))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertNothingStoredFor(message.path("messageId").asText());
    }

    @Test
    void should_refuse_a_body_that_is_not_json() {
        HubApi.send(POLICE, "{\"messageId\": ").statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://hub.safeguarding.wales/problems/not-json"))
                .body("detail", startsWith("not valid JSON at line 1"));
        HubApi.send(POLICE, "[1, 2]").statusCode(400).contentType(PROBLEM);
        assertThat(database.count("select count(*) from message")).isEqualTo(messagesBefore);
    }

    @Test
    void should_refuse_a_recipient_that_is_not_in_the_directory() {
        ObjectNode report = Messages.dutyToReport();
        report.putArray("recipients").add("gwent-police").add(AgencyStubs.SCHOOL);
        refused(HubApi.send(POLICE, report), 422, "/recipients/0", "known-recipient");
        assertNothingStoredFor(Messages.id(report));
    }

    @Test
    void should_refuse_a_child_whose_local_authority_has_no_childrens_services_in_the_directory() {
        ObjectNode report = Messages.dutyToReport();
        ((ObjectNode) report.with("body").withArray("children").get(0)).put("localAuthority", "W06000001");
        refused(HubApi.send(POLICE, report), 422, "/body/children/0/localAuthority", "known-local-authority");
        assertNothingStoredFor(Messages.id(report));
    }

    @Test
    void should_refuse_a_message_type_only_the_hub_makes() {
        ObjectNode escalation = Messages.example("valid/escalation.json");
        escalation.put("messageId", UUID.randomUUID().toString());
        escalation.put("sender", POLICE);
        refused(HubApi.send(POLICE, escalation), 422, "/type", "hub-only-type");
        assertNothingStoredFor(Messages.id(escalation));
    }

    private static void refused(ValidatableResponse response, int status, String pointer, String rule) {
        response.statusCode(status).contentType(PROBLEM)
                .body("violations[0].pointer", equalTo(pointer))
                .body("violations[0].rule", equalTo(rule));
    }

    private void assertNothingStoredFor(String messageId) {
        assertThat(database.count("select count(*) from message")).isEqualTo(messagesBefore);
        UUID id;
        try {
            id = UUID.fromString(messageId);
        } catch (IllegalArgumentException notAnId) {
            return;
        }
        assertThat(database.count("select count(*) from delivery where message_id = ?", id)).isZero();
        assertThat(database.count("select count(*) from audit_event where message_id = ?", id)).isZero();
        assertThat(database.count("select count(*) from statutory_clock where message_id = ?", id)).isZero();
        for (String agency : AgencyStubs.ALL) {
            assertThat(agencies.of(agency).getAllServeEvents()).as("requests to " + agency)
                    .noneMatch(e -> messageId.equals(e.getRequest().getHeader("X-Hub-Message-Id")));
        }
    }

    private static String readExampleText(String path) throws IOException {
        try (InputStream in = BadInputFlowTest.class.getResourceAsStream("/examples/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode readExample(String path) throws IOException {
        try (InputStream in = BadInputFlowTest.class.getResourceAsStream("/examples/" + path)) {
            return CanonicalJson.mapper().readTree(in);
        }
    }
}
