package wales.safeguarding.hub.police;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ValidatableResponse;
import wales.safeguarding.hub.support.HubApi;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.Tokens;
import wales.safeguarding.hub.support.TrackingDatabaseResource;

/** A police force's Public Protection Notice becomes a duty-to-report to the child's council; hostile XML is refused. */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class PoliceNoticesFlowTest {

    private static final String FORCE = AgencyStubs.SOUTH_WALES_POLICE;

    @Test
    void should_turn_a_notice_into_a_duty_to_report_to_the_childs_council_once_however_often_it_is_sent() throws Exception {
        String id = send(FORCE, "child-concern.xml").statusCode(202)
                .body("recipients", equalTo(List.of(AgencyStubs.CARDIFF))).extract().path("messageId");

        send(FORCE, "child-concern.xml").statusCode(200).body("messageId", equalTo(id)).body("duplicate", equalTo(true));
        await().atMost(Duration.ofSeconds(20)).until(() -> HubApi.inInbox(AgencyStubs.CARDIFF, id));
        Object type = ((java.util.Map<?, ?>) HubApi.inboxCopies(AgencyStubs.CARDIFF, id).get(0).get("message")).get("type");
        assertThat(type).isEqualTo("duty-to-report");
    }

    @Test
    void should_refuse_an_external_entity_without_reading_the_file() throws Exception {
        String answer = send(FORCE, "xxe-file.xml").statusCode(400).contentType("application/problem+json")
                .extract().asString();
        assertThat(answer).doesNotContain("root:");
    }

    @Test
    void should_name_every_element_and_rule_a_notice_breaks() throws Exception {
        send(FORCE, "several-errors.xml").statusCode(400).body("violations.size()", org.hamcrest.Matchers.greaterThan(1))
                .body("violations.pointer", hasItem(org.hamcrest.Matchers.startsWith("/notice")));
    }

    @Test
    void should_refuse_a_notice_of_another_force_and_a_sender_that_is_not_police() throws Exception {
        send(AgencyStubs.DYFED_POWYS_POLICE, "child-concern.xml").statusCode(403)
                .body("violations[0].rule", equalTo("sender-is-caller"));
        send(AgencyStubs.CARMARTHENSHIRE, "child-concern.xml").statusCode(403);
    }

    private static ValidatableResponse send(String client, String file) throws IOException {
        try (InputStream in = PoliceNoticesFlowTest.class.getResourceAsStream("/ppn/" + file)) {
            return given().header("Authorization", Tokens.bearer(client)).contentType("application/xml")
                    .body(in.readAllBytes()).post("/api/v1/police/notices").then();
        }
    }
}
