package wales.safeguarding.hub.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static wales.safeguarding.hub.childprotection.RulesFixture.BOARD;
import static wales.safeguarding.hub.childprotection.RulesFixture.CASE;
import static wales.safeguarding.hub.childprotection.RulesFixture.COUNCIL;
import static wales.safeguarding.hub.childprotection.RulesFixture.GP;
import static wales.safeguarding.hub.childprotection.RulesFixture.POLICE;
import static wales.safeguarding.hub.childprotection.RulesFixture.SCHOOL;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import wales.safeguarding.hub.childprotection.RulesFixture;
import wales.safeguarding.hub.clocks.ClockRecord;
import wales.safeguarding.hub.clocks.EscalationStep;
import wales.safeguarding.hub.tracking.StoredMessage;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.tracking.Addressee;
import wales.safeguarding.schemas.tracking.Escalation;

/** Recommendation 5.2: who a professional challenge's step-up notice goes to, stage by stage. */
class ChallengeStepUpMessagesTest {

    private static final Instant DUE = Instant.parse("2026-12-08T00:00:00Z");
    private final EscalationMessages messages = new EscalationMessages(RulesFixture.directory());

    private Envelope stepUp(String clock, String owing, String waiting) {
        return stepUp(clock, owing, waiting, null);
    }

    private Envelope stepUp(String clock, String owing, String waiting, String council) {
        UUID challenge = UUID.randomUUID();
        StoredMessage raised = new StoredMessage(challenge, "professional-challenge", "1.0", waiting, CASE, null, null,
                "en", "OFFICIAL-SENSITIVE", DUE.minusSeconds(86_400 * 7), DUE.minusSeconds(86_400 * 7), "sha", null);
        ClockRecord k = new ClockRecord(1L, challenge, clock, owing, waiting, DUE.minusSeconds(86_400 * 7), DUE, null,
                0, DUE, false);
        return messages.build(EscalationStep.STEP_UP, raised, List.of(k), council, 0,
                OffsetDateTime.of(2026, 12, 8, 0, 0, 1, 0, ZoneOffset.UTC));
    }

    @Test
    @DisplayName("5.2: from the practitioner stage, to both agencies' managers, in Welsh and English, missing the answer")
    void should_send_the_step_up_to_both_agencies_managers() {
        Envelope notice = stepUp("challenge-practitioner", COUNCIL, SCHOOL);
        Escalation body = CanonicalJson.bodyAs(notice, Escalation.class);

        assertThat(notice.recipients()).containsExactly(COUNCIL, SCHOOL);
        assertThat(body.step()).isEqualTo("step-up");
        assertThat(body.missing()).containsExactly("challenge-response");
        // the fixture's agencies name no contacts: each is addressed by the stage's role
        assertThat(body.addressees()).extracting(Addressee::agencyId, Addressee::role)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(COUNCIL, "manager"),
                        org.assertj.core.groups.Tuple.tuple(SCHOOL, "manager"));
        assertThat(body.notices()).extracting(n -> n.language().name()).containsExactly("CY", "EN");
        assertThat(body.notices().get(1).subject()).isEqualTo("Professional challenge in case " + CASE
                + " goes to the manager stage");
    }

    @Test
    @DisplayName("5.2: from the senior manager stage, to the regional board of the council too")
    void should_send_the_step_to_the_board_to_the_councils_regional_board() {
        Envelope notice = stepUp("challenge-senior-manager", COUNCIL, SCHOOL);

        assertThat(notice.recipients()).containsExactly(BOARD, COUNCIL, SCHOOL);
        assertThat(CanonicalJson.bodyAs(notice, Escalation.class).addressees()).extracting(Addressee::role)
                .containsExactly("safeguarding-board", "senior-manager", "senior-manager");
    }

    @Test
    @DisplayName("5.2: between the police and a GP practice, the board of the council that holds the case")
    void should_send_the_step_to_the_board_to_the_board_of_the_cases_council() {
        assertThat(stepUp("challenge-senior-manager", POLICE, GP, COUNCIL).recipients())
                .containsExactly(BOARD, POLICE, GP);
    }

    @Test
    @DisplayName("5.2: a board step-up when no council leads to a board cannot be sent (tried again later)")
    void should_refuse_a_board_step_up_without_a_council() {
        assertThatThrownBy(() -> stepUp("challenge-senior-manager", POLICE, GP))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("regional safeguarding board");
    }
}
