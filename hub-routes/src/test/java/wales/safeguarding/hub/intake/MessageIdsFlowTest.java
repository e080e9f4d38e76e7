package wales.safeguarding.hub.intake;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ValidatableResponse;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.CaseMessages;
import wales.safeguarding.hub.support.Database;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.HubApi;
import wales.safeguarding.hub.support.InjectAgencyStubs;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.hub.support.Tokens;
import wales.safeguarding.hub.support.TrackingDatabaseResource;

/**
 * Issue 11 finding 1: no agency can make another's message disappear by sending first under its id. The ids the hub
 * derives (a police notice's, a GP practice's written report's) are keyed with a hub secret, so the old name-based
 * formula no longer gives them; an id another sender used is refused to the second sender only, telling nothing of
 * the first; a force finds its notice by its notice id, and never another force's.
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class MessageIdsFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String FORCE = AgencyStubs.SOUTH_WALES_POLICE;
    private static final String OTHER_FORCE = AgencyStubs.DYFED_POWYS_POLICE;
    private static final String FHIR_GP = AgencyStubs.FHIR_GP;
    private static final String COUNCIL = AgencyStubs.CARMARTHENSHIRE;

    @Inject
    DataSource dataSource;

    @Inject
    FingerprintUpgrade upgrade;

    @InjectAgencyStubs
    AgencyStubs agencies;

    @BeforeEach
    void fresh_stubs() {
        agencies.reset();
    }

    @Test
    void should_deliver_a_forces_notice_after_another_force_sent_a_message_under_its_old_unkeyed_id() throws Exception {
        String noticeId = newNoticeId();
        ObjectNode squat = Messages.dutyToReport();
        squat.put("messageId", unkeyed("ppn:" + FORCE + ":" + noticeId).toString());
        HubApi.send(OTHER_FORCE, squat).statusCode(202);

        String id = sendNotice(FORCE, noticeId).statusCode(202).extract().path("messageId");

        assertThat(id).isNotEqualTo(Messages.id(squat));
        assertThat(UUID.fromString(id).version()).isEqualTo(8);
        await().atMost(WAIT).until(() -> HubApi.inInbox(AgencyStubs.CARDIFF, id));
        // The same notice again is still the same message.
        sendNotice(FORCE, noticeId).statusCode(200).body("messageId", equalTo(id)).body("duplicate", equalTo(true));
    }

    @Test
    void should_accept_a_gps_written_report_after_a_school_sent_a_message_under_its_old_unkeyed_id() throws Exception {
        answerOk();
        CaseMessages journey = new CaseMessages();
        ObjectNode invitation = CaseMessages.naming(CaseMessages.inviting(journey.of("conference-invitation"),
                OTHER_FORCE), OTHER_FORCE);
        ((ObjectNode) invitation.with("body").withArray("children").get(0)).with("gpPractice").put("odsCode", "Z99002");
        String invitationId = Messages.id(invitation);
        HubApi.send(COUNCIL, invitation).statusCode(202);
        await().atMost(WAIT).until(() -> "delivered".equals(HubApi.state(COUNCIL, invitationId, FHIR_GP)));

        ObjectNode squat = fromSchool(Messages.dutyToReport());
        squat.put("messageId", unkeyed("gp-report:" + FHIR_GP + ":" + invitationId).toString());
        HubApi.send(AgencyStubs.SCHOOL, squat).statusCode(202);

        given().header("Authorization", Tokens.bearer(FHIR_GP)).contentType("application/fhir+json")
                .body(report(invitationId, journey)).post("/fhir/$process-message").then().statusCode(202);
        await().atMost(WAIT).untilAsserted(() -> agencies.of(COUNCIL).verify(exactly(1),
                postRequestedFor(urlEqualTo("/hub/messages"))
                        .withHeader("X-Hub-Message-Type", WireMock.equalTo("conference-report"))
                        .withRequestBody(matchingJsonPath("$.correlationId", WireMock.equalTo(invitationId)))));
        assertThat(HubApi.track(COUNCIL, invitationId).statusCode(200).extract().jsonPath()
                .getList("clocks.findAll { it.clock == 'written-report' && it.owedBy == '" + FHIR_GP + "' }.metAt"))
                .isNotEmpty().doesNotContainNull();

        // the practice finds its report by the invitation's id, without working out the keyed id; no one else does
        String reportId = findGpAnswer(FHIR_GP, "reports", invitationId).statusCode(200)
                .body("answers", equalTo(invitationId)).body("type", equalTo("conference-report"))
                .extract().path("messageId");
        findGpAnswer(FHIR_GP, "reports", invitationId).body("tracking", equalTo("/api/v1/messages/" + reportId));
        HubApi.track(FHIR_GP, reportId).statusCode(200).body("correlationId", equalTo(invitationId));
        findGpAnswer(AgencyStubs.GP, "reports", invitationId).statusCode(404).body("type", endsWith("not-found"));
        findGpAnswer(FHIR_GP, "reports", UUID.randomUUID().toString()).statusCode(404);
        findGpAnswer(AgencyStubs.SCHOOL, "reports", invitationId).statusCode(403);

        // and its acknowledgement of the invitation, by the invitation's id
        given().header("Authorization", Tokens.bearer(FHIR_GP)).contentType("application/fhir+json")
                .body(acknowledgement(invitationId)).post("/fhir/$process-message").then().statusCode(200);
        String ackId = findGpAnswer(FHIR_GP, "acknowledgements", invitationId).statusCode(200)
                .body("type", equalTo("acknowledgement")).extract().path("messageId");
        HubApi.track(FHIR_GP, ackId).statusCode(200).body("correlationId", equalTo(invitationId));
        findGpAnswer(AgencyStubs.GP, "acknowledgements", invitationId).statusCode(404);
    }

    private static ValidatableResponse findGpAnswer(String client, String what, String answered) {
        return given().header("Authorization", Tokens.bearer(client)).get("/api/v1/gp/" + what + "/" + answered).then();
    }

    private static String acknowledgement(String invitationId) throws IOException {
        try (InputStream in = MessageIdsFlowTest.class.getResourceAsStream("/fhir/response-ok.fhir.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("3f1c2a9e-5b7d-4e8a-9c21-0d6f4b8a1e07", invitationId)
                    .replace("gp-z99001", FHIR_GP).replace("Z99001", "Z99002");
        }
    }

    @Test
    void should_refuse_another_senders_reuse_of_an_id_without_telling_anything_of_the_first_message() {
        ObjectNode first = Messages.dutyToReport();
        String id = Messages.id(first);
        HubApi.send(OTHER_FORCE, first).statusCode(202);
        String acceptedAt = HubApi.track(OTHER_FORCE, id).statusCode(200).extract().path("acceptedAt");

        ObjectNode second = Messages.dutyToReport();
        second.put("messageId", id).put("sender", FORCE);
        second.with("body").with("reporter").put("agencyId", FORCE);
        String refusal = HubApi.send(FORCE, second).statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("message-id-taken")).body("violations[0].pointer", equalTo("/messageId"))
                .extract().asString();

        assertThat(refusal).doesNotContain(OTHER_FORCE).doesNotContain(id)
                .doesNotContain(first.at("/body/children/0/name/given").asText("never-in-the-body"));
        // The first message is untouched: the same sender's resubmission is still a duplicate of it.
        HubApi.track(OTHER_FORCE, id).statusCode(200).body("sender", equalTo(OTHER_FORCE))
                .body("acceptedAt", equalTo(acceptedAt));
        HubApi.send(OTHER_FORCE, first).statusCode(200).body("duplicate", equalTo(true));
        // The same sender with other content keeps its own answer.
        first.put("createdAt", "2025-06-02T10:55:00+01:00");
        HubApi.send(OTHER_FORCE, first).statusCode(409).body("type", endsWith("message-id-reused"));
    }

    @Test
    void should_keep_a_keyed_fingerprint_and_still_know_a_resubmission_by_a_plain_one_stored_before() {
        ObjectNode report = Messages.dutyToReport();
        String id = Messages.id(report);
        HubApi.send(OTHER_FORCE, report).statusCode(202);
        Database db = new Database(dataSource);
        String plain = Fingerprints.digest(report);
        String keyed = db.text("select payload_sha256 from message where message_id = ?", UUID.fromString(id));
        // what a copy of the database shows cannot be checked against a guessed message
        assertThat(keyed).startsWith(Fingerprints.KEYED).doesNotContain(plain);
        HubApi.send(OTHER_FORCE, report).statusCode(200).body("duplicate", equalTo(true));

        // the report's delivery is recorded before the row is set back (the upgrade skips a row locked by a writer)
        await().atMost(WAIT).until(() -> "delivered".equals(HubApi.state(OTHER_FORCE, id, COUNCIL)));
        // a row stored before fingerprints were keyed is still recognised, and keyed by the upgrade
        db.update("update message set payload_sha256 = ? where message_id = ?", plain, UUID.fromString(id));
        HubApi.send(OTHER_FORCE, report).statusCode(200).body("duplicate", equalTo(true));
        upgrade.run();
        assertThat(db.text("select payload_sha256 from message where message_id = ?", UUID.fromString(id)))
                .isEqualTo(keyed);
        HubApi.send(OTHER_FORCE, report).statusCode(200).body("duplicate", equalTo(true));
        report.put("createdAt", "2025-06-02T10:55:00+01:00");
        HubApi.send(OTHER_FORCE, report).statusCode(409).body("type", endsWith("message-id-reused"));
    }

    @Test
    void should_let_a_force_find_its_notice_by_number_and_not_another_forces() throws Exception {
        String noticeId = newNoticeId();
        String id = sendNotice(FORCE, noticeId).statusCode(202).extract().path("messageId");

        findNotice(FORCE, noticeId).statusCode(200).body("messageId", equalTo(id))
                .body("noticeId", equalTo(noticeId)).body("tracking", equalTo("/api/v1/messages/" + id));
        HubApi.track(FORCE, id).statusCode(200);
        // A client that encodes the notice id's slashes finds it too.
        given().urlEncodingEnabled(false).header("Authorization", Tokens.bearer(FORCE))
                .get("/api/v1/police/notices/" + noticeId.replace("/", "%2F")).then().statusCode(200)
                .body("messageId", equalTo(id));

        findNotice(OTHER_FORCE, noticeId).statusCode(404).body("type", endsWith("not-found"));
        findNotice(FORCE, newNoticeId()).statusCode(404);
        findNotice(AgencyStubs.SCHOOL, noticeId).statusCode(403);
    }

    private static ValidatableResponse findNotice(String client, String noticeId) {
        return given().header("Authorization", Tokens.bearer(client)).get("/api/v1/police/notices/" + noticeId).then();
    }

    private static String newNoticeId() {
        return "SWP/PPN/2026/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The id the hub gave before issue 11: anyone could work it out. */
    private static UUID unkeyed(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    private static ObjectNode fromSchool(ObjectNode report) {
        report.put("sender", AgencyStubs.SCHOOL);
        report.with("body").with("reporter").put("agencyId", AgencyStubs.SCHOOL);
        return report;
    }

    private static ValidatableResponse sendNotice(String client, String noticeId) throws IOException {
        try (InputStream in = MessageIdsFlowTest.class.getResourceAsStream("/ppn/child-concern.xml")) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("SWP/PPN/2025/0042", noticeId);
            return given().header("Authorization", Tokens.bearer(client)).contentType("application/xml")
                    .body(xml.getBytes(StandardCharsets.UTF_8)).post("/api/v1/police/notices").then();
        }
    }

    private static String report(String invitationId, CaseMessages journey) throws IOException {
        try (InputStream in = MessageIdsFlowTest.class.getResourceAsStream("/fhir/report-in-bundle.fhir.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("3f1c2a9e-5b7d-4e8a-9c21-0d6f4b8a1e07", invitationId)
                    .replace("CCS-ICPC-2025-0042", journey.conferenceId())
                    .replace("gp-z99001", FHIR_GP).replace("Z99001", "Z99002");
        }
    }

    /** The FHIR practice's system answers every message "ok". */
    private void answerOk() {
        String response = """
                {"resourceType": "Bundle", "type": "message", "entry": [{"resource": {
                  "resourceType": "MessageHeader", "id": "reply-1",
                  "eventCoding": {"system": "https://hub.safeguarding.wales/fhir/message-event", "code": "conference-invitation"},
                  "source": {"endpoint": "https://gp-z99002.example.org/fhir"},
                  "response": {"identifier": "received", "code": "ok"}}}]}""";
        agencies.of(FHIR_GP).stubFor(post(urlEqualTo("/fhir/$process-message")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/fhir+json")
                        .withBody(response)));
    }
}
