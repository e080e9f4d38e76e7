package wales.safeguarding.hub.bodies;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.HubApi;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.hub.support.Tokens;
import wales.safeguarding.hub.support.TrackingDatabaseResource;

/**
 * Message bodies are encrypted at rest (issue 11 finding 7): the row holds no clear text and names its key; a
 * person still reads the body with a reason; a row stored in clear before V17 stays readable and the re-wrap
 * encrypts it.
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class BodiesAtRestFlowTest {

    private static final String POLICE = AgencyStubs.DYFED_POWYS_POLICE;
    private static final String CHILD = "Alys Enghraifft";

    @Inject
    DataSource dataSource;

    @Test
    void should_store_a_body_encrypted_under_the_current_key_and_give_it_to_a_reader_with_a_reason() throws Exception {
        String id = send();

        Row row = row(id);
        assertThat(row.key()).isEqualTo(BodyVault.FIXED_ID);
        assertThat(row.wrappedKey()).hasSize(60);
        assertThat(new String(row.payload(), StandardCharsets.ISO_8859_1)).doesNotContain(CHILD).doesNotContain("Gareth");

        readBody(id, "olwen", "checking the encryption story").body("body.children[0].name", equalTo(CHILD));
    }

    @Test
    void should_read_a_body_stored_in_clear_before_encryption_and_encrypt_it_on_rewrap() throws Exception {
        String id = send();
        byte[] clear = readBody(id, "olwen", "before it is made plain").extract().asByteArray();
        storeInClear(id, clear);
        assertThat(row(id).key()).isEqualTo(BodyKeys.PLAIN);
        readBody(id, "olwen", "a row from before V17").body("body.children[0].name", equalTo(CHILD));

        given().header("Authorization", Tokens.operator("rhys")).queryParam("limit", 5000)
                .post("/api/v1/operations/bodies/rewrap").then().statusCode(200)
                .body("currentKey", equalTo(BodyVault.FIXED_ID)).body("remaining", equalTo(0));

        Row row = row(id);
        assertThat(row.key()).isEqualTo(BodyVault.FIXED_ID);
        assertThat(new String(row.payload(), StandardCharsets.ISO_8859_1)).doesNotContain(CHILD);
        readBody(id, "olwen", "after the re-wrap it still reads").body("body.children[0].name", equalTo(CHILD));
    }

    @Test
    void should_answer_503_naming_the_key_when_a_bodys_key_is_not_held() throws Exception {
        String id = send();
        setKey(id, "retired-2025-06");
        String answer = given().header("Authorization", Tokens.forRole("olwen", "auditor")).contentType("application/json")
                .body("{\"reason\":\"the key file went missing\"}").post("/api/v1/console/messages/" + id + "/body")
                .then().statusCode(503).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("/body-unreadable")).extract().asString();
        assertThat(answer).contains("retired-2025-06").doesNotContain(CHILD);
        setKey(id, BodyVault.FIXED_ID); // the operator restored the key
        readBody(id, "olwen", "the key is back").body("body.children[0].name", equalTo(CHILD));
    }

    @Test
    void should_let_only_operators_rewrap() {
        given().header("Authorization", Tokens.forRole("aled", "auditor")).post("/api/v1/operations/bodies/rewrap")
                .then().statusCode(403);
        given().post("/api/v1/operations/bodies/rewrap").then().statusCode(401);
    }

    private static String send() {
        ObjectNode report = Messages.dutyToReport();
        report.put("caseReference", "CAR-" + UUID.randomUUID());
        HubApi.send(POLICE, report).statusCode(202);
        return Messages.id(report);
    }

    private static io.restassured.response.ValidatableResponse readBody(String id, String user, String reason) {
        return given().header("Authorization", Tokens.forRole(user, "auditor")).contentType("application/json")
                .body("{\"reason\":\"" + reason + "\"}").post("/api/v1/console/messages/" + id + "/body").then()
                .statusCode(200);
    }

    private record Row(byte[] payload, String key, byte[] wrappedKey) {
    }

    private Row row(String id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select payload, payload_key, payload_dek from message where message_id = ?")) {
            ps.setObject(1, UUID.fromString(id));
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return new Row(rs.getBytes(1), rs.getString(2), rs.getBytes(3));
            }
        }
    }

    private void setKey(String id, String keyId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update message set payload_key = ? where message_id = ?")) {
            ps.setString(1, keyId);
            ps.setObject(2, UUID.fromString(id));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    /** The row as V17 left a row written before it: the body in clear, marked plain. */
    private void storeInClear(String id, byte[] clear) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update message set payload = ?, payload_key = 'plain', payload_dek = null where message_id = ?")) {
            ps.setBytes(1, clear);
            ps.setObject(2, UUID.fromString(id));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }
}
