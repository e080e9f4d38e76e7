package wales.safeguarding.hub.childprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static wales.safeguarding.hub.childprotection.RulesFixture.CASE;
import static wales.safeguarding.hub.childprotection.RulesFixture.CONFERENCE;
import static wales.safeguarding.hub.childprotection.RulesFixture.COUNCIL;
import static wales.safeguarding.hub.childprotection.RulesFixture.GP;
import static wales.safeguarding.hub.childprotection.RulesFixture.caseWith;
import static wales.safeguarding.hub.childprotection.RulesFixture.child;
import static wales.safeguarding.hub.childprotection.RulesFixture.envelope;
import static wales.safeguarding.hub.childprotection.RulesFixture.example;

import java.time.Instant;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.rules.FactsInMemory;
import wales.safeguarding.hub.rules.Routing;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.validation.Violation;

/** Corrections to a conference's minutes run from the final minutes (domain.md: corrections within 10 working days). */
class MinutesCorrectionRulesTest {

    private final FactsInMemory facts = new FactsInMemory()
            .withCase(caseWith(child(RulesFixture.ALYS, GP, RulesFixture.SCHOOL, true)));

    /** Minutes (draft or final) the council sent through the hub to the GP. */
    private Envelope minutesToTheGp(boolean isFinal) {
        ObjectNode json = example("conference-minutes");
        json.with("body").put("final", isFinal);
        Envelope minutes = envelope(json);
        facts.withSent(minutes, GP);
        return minutes;
    }

    private static Envelope correctionOf(Envelope minutes) {
        ObjectNode json = example("minutes-correction");
        json.put("correlationId", minutes.messageId().toString());
        return envelope(json);
    }

    private static Routing correctionAt(String instant, Envelope correction, FactsInMemory facts) {
        return RulesFixture.conferenceRecordRules(RulesFixture.at(instant)).route(correction, facts);
    }

    @Test
    @DisplayName("issue 10 defect 7: corrections to draft minutes are accepted while no final minutes have reached "
            + "the hub, however long ago the draft came")
    void corrections_to_a_draft_are_accepted_until_the_final_minutes_come() {
        Envelope draft = minutesToTheGp(false);

        Routing routing = correctionAt("2025-09-30T10:00:00Z", correctionOf(draft), facts);

        assertThat(routing.violations()).isEmpty();
        assertThat(routing.recipients()).containsExactly(COUNCIL);
    }

    @Test
    @DisplayName("issue 10 defect 7: final minutes sent after a draft can be corrected for 10 working days after the "
            + "final minutes were received")
    void corrections_run_ten_working_days_from_the_final_minutes() {
        minutesToTheGp(false);
        Envelope finalMinutes = minutesToTheGp(true);
        // the final minutes reached the hub on Tuesday 1 December 2026; ten working days end with Tuesday 15 December
        facts.withFinalMinutesReceived(CASE, CONFERENCE, Instant.parse("2026-12-01T09:00:00Z"));
        Envelope correction = correctionOf(finalMinutes);

        assertThat(correctionAt("2026-12-15T16:00:00Z", correction, facts).violations()).isEmpty();
        assertThat(correctionAt("2026-12-16T00:00:01Z", correction, facts).violations())
                .extracting(Violation::pointer, Violation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/correlationId", "corrections-window"));
    }

    @Test
    @DisplayName("issue 10 defect 7: once final minutes exist, a late correction answering the draft is refused too")
    void a_late_correction_to_the_draft_is_refused_once_final_minutes_exist() {
        Envelope draft = minutesToTheGp(false);
        facts.withFinalMinutesReceived(CASE, CONFERENCE, Instant.parse("2026-12-01T09:00:00Z"));

        assertThat(correctionAt("2026-12-16T00:00:01Z", correctionOf(draft), facts).violations())
                .extracting(Violation::rule).containsExactly("corrections-window");
    }

    @Test
    @DisplayName("issue 10 defect 7: the hub records whether minutes are final; only final minutes meet the minutes "
            + "clock")
    void minutes_are_recorded_as_draft_or_final() {
        var rules = RulesFixture.conferenceRecordRules(RulesFixture.at("2025-07-15T12:00:00Z"));
        Envelope draft = minutesToTheGp(false);
        Envelope finalMinutes = minutesToTheGp(true);

        assertThat(rules.accepted(draft, Instant.parse("2025-07-15T12:00:00Z"), facts))
                .containsExactly(new Effect.RecordMinutes(CASE, CONFERENCE, false));
        assertThat(rules.accepted(finalMinutes, Instant.parse("2025-07-15T12:00:00Z"), facts)).containsExactly(
                new Effect.RecordMinutes(CASE, CONFERENCE, true),
                new Effect.StopClocks(ConferenceRules.CONFERENCE_MINUTES, CASE, CONFERENCE, null));
    }
}
