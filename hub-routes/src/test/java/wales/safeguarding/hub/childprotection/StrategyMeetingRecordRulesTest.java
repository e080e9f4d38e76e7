package wales.safeguarding.hub.childprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static wales.safeguarding.hub.childprotection.RulesFixture.CASE;
import static wales.safeguarding.hub.childprotection.RulesFixture.COUNCIL;
import static wales.safeguarding.hub.childprotection.RulesFixture.GP;
import static wales.safeguarding.hub.childprotection.RulesFixture.POLICE;
import static wales.safeguarding.hub.childprotection.RulesFixture.SCHOOL;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import wales.safeguarding.hub.rules.CaseRecord;
import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.rules.FactsInMemory;
import wales.safeguarding.hub.rules.Routing;
import wales.safeguarding.schemas.validation.Violation;

/**
 * Issue 15 item 1, recommendation 2.2 ("All agencies should ensure representation at strategy meetings"): who may
 * send the record of a strategy meeting, about which meeting, and whom it reaches.
 */
class StrategyMeetingRecordRulesTest {

    private static final String MEETING = "CCS-SM-2025-0117";
    private final StrategyMeetingRecordRules rules = new StrategyMeetingRecordRules(RulesFixture.parties(),
            RulesFixture.at("2025-06-06T09:00:00Z"));
    private final FactsInMemory facts = new FactsInMemory()
            .withCase(new CaseRecord(CASE, COUNCIL, List.of()))
            .withStrategyDiscussion(CASE, MEETING, POLICE, SCHOOL)
            .withStrategyContributors(CASE, MEETING, GP);

    @Test
    @DisplayName("2.2 strategy meetings: the record reaches every invitee of the meeting, those the hub asked to contribute included")
    void should_reach_every_invitee_and_record_who_came() {
        ObjectNode record = RulesFixture.example("strategy-meeting-record");

        Routing routing = rules.route(RulesFixture.envelope(record), facts);

        assertThat(routing.violations()).isEmpty();
        assertThat(routing.recipients()).containsExactlyInAnyOrder(POLICE, SCHOOL, GP);
        assertThat(rules.accepted(RulesFixture.envelope(record), Instant.parse("2025-06-06T09:00:00Z"), facts))
                .containsExactly(new Effect.RecordStrategyAttendance(CASE, COUNCIL, MEETING,
                        LocalDate.parse("2025-06-05"), Map.of(COUNCIL, "attended", POLICE, "attended",
                                GP, "apologies-and-report", SCHOOL, "absent")));
    }

    @Test
    @DisplayName("2.2 strategy meetings: sent by the council of the case or a police force that took part, about a meeting the hub carried")
    void should_refuse_a_record_from_another_agency_or_about_an_unknown_meeting() {
        ObjectNode fromPolice = RulesFixture.example("strategy-meeting-record").put("sender", POLICE);
        Routing byPolice = rules.route(RulesFixture.envelope(fromPolice), facts);
        assertThat(byPolice.violations()).isEmpty();
        assertThat(byPolice.recipients()).contains(COUNCIL).doesNotContain(POLICE);

        ObjectNode fromSchool = RulesFixture.example("strategy-meeting-record").put("sender", SCHOOL);
        assertThat(rules.route(RulesFixture.envelope(fromSchool), facts).violations())
                .extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/sender", "council-or-police-of-meeting"));

        ObjectNode unknown = RulesFixture.example("strategy-meeting-record");
        unknown.with("body").put("meetingId", "SM-NEVER-CALLED");
        assertThat(rules.route(RulesFixture.envelope(unknown), facts).violations())
                .extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/body/meetingId", "known-strategy-meeting"));
    }
}
