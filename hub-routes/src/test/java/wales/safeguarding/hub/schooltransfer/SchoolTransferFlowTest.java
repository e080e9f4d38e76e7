package wales.safeguarding.hub.schooltransfer;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import wales.safeguarding.adapters.school.WebhookSignature;
import wales.safeguarding.hub.escalation.Escalator;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.CaseMessages;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.HubApi;
import wales.safeguarding.hub.support.InjectAgencyStubs;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.hub.support.TestClock;
import wales.safeguarding.hub.support.TrackingDatabaseResource;

/** A registered child moves school: the file follows the child, the old school and the education service are told. */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class SchoolTransferFlowTest {

    // escalations fired by a sweep of the whole suite's clocks (earlier tests leave many) can take more than 20 s
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String COUNCIL = AgencyStubs.CARMARTHENSHIRE;
    private static final String POLICE = AgencyStubs.DYFED_POWYS_POLICE;
    private static final String OLD_SCHOOL = AgencyStubs.SCHOOL;
    private static final String NEW_SCHOOL = AgencyStubs.SECOND_SCHOOL;
    private static final String EDUCATION = AgencyStubs.EDUCATION_SERVICE;
    private static final String CLOCK = "school-transfer-acknowledgement";
    private static final String CARDIFF_SCHOOL = AgencyStubs.CARDIFF_SCHOOL;
    private static final String CARDIFF_EDUCATION = AgencyStubs.CARDIFF_EDUCATION_SERVICE;

    @InjectAgencyStubs
    AgencyStubs agencies;

    @Inject
    TestClock clock;

    @Inject
    Escalator escalator;

    private CaseMessages journey;

    @BeforeEach
    void a_registered_child_at_the_old_school() {
        agencies.reset();
        journey = new CaseMessages();
        // Tuesday 1 December 2026: the conference registers the child; the old school is in the core group.
        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        HubApi.send(COUNCIL, journey.of("conference-invitation")).statusCode(202);
        HubApi.send(COUNCIL, journey.of("outline-plan")).statusCode(202);
    }

    @AfterEach
    void real_time_again() {
        clock.release();
    }

    @Test
    void should_send_the_file_to_the_new_school_signed_and_tell_the_old_school_and_education_service_without_it() {
        ObjectNode transfer = journey.of("school-transfer");

        HubApi.send(COUNCIL, transfer).statusCode(202)
                .body("recipients", containsInAnyOrder(NEW_SCHOOL, OLD_SCHOOL, EDUCATION))
                .body("complianceNotes", org.hamcrest.Matchers.empty());

        LoggedRequest atNewSchool = awaitRequest(NEW_SCHOOL, Messages.id(transfer));
        JsonNode file = Messages.read(atNewSchool.getBody()).at("/body/safeguardingFile");
        assertThat(file).isEqualTo(transfer.at("/body/safeguardingFile"));
        var signature = WebhookSignature.verify("test-only-webhook-secret-2", atNewSchool.getHeader("X-Hub-Timestamp"),
                atNewSchool.getHeader("X-Hub-Signature"), atNewSchool.getBody(), Instant.now());
        assertThat(signature.valid()).as(signature.reason()).isTrue();
        assertThat(Messages.read(atNewSchool.getBody()).at("/body/child/nhsNumber").isMissingNode()).isTrue();

        for (String told : List.of(OLD_SCHOOL, EDUCATION)) {
            LoggedRequest notice = awaitRequest(told, Messages.id(transfer));
            JsonNode body = Messages.read(notice.getBody()).get("body");
            assertThat(body.has("safeguardingFile")).as("%s receives no file", told).isFalse();
            assertThat(notice.getBodyAsString()).as(told).doesNotContain("chronology", "Chronology", "Demo Social Worker",
                    transfer.at("/body/safeguardingFile/attachments/0/contentBase64").asText());
            assertThat(body.at("/newSchool/schoolNumber").asText()).isEqualTo("6699002");
            assertThat(body.at("/oldSchool/agencyId").asText()).isEqualTo(OLD_SCHOOL);
            assertThat(body.at("/startsOn").asText()).isEqualTo("2025-09-08");
            assertThat(body.at("/child/name").asText()).isEqualTo("Alys Enghraifft");
        }
        var oldSchoolSignature = awaitRequest(OLD_SCHOOL, Messages.id(transfer));
        assertThat(WebhookSignature.verify("test-only-webhook-secret", oldSchoolSignature.getHeader("X-Hub-Timestamp"),
                oldSchoolSignature.getHeader("X-Hub-Signature"), oldSchoolSignature.getBody(), Instant.now()).valid())
                .isTrue();

        // Five working days after Tuesday 1 December: the end of Tuesday 8 December, owed by the new school.
        HubApi.track(COUNCIL, Messages.id(transfer)).statusCode(200)
                .body("clocks.find { it.clock == '" + CLOCK + "' }.owedBy", equalTo(NEW_SCHOOL))
                .body("clocks.find { it.clock == '" + CLOCK + "' }.dueAt", equalTo("2026-12-09T00:00:00Z"));
    }

    @Test
    void should_involve_the_education_services_of_both_councils_when_the_new_school_is_across_the_border() {
        // issue 15 item 4: from a Carmarthenshire school to a school in Cardiff's area (the directory's localAuthority)
        ObjectNode transfer = journey.of("school-transfer");
        transfer.with("body").putObject("newSchool").put("agencyId", CARDIFF_SCHOOL).put("name", "Cardiff Demo High");

        HubApi.send(COUNCIL, transfer).statusCode(202)
                .body("recipients", containsInAnyOrder(CARDIFF_SCHOOL, OLD_SCHOOL, CARDIFF_EDUCATION, EDUCATION))
                .body("complianceNotes.code", equalTo(List.of("school-in-another-area")));

        // Cardiff's school (it collects from its inbox) receives the file; each education service only the notice
        JsonNode atNewSchool = awaitInInbox(CARDIFF_SCHOOL, Messages.id(transfer));
        assertThat(atNewSchool.at("/body/safeguardingFile")).isEqualTo(transfer.at("/body/safeguardingFile"));
        JsonNode atCarmarthenshire = Messages.read(awaitRequest(EDUCATION, Messages.id(transfer)).getBody());
        JsonNode atCardiff = awaitInInbox(CARDIFF_EDUCATION, Messages.id(transfer));
        for (JsonNode notice : List.of(atCarmarthenshire, atCardiff)) {
            JsonNode body = notice.get("body");
            assertThat(body.has("safeguardingFile")).isFalse();
            assertThat(body.at("/child/nhsNumber").isMissingNode()).isTrue();
            assertThat(body.at("/child/gpPractice").isMissingNode()).isTrue();
            assertThat(body.at("/newSchool/agencyId").asText()).isEqualTo(CARDIFF_SCHOOL);
            assertThat(body.at("/oldSchool/agencyId").asText()).isEqualTo(OLD_SCHOOL);
            assertThat(body.at("/startsOn").asText()).isEqualTo("2025-09-08");
        }
        // Cardiff's children's services hold nothing of this case: they are not told (the case stays in Carmarthenshire)
        assertThat(HubApi.inInbox(AgencyStubs.CARDIFF, Messages.id(transfer))).isFalse();
        // The new school in Cardiff owes the acknowledgement; the case's school is the Cardiff school now.
        HubApi.track(COUNCIL, Messages.id(transfer)).statusCode(200)
                .body("clocks.find { it.clock == '" + CLOCK + "' }.owedBy", equalTo(CARDIFF_SCHOOL));
        ObjectNode update = CaseMessages.naming(journey.of("plan-update"));
        update.with("body").with("child").remove("school");
        HubApi.send(COUNCIL, update).statusCode(202).body("recipients", hasItem(CARDIFF_SCHOOL))
                .body("recipients", org.hamcrest.Matchers.not(hasItem(OLD_SCHOOL)));
    }

    @Test
    void should_move_the_case_and_its_core_group_to_the_new_school() {
        HubApi.send(COUNCIL, journey.of("school-transfer")).statusCode(202);

        ObjectNode update = CaseMessages.naming(journey.of("plan-update"));
        update.with("body").with("child").remove("school");
        HubApi.send(COUNCIL, update).statusCode(202)
                .body("recipients", hasItem(NEW_SCHOOL))
                .body("recipients", org.hamcrest.Matchers.not(hasItem(OLD_SCHOOL)));

        // A council message that still names the school the child left does not send the plan back there.
        ObjectNode stale = CaseMessages.naming(journey.of("plan-update"));
        assertThat(stale.at("/body/child/school/schoolNumber").asText()).isEqualTo("6699001");
        HubApi.send(COUNCIL, stale).statusCode(202)
                .body("recipients", hasItem(NEW_SCHOOL))
                .body("recipients", org.hamcrest.Matchers.not(hasItem(OLD_SCHOOL)));

        // The case's school is now the new one: a second transfer must name it as the school the child leaves.
        ObjectNode again = journey.of("school-transfer");
        HubApi.send(COUNCIL, again).statusCode(422)
                .body("violations[0].pointer", equalTo("/body/oldSchool"))
                .body("violations[0].rule", equalTo("current-school-of-case"));
    }

    @Test
    void should_meet_the_clock_when_the_new_school_acknowledges_the_file() {
        ObjectNode transfer = transferDelivered();

        ObjectNode ack = acknowledgement(transfer, "accepted");
        HubApi.send(NEW_SCHOOL, ack).statusCode(202).body("recipients", equalTo(List.of(COUNCIL)));

        awaitRequest(COUNCIL, Messages.id(ack));
        HubApi.track(COUNCIL, Messages.id(transfer)).statusCode(200)
                .body("clocks.find { it.clock == '" + CLOCK + "' }.metAt", notNullValue());
        assertThat(HubApi.state(COUNCIL, Messages.id(transfer), NEW_SCHOOL)).isEqualTo("acknowledged");

        // Past the due day nothing fires: the school answered.
        clock.set(Instant.parse("2026-12-09T00:00:01Z"));
        escalator.fireDue();
        HubApi.track(COUNCIL, Messages.id(transfer)).statusCode(200)
                .body("history.findAll { it.event == 'escalation' }", org.hamcrest.Matchers.empty());
    }

    @Test
    void should_tell_the_council_why_when_the_new_school_rejects_the_file() {
        ObjectNode transfer = transferDelivered();

        ObjectNode rejection = acknowledgement(transfer, "rejected");
        rejection.with("body").put("reason", "The child is not on our roll: the admission was withdrawn.");
        HubApi.send(NEW_SCHOOL, rejection).statusCode(202).body("recipients", equalTo(List.of(COUNCIL)));

        JsonNode atCouncil = Messages.read(awaitRequest(COUNCIL, Messages.id(rejection)).getBody());
        assertThat(atCouncil.at("/body/status").asText()).isEqualTo("rejected");
        assertThat(atCouncil.at("/body/reason").asText()).contains("not on our roll");
        HubApi.track(COUNCIL, Messages.id(transfer)).statusCode(200)
                .body("clocks.find { it.clock == '" + CLOCK + "' }.metAt", notNullValue())
                .body("history.find { it.event == 'rejected' }.detail", startsWith("acknowledgement "));
    }

    @Test
    void should_remind_the_new_school_then_tell_the_council_when_it_does_not_acknowledge() {
        ObjectNode transfer = transferDelivered();

        clock.set(Instant.parse("2026-12-08T23:59:00Z"));
        escalator.fireDue();
        HubApi.track(COUNCIL, Messages.id(transfer)).statusCode(200)
                .body("history.findAll { it.event == 'escalation' }", org.hamcrest.Matchers.empty());

        // Due by the end of Tuesday 8 December: reminded on the 9th, managers and the council two working days later.
        clock.set(Instant.parse("2026-12-09T00:00:01Z"));
        escalator.fireDue();
        JsonNode reminder = awaitEscalation(NEW_SCHOOL, "reminder");
        assertThat(reminder.at("/body/concerningMessageId").asText()).isEqualTo(Messages.id(transfer));
        assertThat(reminder.at("/body/notices/0/text").asText()).contains("safeguarding file");

        clock.set(Instant.parse("2026-12-11T00:00:01Z"));
        escalator.fireDue();
        awaitEscalation(COUNCIL, "manager-notice");
        awaitEscalation(NEW_SCHOOL, "manager-notice");
        HubApi.track(COUNCIL, Messages.id(transfer)).statusCode(200)
                .body("clocks.find { it.clock == '" + CLOCK + "' }.metAt", nullValue());
    }

    @Test
    void should_refuse_a_transfer_from_anyone_but_the_council_or_to_a_school_the_hub_does_not_know() {
        ObjectNode fromPolice = journey.of("school-transfer");
        fromPolice.put("sender", POLICE);
        HubApi.send(POLICE, fromPolice).statusCode(422)
                .body("violations[0].pointer", equalTo("/sender"))
                .body("violations[0].rule", equalTo("council-only-type"));

        ObjectNode unknownSchool = journey.of("school-transfer");
        unknownSchool.with("body").with("newSchool").put("schoolNumber", "6690000");
        HubApi.send(COUNCIL, unknownSchool).statusCode(422)
                .body("violations[0].pointer", equalTo("/body/newSchool/schoolNumber"))
                .body("violations[0].rule", equalTo("known-school"));

        ObjectNode notTheCasesSchool = journey.of("school-transfer");
        notTheCasesSchool.with("body").putObject("oldSchool").put("agencyId", NEW_SCHOOL);
        notTheCasesSchool.with("body").putObject("newSchool").put("agencyId", OLD_SCHOOL);
        HubApi.send(COUNCIL, notTheCasesSchool).statusCode(422)
                .body("violations.rule", hasItem("current-school-of-case"));
    }

    /** The council's transfer of the example file, once the new school has it. */
    private ObjectNode transferDelivered() {
        ObjectNode transfer = journey.of("school-transfer");
        HubApi.send(COUNCIL, transfer).statusCode(202);
        awaitRequest(NEW_SCHOOL, Messages.id(transfer));
        return transfer;
    }

    private ObjectNode acknowledgement(ObjectNode transfer, String status) {
        ObjectNode ack = journey.of("acknowledgement");
        ack.put("sender", NEW_SCHOOL).put("correlationId", Messages.id(transfer)).put("language", "en");
        ack.with("body").put("status", status);
        return ack;
    }

    /** The copy of the message in a pull agency's inbox, once it is there. */
    private static JsonNode awaitInInbox(String agency, String messageId) {
        await().atMost(WAIT).until(() -> HubApi.inInbox(agency, messageId));
        Object message = HubApi.inboxCopies(agency, messageId).get(0).get("message");
        return wales.safeguarding.schemas.envelope.CanonicalJson.mapper().valueToTree(message);
    }

    private LoggedRequest awaitRequest(String agency, String messageId) {
        var pattern = postRequestedFor(urlEqualTo("/hub/messages"))
                .withHeader("X-Hub-Message-Id", WireMock.equalTo(messageId));
        await().atMost(WAIT).untilAsserted(() -> agencies.of(agency).verify(exactly(1), pattern));
        return agencies.of(agency).findAll(pattern).get(0);
    }

    private JsonNode awaitEscalation(String agency, String step) {
        var pattern = postRequestedFor(urlEqualTo("/hub/messages"))
                .withHeader("X-Hub-Message-Type", WireMock.equalTo("escalation"))
                .withRequestBody(WireMock.matchingJsonPath("$.caseReference", WireMock.equalTo(journey.caseReference())))
                .withRequestBody(WireMock.matchingJsonPath("$.body.step", WireMock.equalTo(step)))
                .withRequestBody(WireMock.matchingJsonPath("$.body.missing[0]", WireMock.equalTo(CLOCK)));
        await().atMost(WAIT).untilAsserted(() -> agencies.of(agency).verify(exactly(1), pattern));
        return Messages.read(agencies.of(agency).findAll(pattern).get(0).getBody());
    }
}
