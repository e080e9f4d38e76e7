package wales.safeguarding.hub.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.CaseMessages;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.HubApi;
import wales.safeguarding.hub.support.InjectAgencyStubs;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.hub.support.TestClock;
import wales.safeguarding.hub.support.TrackingDatabaseResource;

/** Issue 11 finding 5: a message to several agencies; each recipient's tracking shows only its own delivery. */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class TrackingVisibilityFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String COUNCIL = AgencyStubs.CARMARTHENSHIRE;
    private static final String POLICE = AgencyStubs.DYFED_POWYS_POLICE;
    private static final String SCHOOL = AgencyStubs.SCHOOL;

    @InjectAgencyStubs
    AgencyStubs agencies;

    @Inject
    TestClock clock;

    @BeforeEach
    void a_tuesday_morning() {
        agencies.reset();
        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
    }

    @AfterEach
    void real_time_again() {
        clock.release();
    }

    @Test
    void should_show_each_recipient_only_its_own_delivery_and_the_sender_every_one() {
        ObjectNode invitation = CaseMessages.naming(CaseMessages.inviting(new CaseMessages().of("conference-invitation"),
                POLICE, SCHOOL), POLICE, SCHOOL);
        HubApi.send(COUNCIL, invitation).statusCode(202).body("recipients", hasItems(POLICE, SCHOOL));
        String id = Messages.id(invitation);
        await().atMost(WAIT).until(() -> "delivered".equals(HubApi.state(COUNCIL, id, POLICE))
                && "delivered".equals(HubApi.state(COUNCIL, id, SCHOOL)));

        JsonPath asSender = HubApi.track(COUNCIL, id).statusCode(200).extract().jsonPath();
        assertThat(asSender.getList("recipients.agencyId", String.class)).contains(POLICE, SCHOOL);
        assertThat(asSender.getList("history.recipient", String.class)).contains(POLICE, SCHOOL);

        for (String me : List.of(POLICE, SCHOOL)) {
            JsonPath mine = HubApi.track(me, id).statusCode(200).extract().jsonPath();
            assertThat(mine.getList("recipients.agencyId", String.class)).as("recipients %s sees", me).containsExactly(me);
            assertThat(mine.getString("recipients[0].state")).isEqualTo("delivered");
            assertThat(mine.getString("sender")).isEqualTo(COUNCIL);
            List<Map<String, Object>> history = mine.getList("history");
            assertThat(history).as("history %s sees", me).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.get("recipient") == null ? "accepted" : e.get("recipient"))
                            .isIn(me, "accepted"))
                    .allSatisfy(e -> assertThat(e.get("recipient") != null || "accepted".equals(e.get("event"))).isTrue());
            assertThat(mine.getList("history.event", String.class)).contains("accepted", "state-changed");
            List<Map<String, Object>> clocks = mine.getList("clocks");
            assertThat(clocks).allSatisfy(k -> assertThat(me.equals(k.get("owedBy")) || me.equals(k.get("waiting")))
                    .as("clock %s shown to %s", k.get("clock"), me).isTrue());
        }
    }
}
