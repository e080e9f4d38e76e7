package wales.safeguarding.hub.inbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.Database;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.HubApi;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.hub.support.Tokens;
import wales.safeguarding.hub.support.TrackingDatabaseResource;

/**
 * Cardiff's case system can only poll: its messages wait in its inbox, in order, until it reads them after its cursor
 * and acknowledges each one, which is when they count as delivered.
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class InboxFlowTest {

    @Inject
    DataSource dataSource;

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String CARDIFF = AgencyStubs.CARDIFF;
    private static final String POLICE = AgencyStubs.SOUTH_WALES_POLICE;

    @Test
    void should_keep_a_report_in_the_inbox_of_a_council_that_polls_until_it_reads_and_acknowledges_it() {
        long cursor = end(CARDIFF);
        ObjectNode report = cardiffReport();
        String id = Messages.id(report);
        HubApi.send(POLICE, report).statusCode(202).body("recipients", equalTo(List.of(CARDIFF)));

        await().atMost(WAIT).until(() -> page(CARDIFF, cursor).getList("items.messageId").contains(id));
        assertThat(HubApi.state(POLICE, id, CARDIFF)).isEqualTo("queued");
        JsonPath inbox = page(CARDIFF, cursor);
        assertThat(inbox.getString("items.find { it.messageId == '" + id + "' }.message.body.children[0].localAuthority"))
                .isEqualTo("W06000015");
        long next = inbox.getLong("next");

        given().header("Authorization", Tokens.bearer(CARDIFF)).post("/api/v1/inbox/" + id + "/acknowledge").then()
                .statusCode(200).body("messageId", equalTo(id));
        assertThat(HubApi.state(POLICE, id, CARDIFF)).isEqualTo("delivered");
        // Acknowledging again changes nothing; reading on from the cursor finds nothing new.
        given().header("Authorization", Tokens.bearer(CARDIFF)).post("/api/v1/inbox/" + id + "/acknowledge").then()
                .statusCode(200);
        assertThat(page(CARDIFF, next).getList("items")).isEmpty();
        // issue 11 finding 7: once collected, the hub keeps no copy of the body in the inbox
        JsonPath again = page(CARDIFF, cursor);
        assertThat(again.getString("items.find { it.messageId == '" + id + "' }.acknowledgedAt")).isNotNull();
        assertThat(again.getString("items.find { it.messageId == '" + id + "' }.message")).isNull();
    }

    @Test
    void should_keep_the_copy_encrypted_and_record_each_collection_as_a_body_read_by_the_agency() {
        long cursor = end(CARDIFF);
        ObjectNode report = cardiffReport();
        String id = Messages.id(report);
        HubApi.send(POLICE, report).statusCode(202);
        await().atMost(WAIT).until(() -> page(CARDIFF, cursor).getList("items.messageId").contains(id));
        Database db = new Database(dataSource);
        UUID messageId = UUID.fromString(id);

        assertThat(db.count("select count(*) from inbox where message_id = ? and payload_key = 'fixed'"
                + " and position(convert_to('Enghraifft', 'UTF8') in payload) = 0", messageId)).isEqualTo(1);
        long readsBefore = db.count("select count(*) from audit_event where message_id = ? and event = 'body-read'",
                messageId);
        assertThat(page(CARDIFF, cursor).getString("items.find { it.messageId == '" + id + "' }.message.body.children[0].name"))
                .isEqualTo("Alys Enghraifft");
        assertThat(db.count("select count(*) from audit_event where message_id = ? and event = 'body-read'"
                + " and actor = ? and recipient = ? and detail = ?", messageId, CARDIFF, CARDIFF, Inbox.COLLECTED))
                .isEqualTo(readsBefore + 1);
    }

    @Test
    void should_show_an_agency_only_its_own_inbox() {
        long cursor = end(CARDIFF);
        long carmarthenshire = end(AgencyStubs.CARMARTHENSHIRE);
        ObjectNode report = cardiffReport();
        String id = Messages.id(report);
        HubApi.send(POLICE, report).statusCode(202);
        await().atMost(WAIT).until(() -> page(CARDIFF, cursor).getList("items.messageId").contains(id));

        assertThat(page(AgencyStubs.CARMARTHENSHIRE, carmarthenshire).getList("items.messageId")).doesNotContain(id);
        given().header("Authorization", Tokens.bearer(AgencyStubs.CARMARTHENSHIRE))
                .post("/api/v1/inbox/" + id + "/acknowledge").then().statusCode(404);
        given().get("/api/v1/inbox").then().statusCode(401);
    }

    private static ObjectNode cardiffReport() {
        ObjectNode report = Messages.dutyToReport();
        report.put("sender", POLICE);
        report.with("body").with("reporter").put("agencyId", POLICE);
        ((ObjectNode) report.with("body").withArray("children").get(0)).put("localAuthority", "W06000015");
        return report;
    }

    /**
     * The cursor after everything already in the agency's inbox: read on to the end (a page holds 50), so the test
     * finds its own message whatever earlier tests of the suite left there.
     */
    private static long end(String agency) {
        long cursor = 0;
        while (true) {
            JsonPath page = given().header("Authorization", Tokens.bearer(agency)).queryParam("after", cursor)
                    .queryParam("limit", 500).get("/api/v1/inbox").then().statusCode(200).extract().jsonPath();
            if (page.getList("items").isEmpty()) {
                return cursor;
            }
            cursor = page.getLong("next");
        }
    }

    private static JsonPath page(String agency, long after) {
        return given().header("Authorization", Tokens.bearer(agency)).queryParam("after", after).get("/api/v1/inbox")
                .then().statusCode(200).extract().jsonPath();
    }
}
