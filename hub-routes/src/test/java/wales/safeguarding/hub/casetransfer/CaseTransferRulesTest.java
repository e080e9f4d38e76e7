package wales.safeguarding.hub.casetransfer;

import static org.assertj.core.api.Assertions.assertThat;
import static wales.safeguarding.hub.childprotection.RulesFixture.ALYS;
import static wales.safeguarding.hub.childprotection.RulesFixture.CARDIFF;
import static wales.safeguarding.hub.childprotection.RulesFixture.CASE;
import static wales.safeguarding.hub.childprotection.RulesFixture.COUNCIL;
import static wales.safeguarding.hub.childprotection.RulesFixture.GP;
import static wales.safeguarding.hub.childprotection.RulesFixture.POLICE;
import static wales.safeguarding.hub.childprotection.RulesFixture.SCHOOL;
import static wales.safeguarding.hub.childprotection.RulesFixture.SECOND_SCHOOL;
import static wales.safeguarding.hub.childprotection.RulesFixture.SOUTH_WALES_POLICE;
import static wales.safeguarding.hub.childprotection.RulesFixture.caseWith;
import static wales.safeguarding.hub.childprotection.RulesFixture.child;
import static wales.safeguarding.hub.childprotection.RulesFixture.envelope;
import static wales.safeguarding.hub.childprotection.RulesFixture.example;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import wales.safeguarding.hub.childprotection.RulesFixture;
import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.rules.FactsInMemory;
import wales.safeguarding.hub.rules.Routing;

/** Children who move between local authority areas (Wales Safeguarding Procedures): the case goes with them. */
class CaseTransferRulesTest {

    private static final Instant AT = Instant.parse("2025-10-01T09:00:00Z");
    private final CaseTransferRules rules = new CaseTransferRules(RulesFixture.parties());

    /** Alys on the register in Carmarthenshire: GP Z99001, the first school, Dyfed-Powys Police; school in the core group. */
    private static FactsInMemory registeredInCarmarthenshire() {
        return new FactsInMemory().withCase(caseWith(child(ALYS, GP, SCHOOL, true))).withCoreGroup(CASE, SCHOOL, GP);
    }

    @Test
    @DisplayName("the receiving council gets the case; the parties old and new are told, never the sender")
    void should_send_the_case_to_the_receiving_council_and_tell_every_party_old_and_new() {
        Routing routing = rules.route(envelope(example("case-transfer")), registeredInCarmarthenshire());

        assertThat(routing.violations()).isEmpty();
        // the GP stays; the old school and police (Dyfed-Powys) are told as well as the new (South Wales); the
        // core group's members named by the message and not in the directory (a health board here) are left out
        assertThat(routing.recipients()).containsExactly(CARDIFF, GP, SCHOOL, POLICE, SECOND_SCHOOL,
                SOUTH_WALES_POLICE);
    }

    @Test
    @DisplayName("issue 15 item 3: the child's pupil referral unit and youth justice service are told as the school is")
    void should_tell_the_childs_other_education_providers_who_now_holds_the_case() {
        FactsInMemory facts = new FactsInMemory().withCase(new wales.safeguarding.hub.rules.CaseRecord(CASE, COUNCIL,
                List.of(new wales.safeguarding.hub.rules.ChildRecord(ALYS, GP, SCHOOL, POLICE, true, false,
                        List.of(RulesFixture.PRU)))));
        ObjectNode transfer = example("case-transfer");
        ((ObjectNode) transfer.at("/body/children/0/child")).putArray("otherProvision").addObject()
                .put("agencyId", RulesFixture.YOUTH_JUSTICE);

        Routing routing = rules.route(envelope(transfer), facts);

        assertThat(routing.violations()).isEmpty();
        assertThat(routing.recipients()).containsExactly(CARDIFF, GP, SCHOOL, RulesFixture.PRU, POLICE, SECOND_SCHOOL,
                RulesFixture.YOUTH_JUSTICE, SOUTH_WALES_POLICE);
    }

    @Test
    @DisplayName("acceptance hands over the case and its review clocks, and starts the acknowledgement and transfer-in "
            + "conference clocks owed by the receiving council")
    void should_hand_over_the_case_and_start_the_receiving_councils_clocks() {
        List<Effect> effects = rules.accepted(envelope(example("case-transfer")), AT, registeredInCarmarthenshire());

        assertThat(effects).containsSubsequence(
                new Effect.RememberCase(CASE, COUNCIL),
                new Effect.RememberChild(CASE, ALYS, GP, SECOND_SCHOOL, SOUTH_WALES_POLICE),
                new Effect.SetRegistered(CASE, ALYS, true),
                new Effect.TransferCase(CASE, CARDIFF),
                new Effect.HandOverClocks(CASE, List.of("first-review-conference", "review-conference",
                        "first-core-group", "core-group"), COUNCIL, CARDIFF),
                new Effect.StartClock("case-transfer-acknowledgement", CASE, null, CARDIFF, COUNCIL, AT),
                new Effect.StartClock("transfer-in-conference", CASE, null, CARDIFF, COUNCIL, AT));
        assertThat(effects).noneMatch(e -> e instanceof Effect.AddMembers);
    }

    @Test
    @DisplayName("no child on the register: no transfer-in conference is owed")
    void should_start_no_transfer_in_conference_for_children_not_registered() {
        ObjectNode transfer = example("case-transfer");
        ObjectNode first = (ObjectNode) transfer.with("body").withArray("children").get(0);
        first.put("registered", false);
        first.remove("categoriesOfHarm");

        List<Effect> effects = rules.accepted(envelope(transfer), AT, new FactsInMemory());

        assertThat(effects).contains(new Effect.SetRegistered(CASE, ALYS, false), new Effect.TransferCase(CASE, CARDIFF))
                .noneMatch(e -> e instanceof Effect.StartClock s && s.clock().equals("transfer-in-conference"));
    }

    @Test
    @DisplayName("a core group member the directory knows joins the case's core group")
    void should_add_the_named_core_group_members_the_directory_knows() {
        ObjectNode transfer = example("case-transfer");
        transfer.with("body").withArray("coreGroup").addObject().put("name", "Demo Officer").put("role", "PPU officer")
                .put("agencyId", SOUTH_WALES_POLICE);

        assertThat(rules.accepted(envelope(transfer), AT, new FactsInMemory()))
                .contains(new Effect.AddMembers(CASE, Effect.AddMembers.CORE_GROUP, null, List.of(SOUTH_WALES_POLICE)));
    }

    @Test
    @DisplayName("refused: from a council that does not hold the case, from a non-council, to itself or to no council")
    void should_refuse_what_cannot_be_a_transfer() {
        ObjectNode fromCardiff = example("case-transfer");
        fromCardiff.put("sender", CARDIFF);
        fromCardiff.with("body").put("receivingCouncil", COUNCIL);
        assertThat(rules.route(envelope(fromCardiff), registeredInCarmarthenshire()).violations()).singleElement()
                .satisfies(v -> assertThat(v.pointer() + " " + v.rule()).isEqualTo("/caseReference case-of-sender"));

        ObjectNode fromSchool = example("case-transfer");
        fromSchool.put("sender", SCHOOL);
        assertThat(rules.route(envelope(fromSchool), new FactsInMemory()).violations()).singleElement()
                .satisfies(v -> assertThat(v.pointer() + " " + v.rule()).isEqualTo("/sender council-only-type"));

        ObjectNode toItself = example("case-transfer");
        toItself.with("body").put("receivingCouncil", COUNCIL);
        assertThat(rules.route(envelope(toItself), new FactsInMemory()).violations()).singleElement()
                .satisfies(v -> assertThat(v.pointer() + " " + v.rule()).isEqualTo("/body/receivingCouncil not-self"));

        ObjectNode toPolice = example("case-transfer");
        toPolice.with("body").put("receivingCouncil", POLICE);
        assertThat(rules.route(envelope(toPolice), new FactsInMemory()).violations()).singleElement()
                .satisfies(v -> assertThat(v.pointer() + " " + v.rule())
                        .isEqualTo("/body/receivingCouncil known-council"));
    }

    @Test
    @DisplayName("a child given the receiving council's reference is known by it from then on: renamed last, once")
    void should_rename_a_child_the_receiving_council_gives_its_own_reference() {
        ObjectNode transfer = example("case-transfer");
        ((ObjectNode) transfer.with("body").withArray("children").get(0)).put("receivingChildReference", "CDF-0042");

        assertThat(rules.route(envelope(transfer), registeredInCarmarthenshire()).violations()).isEmpty();
        List<Effect> effects = rules.accepted(envelope(transfer), AT, registeredInCarmarthenshire());

        assertThat(effects.get(effects.size() - 1)).isEqualTo(new Effect.RenameChild(CASE, ALYS, "CDF-0042"));
        assertThat(effects).filteredOn(e -> e instanceof Effect.RenameChild).hasSize(1);
        assertThat(rules.accepted(envelope(example("case-transfer")), AT, registeredInCarmarthenshire()))
                .noneMatch(e -> e instanceof Effect.RenameChild);
    }

    @Test
    @DisplayName("a receiving reference another child of the case is known by is refused: two children are not one")
    void should_refuse_a_receiving_reference_of_another_child() {
        ObjectNode transfer = example("case-transfer");
        ((ObjectNode) transfer.with("body").withArray("children").get(0)).put("receivingChildReference", "CDF-0007");
        FactsInMemory facts = new FactsInMemory()
                .withCase(caseWith(child(ALYS, GP, SCHOOL, true), child("CDF-0007", GP, SCHOOL, false)));

        assertThat(rules.route(envelope(transfer), facts).violations())
                .extracting(v -> v.pointer() + " " + v.rule())
                .containsExactly("/body/children/0/receivingChildReference one-child-per-reference");
    }
}
