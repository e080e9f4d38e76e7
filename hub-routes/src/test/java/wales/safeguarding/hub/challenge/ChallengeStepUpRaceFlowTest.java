package wales.safeguarding.hub.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import wales.safeguarding.hub.escalation.Escalator;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.CaseMessages;
import wales.safeguarding.hub.support.Database;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.HubApi;
import wales.safeguarding.hub.support.InjectAgencyStubs;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.hub.support.TestClock;
import wales.safeguarding.hub.support.TrackingDatabaseResource;

/**
 * Issue 15 item 2: "a step-up by a party at the same moment as the sweep can advance the stage twice". Two step-ups
 * of one stage that both read it before either is stored (the test holds the challenge's row until both wait for
 * it, so the race is certain, not likely) advance it once: the first is stored with its notices and the next stage's
 * clock, the second is refused whole ({@code challenge-stage-moved}) and sends nothing.
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ChallengeStepUpRaceFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String COUNCIL = AgencyStubs.CARMARTHENSHIRE;
    private static final String SCHOOL = AgencyStubs.SCHOOL;

    @InjectAgencyStubs
    AgencyStubs agencies;

    @Inject
    TestClock clock;

    @Inject
    Escalator escalator;

    @Inject
    DataSource dataSource;

    private Database database;
    private CaseMessages journey;
    private ExecutorService two;

    @BeforeEach
    void a_challenge_at_the_practitioner_stage() {
        agencies.reset();
        database = new Database(dataSource);
        journey = new CaseMessages();
        two = Executors.newFixedThreadPool(2);
        clock.set(Instant.parse("2026-12-03T09:00:00Z"));
        HubApi.send(COUNCIL, journey.of("conference-invitation")).statusCode(202);
        ObjectNode challenge = CaseMessages.naming(journey.of("professional-challenge"));
        challenge.with("body").put("challengeId", "CH-RACE");
        HubApi.send(SCHOOL, challenge).statusCode(202);
    }

    @AfterEach
    void real_time_again() {
        two.shutdownNow();
        clock.release();
    }

    @Test
    @DisplayName("issue 15 item 2: two parties step up the same stage at once: one advance, one set of notices")
    void should_advance_the_stage_once_when_both_parties_step_it_up_at_once() throws Exception {
        ObjectNode bySchool = response("stepped-up", SCHOOL);
        ObjectNode byCouncil = response("stepped-up", COUNCIL);

        List<ExtractableResponse<Response>> answers = whileTheChallengeIsHeld(2,
                () -> HubApi.send(SCHOOL, bySchool).extract(), () -> HubApi.send(COUNCIL, byCouncil).extract());

        assertThat(answers).extracting(ExtractableResponse::statusCode).containsExactlyInAnyOrder(202, 422);
        ExtractableResponse<Response> refused = answers.stream().filter(a -> a.statusCode() == 422).findFirst()
                .orElseThrow();
        assertThat(refused.jsonPath().getString("violations[0].rule")).isEqualTo("challenge-stage-moved");
        assertThat(refused.jsonPath().getString("violations[0].pointer")).isEqualTo("/body/challengeId");

        assertThat(stage()).isEqualTo("manager");
        assertThat(clocks("challenge-manager")).as("one manager stage clock").isEqualTo(1);
        assertThat(clocks("challenge-senior-manager")).isZero();
        // one set of notices: the accepted step-up alone was stored and sent, to the other party
        assertThat(database.count("select count(*) from message where case_reference = ?"
                + " and message_type = 'challenge-response'", journey.caseReference())).isEqualTo(1);
        String accepted = answers.stream().filter(a -> a.statusCode() == 202).findFirst().orElseThrow()
                .jsonPath().getString("messageId");
        String otherParty = accepted.equals(Messages.id(bySchool)) ? COUNCIL : SCHOOL;
        await().atMost(WAIT).until(() -> agencies.received(otherParty, accepted) != null);
        String loser = accepted.equals(Messages.id(bySchool)) ? Messages.id(byCouncil) : Messages.id(bySchool);
        assertThat(database.count("select count(*) from message where message_id = ?::uuid", loser)).isZero();
    }

    @Test
    @DisplayName("issue 15 item 2: a party's step-up at the moment the sweep steps the stage up is refused")
    void should_advance_the_stage_once_when_a_party_steps_up_as_the_sweep_does() throws Exception {
        String due = HubApi.track(SCHOOL, challengeMessageId()).statusCode(200).extract().jsonPath()
                .getString("clocks.find { it.clock == 'challenge-practitioner' }.dueAt");
        clock.set(Instant.parse(due).plusSeconds(1));
        ObjectNode bySchool = response("stepped-up", SCHOOL);

        List<Object> outcomes = this.<Object>whileTheChallengeIsHeld(2, escalator::fireDue,
                () -> HubApi.send(SCHOOL, bySchool).extract());

        @SuppressWarnings("unchecked")
        ExtractableResponse<Response> party = (ExtractableResponse<Response>) outcomes.get(1);
        long stepUps = database.count("select count(*) from escalation e join statutory_clock c on c.id = e.clock_id"
                + " where c.case_reference = ? and c.clock = 'challenge-practitioner'", journey.caseReference());
        // whichever took the stage's clock first advanced the stage; the other did nothing
        if (party.statusCode() == 202) {
            assertThat(stepUps).as("the party stepped it up first: the sweep finds the clock met").isZero();
        } else {
            assertThat(party.statusCode()).isEqualTo(422);
            assertThat(party.jsonPath().getString("violations[0].rule")).isEqualTo("challenge-stage-moved");
            assertThat(stepUps).as("the sweep's one step-up notice").isEqualTo(1);
        }
        assertThat(stage()).isEqualTo("manager");
        assertThat(clocks("challenge-manager")).isEqualTo(1);
        assertThat(clocks("challenge-senior-manager")).isZero();
    }

    /**
     * Runs both actions on two threads while the test holds the challenge's row: each reads the practitioner stage
     * and then waits (for the row, or for the other's lock on the stage's clock); once {@code waiting} transactions
     * wait, the row is let go and both finish. Bounded: each action has a minute.
     */
    @SafeVarargs
    private <T> List<T> whileTheChallengeIsHeld(int waiting, Supplier<T>... actions) throws Exception {
        try (Connection held = dataSource.getConnection()) {
            held.setAutoCommit(false);
            try (PreparedStatement lock = held.prepareStatement("select 1 from professional_challenge"
                    + " where case_reference = ? and challenge_id = 'CH-RACE' for update")) {
                lock.setString(1, journey.caseReference());
                assertThat(lock.executeQuery().next()).isTrue();
            }
            List<CompletableFuture<T>> running = new java.util.ArrayList<>();
            for (Supplier<T> action : actions) {
                running.add(CompletableFuture.supplyAsync(action, two));
            }
            await().atMost(WAIT).until(() -> waitingForLocks() >= waiting);
            held.commit();
            List<T> done = new java.util.ArrayList<>();
            for (CompletableFuture<T> one : running) {
                done.add(one.get(60, TimeUnit.SECONDS));
            }
            return done;
        }
    }

    /** Transactions waiting for a lock on a challenge or a clock (the two step-ups, or a step-up and the sweep). */
    private long waitingForLocks() {
        return database.count("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                + " and datname = current_database()"
                + " and (query like '%professional_challenge%' or query like '%statutory_clock%')");
    }

    private ObjectNode response(String response, String sender) {
        ObjectNode answer = CaseMessages.naming(journey.of("challenge-response"));
        answer.put("sender", sender);
        answer.with("body").put("challengeId", "CH-RACE").put("response", response);
        return answer;
    }

    private String challengeMessageId() {
        return database.text("select raised_by_message::text from professional_challenge"
                + " where case_reference = ? and challenge_id = 'CH-RACE'", journey.caseReference());
    }

    private String stage() {
        return database.text("select stage from professional_challenge where case_reference = ? and challenge_id"
                + " = 'CH-RACE'", journey.caseReference());
    }

    private long clocks(String clockName) {
        return database.count("select count(*) from statutory_clock where case_reference = ? and clock = ?",
                journey.caseReference(), clockName);
    }
}
