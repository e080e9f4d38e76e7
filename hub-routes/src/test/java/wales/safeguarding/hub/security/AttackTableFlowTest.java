package wales.safeguarding.hub.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.Database;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.HubApi;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.hub.support.Tokens;
import wales.safeguarding.hub.support.TrackingDatabaseResource;

/**
 * The hostile-input suite: the attacks of the security review (issue 11), each made against the running hub as an
 * attacker would make it, and each answered as {@code deploy/README.md} (Security, "What stops each attack") says.
 * A row that stops holding fails CI. Rows proved elsewhere are listed in that table with the test that proves them.
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class AttackTableFlowTest {

    private static final String POLICE = AgencyStubs.DYFED_POWYS_POLICE;
    private static final String PROBLEM = "application/problem+json";
    private static final String PROBLEMS = "https://hub.safeguarding.wales/problems/";

    @Inject
    DataSource dataSource;

    private Database database;
    private long messagesBefore;

    @BeforeEach
    void count_what_is_stored() {
        database = new Database(dataSource);
        messagesBefore = database.count("select count(*) from message");
    }

    // ---- tokens

    @Test
    @DisplayName("A01 no token, or a token that is not a JWT: 401, nothing stored")
    void a01_no_token() {
        ObjectNode report = Messages.dutyToReport();
        post(null, report).statusCode(401);
        post("Bearer not-a-token", report).statusCode(401);
        assertNothingStored();
    }

    @Test
    @DisplayName("A02 a token signed with the attacker's own key (the hub's claims, kid and issuer): 401")
    void a02_token_signed_with_another_key() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = claims(POLICE).jws().keyId("1").sign(generator.generateKeyPair().getPrivate());
        post("Bearer " + forged, Messages.dutyToReport()).statusCode(401);
        assertNothingStored();
    }

    @Test
    @DisplayName("A03 an unsigned token (alg none): 401")
    void a03_unsigned_token() {
        String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = base64Url("{\"iss\":\"https://server.example.com\",\"aud\":\"safeguarding-hub\",\"azp\":\""
                + POLICE + "\",\"sub\":\"service-account-" + POLICE + "\",\"groups\":[\"agency\"],\"exp\":"
                + Instant.now().plusSeconds(3600).getEpochSecond() + "}");
        post("Bearer " + header + "." + payload + ".", Messages.dutyToReport()).statusCode(401);
        assertNothingStored();
    }

    @Test
    @DisplayName("A04 an expired token, a token for another audience, a token from another issuer: 401 each")
    void a04_expired_other_audience_other_issuer() {
        post("Bearer " + claims(POLICE).issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600)).jws().keyId("1").sign("privateKey.jwk"),
                Messages.dutyToReport()).statusCode(401);
        post("Bearer " + claims(POLICE).audience("another-service").jws().keyId("1").sign("privateKey.jwk"),
                Messages.dutyToReport()).statusCode(401);
        post("Bearer " + claims(POLICE).issuer("https://attacker.example.org").jws().keyId("1").sign("privateKey.jwk"),
                Messages.dutyToReport()).statusCode(401);
        assertNothingStored();
    }

    @Test
    @DisplayName("A05 a valid token of a client that is no agency in the directory: 403 unknown-client")
    void a05_client_that_is_no_agency() {
        post(Tokens.bearer("some-unknown-client"), Messages.dutyToReport()).statusCode(403).contentType(PROBLEM)
                .body("type", equalTo(PROBLEMS + "unknown-client"));
        assertNothingStored();
    }

    @Test
    @DisplayName("A06 an agency sending in another agency's name: 403 sender-is-caller")
    void a06_sender_is_not_the_caller() {
        post(Tokens.bearer(AgencyStubs.SOUTH_WALES_POLICE), Messages.dutyToReport()).statusCode(403)
                .contentType(PROBLEM).body("violations[0].pointer", equalTo("/sender"))
                .body("violations[0].rule", equalTo("sender-is-caller"));
        assertNothingStored();
    }

    @Test
    @DisplayName("A07 an agency token on the operators' API (dead letters, replay): 403")
    void a07_agency_on_the_operators_api() {
        given().header("Authorization", Tokens.bearer(POLICE)).get("/api/v1/operations/dead-letters").then()
                .statusCode(403);
        given().header("Authorization", Tokens.bearer(POLICE)).contentType("application/json").body("{}")
                .post("/api/v1/operations/dead-letters/" + UUID.randomUUID() + "/" + POLICE + "/replay").then()
                .statusCode(403);
    }

    @Test
    @DisplayName("A08 the console API with no session and no token: 401")
    void a08_console_api_without_credentials() {
        given().get("/api/v1/console/messages").then().statusCode(401);
        given().contentType("application/json").body("{\"language\":\"cy\"}").put("/api/v1/console/me/language")
                .then().statusCode(401);
    }

    // ---- reading what is not yours

    @Test
    @DisplayName("A09 an agency reading a message it neither sent nor received: 404 as for an id nobody used, "
            + "nothing of it shown")
    void a09_tracking_another_agencys_message() {
        ObjectNode report = Messages.dutyToReport();
        HubApi.send(POLICE, report).statusCode(202);
        String answer = HubApi.track(AgencyStubs.SOUTH_WALES_POLICE, Messages.id(report)).statusCode(404)
                .contentType(PROBLEM).extract().asString();
        assertThat(answer).doesNotContain(POLICE).doesNotContain(AgencyStubs.CARMARTHENSHIRE);
        String unknown = UUID.randomUUID().toString();
        String nobodys = HubApi.track(AgencyStubs.SOUTH_WALES_POLICE, unknown).statusCode(404).contentType(PROBLEM)
                .extract().asString();
        // the same answer but for the id: whether another agency's message exists is not told
        assertThat(answer.replace(Messages.id(report), "ID")).isEqualTo(nobodys.replace(unknown, "ID"));
    }

    @Test
    @DisplayName("A10 a message id that is not an id (path traversal, SQL): 404 problem, never a 500")
    void a10_message_id_that_is_not_an_id() {
        for (String id : new String[] {"..%2F..%2Fq%2Fhealth", "1%27%20or%20%271%27%3D%271", "%00"}) {
            given().header("Authorization", Tokens.bearer(POLICE)).urlEncodingEnabled(false)
                    .get("/api/v1/messages/" + id).then().statusCode(org.hamcrest.Matchers.oneOf(400, 404));
        }
    }

    // ---- bodies

    @Test
    @DisplayName("A11 a body over the limit: 413 too-large, nothing stored")
    void a11_body_over_the_limit() {
        ObjectNode report = Messages.dutyToReport();
        report.with("body").put("description", "x".repeat(1_100_000));
        HubApi.send(POLICE, report).statusCode(413).contentType(PROBLEM).body("type", equalTo(PROBLEMS + "too-large"));
        assertNothingStored();
    }

    @Test
    @DisplayName("A12 a message sent as text/plain or XML: 415 unsupported-media-type, nothing stored")
    void a12_not_json() {
        for (String contentType : new String[] {"text/plain", "application/xml"}) {
            given().header("Authorization", Tokens.bearer(POLICE)).contentType(contentType)
                    .body(Messages.dutyToReport().toString()).post("/api/v1/messages").then().statusCode(415)
                    .contentType(PROBLEM).body("type", equalTo(PROBLEMS + "unsupported-media-type"));
        }
        assertNothingStored();
    }

    @Test
    @DisplayName("A13 a child's name with a right-to-left override, a NUL, a lone surrogate: 422 naming the field")
    void a13_hostile_characters() {
        String[][] rows = {{"\\u202e", "no-bidi-override"}, {"\\u0000", "no-control-characters"},
            {"\\ud800", "no-unpaired-surrogate"}};
        for (String[] row : rows) {
            ObjectNode report = Messages.dutyToReport();
            ((ObjectNode) report.with("body").withArray("children").get(0)).put("name", "Alys HOSTILE Jones");
            HubApi.send(POLICE, report.toString().replace("HOSTILE", row[0])).statusCode(422).contentType(PROBLEM)
                    .body("violations[0].pointer", equalTo("/body/children/0/name"))
                    .body("violations[0].rule", equalTo(row[1]));
        }
        assertNothingStored();
    }

    @Test
    @DisplayName("A14 SQL in free text is stored and delivered as text: accepted, the tables intact")
    void a14_sql_in_free_text() {
        ObjectNode report = Messages.dutyToReport();
        report.with("body").put("description", "x'); delete from message; drop table delivery; --");
        HubApi.send(POLICE, report).statusCode(202);
        assertThat(database.count("select count(*) from message")).isEqualTo(messagesBefore + 1);
        assertThat(database.count("select count(*) from delivery where message_id = ?",
                UUID.fromString(Messages.id(report)))).isPositive();
    }

    @Test
    @DisplayName("A15 a police notice with an external entity (XXE): 400, the file never read")
    void a15_xxe_in_a_police_notice() {
        String notice = "<?xml version=\"1.0\"?><!DOCTYPE n [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<ppn:notice xmlns:ppn=\"https://schemas.safeguarding.wales/hub/police/ppn/1.0\">"
                + "<ppn:narrative>&x;</ppn:narrative></ppn:notice>";
        String answer = given().header("Authorization", Tokens.bearer(AgencyStubs.SOUTH_WALES_POLICE))
                .contentType("application/xml").body(notice).post("/api/v1/police/notices").then().statusCode(400)
                .extract().asString();
        assertThat(answer).doesNotContain("root:");
        assertNothingStored();
    }

    @Test
    @DisplayName("A16 a police notice with a billion laughs: 400 without expanding it")
    void a16_billion_laughs_in_a_police_notice() {
        StringBuilder entities = new StringBuilder("<!ENTITY l0 \"ha\">");
        for (int i = 1; i <= 9; i++) {
            entities.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        String notice = "<?xml version=\"1.0\"?><!DOCTYPE n [" + entities + "]>"
                + "<ppn:notice xmlns:ppn=\"https://schemas.safeguarding.wales/hub/police/ppn/1.0\">"
                + "<ppn:narrative>&l9;</ppn:narrative></ppn:notice>";
        given().header("Authorization", Tokens.bearer(AgencyStubs.SOUTH_WALES_POLICE)).contentType("application/xml")
                .body(notice).post("/api/v1/police/notices").then().statusCode(400)
                .body(not(containsString("hahaha")));
        assertNothingStored();
    }

    @Test
    @DisplayName("A17 a GP practice's FHIR XML with an external entity: refused with an OperationOutcome, file not read")
    void a17_xxe_in_fhir_xml() {
        String bundle = "<?xml version=\"1.0\"?><!DOCTYPE Bundle [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Bundle xmlns=\"http://hl7.org/fhir\"><type value=\"message\"/><id value=\"&x;\"/></Bundle>";
        ValidatableResponse answer = given().header("Authorization", Tokens.bearer(AgencyStubs.FHIR_GP))
                .contentType("application/fhir+xml").body(bundle).post("/fhir/$process-message").then();
        answer.statusCode(org.hamcrest.Matchers.oneOf(400, 422)).body(not(containsString("root:")));
        assertNothingStored();
    }

    // ----

    private static JwtClaimsBuilder claims(String client) {
        return Jwt.issuer("https://server.example.com").audience("safeguarding-hub").subject("service-account-" + client)
                .upn(client).claim("azp", client).groups("agency").expiresIn(3600);
    }

    private static ValidatableResponse post(String authorization, ObjectNode message) {
        var request = given().contentType("application/json").body(message.toString());
        if (authorization != null) {
            request = request.header("Authorization", authorization);
        }
        return request.post("/api/v1/messages").then();
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Nothing stored by the refused requests (the tests before this one may still be delivering their own). */
    private void assertNothingStored() {
        assertThat(database.count("select count(*) from message")).as("messages stored").isEqualTo(messagesBefore);
    }
}
