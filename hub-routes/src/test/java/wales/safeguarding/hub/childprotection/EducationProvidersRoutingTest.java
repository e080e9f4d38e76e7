package wales.safeguarding.hub.childprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static wales.safeguarding.hub.childprotection.RulesFixture.ALYS;
import static wales.safeguarding.hub.childprotection.RulesFixture.CASE;
import static wales.safeguarding.hub.childprotection.RulesFixture.COUNCIL;
import static wales.safeguarding.hub.childprotection.RulesFixture.GP;
import static wales.safeguarding.hub.childprotection.RulesFixture.POLICE;
import static wales.safeguarding.hub.childprotection.RulesFixture.PRU;
import static wales.safeguarding.hub.childprotection.RulesFixture.SCHOOL;
import static wales.safeguarding.hub.childprotection.RulesFixture.YOUTH_JUSTICE;
import static wales.safeguarding.hub.childprotection.RulesFixture.envelope;
import static wales.safeguarding.hub.childprotection.RulesFixture.example;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import wales.safeguarding.hub.rules.CaseRecord;
import wales.safeguarding.hub.rules.ChildRecord;
import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.rules.FactsInMemory;
import wales.safeguarding.hub.rules.Routing;
import wales.safeguarding.hub.tracking.ComplianceNote;
import wales.safeguarding.schemas.childprotection.ChildRef;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.Envelope;

/**
 * Issue 15 item 3, plain: the education providers a child attends besides their school are found as the school is (from
 * the message, else the case) and take part wherever the school does.
 */
class EducationProvidersRoutingTest {

    private static final Instant AT = Instant.parse("2025-07-04T10:00:00Z");

    private final CaseParties parties = RulesFixture.parties();
    private final FactsInMemory facts = new FactsInMemory();

    private static ObjectNode attending(ObjectNode message, String... providers) {
        ArrayNode list = ((ObjectNode) message.at("/body/child")).putArray("otherProvision");
        for (String provider : providers) {
            list.addObject().put("agencyId", provider);
        }
        return message;
    }

    private static ChildRef childOf(Envelope message) {
        return CanonicalJson.mapper().convertValue(message.body().get("child"), ChildRef.class);
    }

    @Test
    void should_take_the_providers_from_the_message_else_from_the_case_and_put_them_after_the_school() {
        ChildRef named = childOf(envelope(attending(example("register-change"), YOUTH_JUSTICE, PRU)));
        ChildRef silent = childOf(envelope(example("register-change")));
        Optional<ChildRecord> known = Optional.of(new ChildRecord(ALYS, GP, SCHOOL, POLICE, true, false, List.of(PRU)));

        assertThat(parties.otherProvision(named, known)).containsExactly(YOUTH_JUSTICE, PRU);
        assertThat(parties.otherProvision(silent, known)).containsExactly(PRU);
        assertThat(parties.otherProvision(silent, Optional.empty())).isEmpty();
        // a provider the directory no longer has is not routed to (the message would be refused as undeliverable)
        Optional<ChildRecord> withGone = Optional.of(new ChildRecord(ALYS, GP, SCHOOL, POLICE, true, false,
                List.of("a-provider-since-removed", PRU)));
        assertThat(parties.otherProvision(silent, withGone)).containsExactly(PRU);
        assertThat(parties.educators(named, known)).containsExactly(SCHOOL, YOUTH_JUSTICE, PRU);
        // an empty list says the child attends none now
        ChildRef none = childOf(envelope(attending(example("register-change"))));
        assertThat(parties.otherProvision(none, known)).isEmpty();
    }

    @Test
    void should_take_a_pupil_referral_unit_named_by_its_school_number_as_the_childs_school() {
        ObjectNode change = example("register-change");
        ((ObjectNode) change.at("/body/child/school")).put("schoolNumber", "6691100");

        assertThat(parties.school(childOf(envelope(change)), Optional.empty())).hasValue(PRU);
    }

    @Test
    @DisplayName("issue 15 item 3: a register change reaches the child's providers as it reaches the school")
    void should_add_the_providers_to_a_register_change_with_a_note_when_the_council_left_them_out() {
        Envelope change = envelope(attending(example("register-change"), PRU, YOUTH_JUSTICE));

        Routing routing = RulesFixture.registerRules(RulesFixture.at(AT.toString())).route(change, facts);

        assertThat(routing.violations()).isEmpty();
        assertThat(routing.recipients()).contains(GP, SCHOOL, PRU, YOUTH_JUSTICE, POLICE);
        assertThat(routing.notes()).extracting(ComplianceNote::code).filteredOn("register-change-added"::equals)
                .hasSize(2);
        assertThat(routing.notes()).extracting(ComplianceNote::code).doesNotContain("register-change-gap");
    }

    @Test
    void should_remember_the_providers_a_register_change_names_and_keep_them_when_a_message_names_none() {
        Envelope named = envelope(attending(example("register-change"), PRU));
        Envelope silent = envelope(example("register-change"));
        RegisterRules rules = RulesFixture.registerRules(RulesFixture.at(AT.toString()));

        assertThat(rules.accepted(named, AT, facts)).filteredOn(Effect.RememberChild.class::isInstance)
                .extracting(e -> ((Effect.RememberChild) e).otherProvision()).containsExactly(List.of(PRU));
        assertThat(rules.accepted(silent, AT, facts)).filteredOn(Effect.RememberChild.class::isInstance)
                .extracting(e -> ((Effect.RememberChild) e).otherProvision()).containsOnlyNulls();
    }

    @Test
    @DisplayName("issue 15 item 3: a strategy discussion asks the child's providers for what they know, as the school")
    void should_ask_the_childs_providers_to_contribute_to_a_strategy_discussion() {
        ObjectNode meeting = DecisionsFixture.aboutAlys("strategy-meeting-invitation");
        ((ObjectNode) meeting.at("/body/children/0")).putArray("otherProvision").addObject().put("agencyId", PRU);

        Routing routing = DecisionsFixture.strategyMeetingRules().route(envelope(meeting), facts);

        assertThat(routing.violations()).isEmpty();
        assertThat(routing.recipients()).contains(SCHOOL, PRU).doesNotContain(YOUTH_JUSTICE);
        // accepted with the recipients the routing gave it, as the intake stores it
        assertThat(DecisionsFixture.strategyMeetingRules().accepted(
                envelope(meeting).withRecipients(routing.recipients()), AT, facts))
                .filteredOn(e -> e instanceof Effect.StartClock start && PRU.equals(start.owedBy())
                        || e instanceof Effect.StartClockUntil until && PRU.equals(until.owedBy()))
                .as("the PRU owes its contribution").hasSize(1);
    }

    @Test
    @DisplayName("issue 15 item 3: a self-harm alert about a registered child reaches the school and its providers")
    void should_route_an_alert_to_the_school_and_the_providers_the_case_remembers() {
        facts.withCase(new CaseRecord(CASE, COUNCIL,
                List.of(new ChildRecord(ALYS, GP, SCHOOL, POLICE, true, false, List.of(PRU, YOUTH_JUSTICE)))));
        Envelope alert = envelope(example("health-alert"));
        AlertRules rules = new AlertRules(parties, () -> Map.of("self-harm-incident", List.of("school")));

        Routing routing = rules.route(alert, facts);

        assertThat(routing.recipients()).containsExactly(COUNCIL, SCHOOL, PRU, YOUTH_JUSTICE);
        assertThat(routing.notes()).extracting(ComplianceNote::code).containsOnly("alert-routed");
    }
}
