package wales.safeguarding.hub.casetransfer;

import static org.assertj.core.api.Assertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.CaseMessages;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.HubApi;
import wales.safeguarding.hub.support.InjectAgencyStubs;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.hub.support.TestClock;
import wales.safeguarding.hub.support.Tokens;
import wales.safeguarding.hub.support.TrackingDatabaseResource;

/**
 * A registered child's family moves from Carmarthenshire to Cardiff: Carmarthenshire hands the case to Cardiff, which
 * acknowledges it and owes the transfer-in conference and the next review; the child's agencies learn who holds the
 * case now, without the plan.
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class CaseTransferFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String COUNCIL = AgencyStubs.CARMARTHENSHIRE;
    private static final String CARDIFF = AgencyStubs.CARDIFF;
    private static final String ACK_CLOCK = "case-transfer-acknowledgement";
    private static final String CONFERENCE_CLOCK = "transfer-in-conference";

    @InjectAgencyStubs
    AgencyStubs agencies;

    @Inject
    TestClock clock;

    @Inject
    javax.sql.DataSource dataSource;

    private CaseMessages journey;
    private ObjectNode outlinePlan;

    @BeforeEach
    void a_child_registered_in_carmarthenshire() {
        agencies.reset();
        journey = new CaseMessages();
        // Tuesday 1 December 2026: the initial conference registers Alys; her first review and core group are owed.
        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        HubApi.send(COUNCIL, journey.of("conference-invitation")).statusCode(202);
        outlinePlan = journey.of("outline-plan");
        HubApi.send(COUNCIL, outlinePlan).statusCode(202);
    }

    @AfterEach
    void real_time_again() {
        clock.release();
    }

    @Test
    void should_hand_the_case_to_cardiff_and_tell_the_parties_who_holds_it_without_the_plan() {
        ObjectNode transfer = journey.of("case-transfer");

        HubApi.send(COUNCIL, transfer).statusCode(202)
                .body("recipients", hasItems(CARDIFF, AgencyStubs.GP, AgencyStubs.SCHOOL, AgencyStubs.SECOND_SCHOOL,
                        AgencyStubs.DYFED_POWYS_POLICE, AgencyStubs.SOUTH_WALES_POLICE, AgencyStubs.EDUCATION_SERVICE))
                .body("recipients", not(hasItem(COUNCIL)));

        // Cardiff's system collects from its inbox: the whole body, plan and core group included
        JsonNode atCardiff = awaitInCardiffsInbox(Messages.id(transfer));
        assertThat(atCardiff.get("body")).isEqualTo(transfer.get("body"));

        for (String party : List.of(AgencyStubs.GP, AgencyStubs.SECOND_SCHOOL, AgencyStubs.SOUTH_WALES_POLICE,
                AgencyStubs.SCHOOL, AgencyStubs.EDUCATION_SERVICE)) {
            JsonNode body = awaitReceived(party, Messages.id(transfer)).get("body");
            assertThat(body.path("receivingCouncil").asText()).as(party).isEqualTo(CARDIFF);
            assertThat(body.at("/keyContacts/receiving/name").asText()).as(party).isEqualTo("Demo Team Manager");
            assertThat(body.at("/children/0/child/name").asText()).as(party).isEqualTo("Alys Enghraifft");
            assertThat(body.has("plan") || body.has("coreGroup") || body.has("reason")).as(party).isFalse();
            assertThat(body.at("/keyContacts/sending").isMissingNode()).as(party).isTrue();
            assertThat(body.at("/children/0/categoriesOfHarm").isMissingNode()).as(party).isTrue();
        }
        assertThat(awaitReceived(AgencyStubs.SECOND_SCHOOL, Messages.id(transfer))
                .at("/body/children/0/child/nhsNumber").isMissingNode()).isTrue();

        // Owed by Cardiff: acknowledgement within 3 working days (end of Friday 4 December) and the transfer-in
        // conference within 15 working days of the notification (end of Tuesday 22 December).
        HubApi.track(COUNCIL, Messages.id(transfer)).statusCode(200)
                .body("clocks.find { it.clock == '" + ACK_CLOCK + "' }.owedBy", equalTo(CARDIFF))
                .body("clocks.find { it.clock == '" + ACK_CLOCK + "' }.dueAt", equalTo("2026-12-05T00:00:00Z"))
                .body("clocks.find { it.clock == '" + CONFERENCE_CLOCK + "' }.owedBy", equalTo(CARDIFF))
                .body("clocks.find { it.clock == '" + CONFERENCE_CLOCK + "' }.waiting", equalTo(COUNCIL))
                .body("clocks.find { it.clock == '" + CONFERENCE_CLOCK + "' }.dueAt", equalTo("2026-12-23T00:00:00Z"));
        // Alys's registration now counts for Cardiff, the council holding her case (the boards' register measures)
        assertThat(new wales.safeguarding.hub.support.Database(dataSource).text(
                "select council from register_history where case_reference = ? and removed_on is null",
                journey.caseReference())).isEqualTo(CARDIFF);
        // The next review and the core group the conference started are Cardiff's now, due as they were.
        HubApi.track(COUNCIL, Messages.id(outlinePlan)).statusCode(200)
                .body("clocks.find { it.clock == 'first-review-conference' }.owedBy", equalTo(CARDIFF))
                .body("clocks.find { it.clock == 'first-core-group' }.owedBy", equalTo(CARDIFF))
                .body("clocks.find { it.clock == 'first-core-group' }.metAt", nullValue());
    }

    @Test
    void should_make_cardiff_the_holder_whose_acknowledgement_meets_its_clock() {
        ObjectNode transfer = journey.of("case-transfer");
        HubApi.send(COUNCIL, transfer).statusCode(202);
        awaitInCardiffsInbox(Messages.id(transfer));

        ObjectNode ack = journey.of("acknowledgement");
        ack.put("sender", CARDIFF).put("correlationId", Messages.id(transfer)).put("language", "en");
        ack.with("body").put("status", "accepted");
        HubApi.send(CARDIFF, ack).statusCode(202).body("recipients", equalTo(List.of(COUNCIL)));
        HubApi.track(COUNCIL, Messages.id(transfer)).statusCode(200)
                .body("clocks.find { it.clock == '" + ACK_CLOCK + "' }.metAt", notNullValue())
                .body("clocks.find { it.clock == '" + CONFERENCE_CLOCK + "' }.metAt", nullValue());

        // Cardiff holds the case now: Carmarthenshire's messages about it are refused, Cardiff's accepted.
        HubApi.send(COUNCIL, journey.of("plan-update")).statusCode(422)
                .body("violations[0].pointer", equalTo("/caseReference"))
                .body("violations[0].rule", equalTo("case-of-sender"));
        ObjectNode fromCardiff = journey.of("plan-update");
        fromCardiff.put("sender", CARDIFF);
        HubApi.send(CARDIFF, fromCardiff).statusCode(202);
    }

    @Test
    void should_keep_one_child_when_the_receiving_council_names_them_with_its_own_reference() {
        ObjectNode transfer = journey.of("case-transfer");
        ((ObjectNode) transfer.with("body").withArray("children").get(0)).put("receivingChildReference", "CDF-0042");
        HubApi.send(COUNCIL, transfer).statusCode(202);
        // the other agencies do not receive Cardiff's reference
        assertThat(awaitReceived(AgencyStubs.GP, Messages.id(transfer)).at("/body/children/0/receivingChildReference")
                .isMissingNode()).isTrue();

        // Cardiff's core group meets and its plan update names Alys by Cardiff's reference
        ObjectNode update = CaseMessages.naming(journey.of("plan-update"));
        update.put("sender", CARDIFF);
        update.with("body").with("child").put("childReference", "CDF-0042").put("localAuthority", "W06000015");
        update.with("body").put("coreGroupMetOn", "2026-12-01");
        HubApi.send(CARDIFF, update).statusCode(202);

        var db = new wales.safeguarding.hub.support.Database(dataSource);
        assertThat(db.count("select count(*) from case_child where case_reference = ?", journey.caseReference()))
                .as("one child, not a new one").isEqualTo(1);
        assertThat(db.text("select child_key from case_child where case_reference = ?", journey.caseReference()))
                .isEqualTo("CDF-0042");
        assertThat(db.text("select child_key from register_history where case_reference = ? and removed_on is null",
                journey.caseReference())).isEqualTo("CDF-0042");
        // the first core group clock handed to Cardiff is Alys's still: Cardiff's record of the meeting meets it
        HubApi.track(COUNCIL, Messages.id(outlinePlan)).statusCode(200)
                .body("clocks.find { it.clock == 'first-core-group' }.metAt", notNullValue());
    }

    @Test
    void should_refuse_a_transfer_to_an_agency_that_is_not_a_council() {
        ObjectNode toPolice = journey.of("case-transfer");
        toPolice.with("body").put("receivingCouncil", AgencyStubs.SOUTH_WALES_POLICE);
        HubApi.send(COUNCIL, toPolice).statusCode(422)
                .body("violations[0].pointer", equalTo("/body/receivingCouncil"))
                .body("violations[0].rule", equalTo("known-council"));
    }

    private static JsonNode awaitInCardiffsInbox(String messageId) {
        await().atMost(WAIT).until(() -> HubApi.inInbox(CARDIFF, messageId));
        Object message = HubApi.inboxCopies(CARDIFF, messageId).get(0).get("message");
        return wales.safeguarding.schemas.envelope.CanonicalJson.mapper().valueToTree(message);
    }

    private JsonNode awaitReceived(String agency, String messageId) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(agencies.received(agency, messageId)).isNotNull());
        return agencies.received(agency, messageId);
    }
}
