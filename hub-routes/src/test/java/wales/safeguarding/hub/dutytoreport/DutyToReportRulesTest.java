package wales.safeguarding.hub.dutytoreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.AgencyKind;
import wales.safeguarding.hub.directory.Directory;
import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.rules.FactsInMemory;
import wales.safeguarding.hub.rules.Routing;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.LanguagePreference;
import wales.safeguarding.schemas.validation.Violation;

/** Who a duty-to-report reaches and which clocks it starts, from when. */
class DutyToReportRulesTest {

    private static final String POLICE = "dyfed-powys-police";
    private static final String CARMARTHENSHIRE = "carmarthenshire-childrens-services";
    private static final String CARDIFF = "cardiff-childrens-services";
    /** Wednesday 2 December 2026, 10:00 in London: the written report reaches the hub. */
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private final Directory directory = new Directory(List.of(
            council(CARMARTHENSHIRE, "W06000010"), council(CARDIFF, "W06000015"),
            new Agency(POLICE, AgencyKind.POLICE, Map.of("en", POLICE), null, null, null, null, null,
                    new Agency.Endpoint("http://127.0.0.1/" + POLICE, "rest-json"), LanguagePreference.UNKNOWN,
                    List.of(), List.of())));
    private final DutyToReportRules rules = new DutyToReportRules(directory, Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ofMinutes(5), Duration.ofDays(7));
    private final FactsInMemory facts = new FactsInMemory();

    private static Agency council(String id, String localAuthority) {
        return new Agency(id, AgencyKind.COUNCIL, Map.of("en", id), localAuthority, null, null, null, null,
                new Agency.Endpoint("http://127.0.0.1/" + id, "rest-json"), LanguagePreference.UNKNOWN, List.of(),
                List.of());
    }

    /** The example report with a second child, living in Cardiff. */
    private static ObjectNode aboutTwoChildren() {
        ObjectNode report = Messages.dutyToReport();
        ArrayNode children = report.with("body").withArray("children");
        ObjectNode sibling = children.get(0).deepCopy();
        sibling.put("name", "Twm Enghraifft").put("localAuthority", "W06000015");
        children.add(sibling);
        return report;
    }

    private static Envelope envelope(ObjectNode report) {
        return FactsInMemory.envelope(report);
    }

    private static List<Effect.StartClock> started(List<Effect> effects) {
        return effects.stream().filter(Effect.StartClock.class::isInstance).map(Effect.StartClock.class::cast).toList();
    }

    private static List<Effect.Note> notes(List<Effect> effects) {
        return effects.stream().filter(Effect.Note.class::isInstance).map(Effect.Note.class::cast).toList();
    }

    @Test
    @DisplayName("domain: a duty-to-report goes to the children's services of each child's local authority")
    void should_route_to_the_council_of_each_child() {
        Routing routing = rules.route(envelope(aboutTwoChildren()), facts);

        assertThat(routing.violations()).isEmpty();
        assertThat(routing.recipients()).containsExactly(CARMARTHENSHIRE, CARDIFF);
    }

    @Test
    @DisplayName("domain: a report about a child whose local authority has no children's services in the directory is refused")
    void should_refuse_a_child_of_an_unknown_local_authority() {
        ObjectNode report = aboutTwoChildren();
        ((ObjectNode) report.at("/body/children/1")).put("localAuthority", "W06000099");

        Routing routing = rules.route(envelope(report), facts);

        assertThat(routing.routable()).isFalse();
        assertThat(routing.violations()).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/body/children/1/localAuthority", "known-local-authority"));
    }

    @Test
    @DisplayName("domain: each council owes the acknowledgement and the outcome (7 working days) and the decision on next actions (1 working day), from receipt")
    void should_start_three_clocks_per_council_from_receipt() {
        List<Effect> effects = rules.accepted(envelope(aboutTwoChildren()), NOW, facts);

        assertThat(started(effects)).extracting(Effect.StartClock::clock, Effect.StartClock::owedBy,
                Effect.StartClock::waiting, Effect.StartClock::anchor).containsExactly(
                        tuple("report-acknowledgement", CARMARTHENSHIRE, POLICE, NOW),
                        tuple("report-outcome", CARMARTHENSHIRE, POLICE, NOW),
                        tuple("next-actions", CARMARTHENSHIRE, POLICE, NOW),
                        tuple("report-acknowledgement", CARDIFF, POLICE, NOW),
                        tuple("report-outcome", CARDIFF, POLICE, NOW),
                        tuple("next-actions", CARDIFF, POLICE, NOW));
        assertThat(notes(effects)).isEmpty();
    }

    @Test
    @DisplayName("issue 10 defect 8: the clocks of a written confirmation run from the telephoned report, and its history says so in Welsh and English")
    void should_start_the_clocks_at_the_telephoned_report() {
        Instant call = Instant.parse("2026-11-30T08:40:00Z");
        Envelope report = envelope(Messages.dutyToReportConfirmingCall(call));

        assertThat(rules.route(report, facts).violations()).isEmpty();
        List<Effect> effects = rules.accepted(report, NOW, facts);

        assertThat(started(effects)).hasSize(3).extracting(Effect.StartClock::anchor).containsOnly(call);
        assertThat(notes(effects)).singleElement().satisfies(note -> {
            assertThat(note.note().code()).isEqualTo("clocks-from-original-report");
            assertThat(note.note().en()).contains("by phone at 08:40 on 30 November 2026");
            assertThat(note.note().cy()).contains("dros y ffôn am 08:40 ar 30 Tachwedd 2026");
        });
    }

    @Test
    @DisplayName("issue 10 defect 8: a report taken in person or online also runs its clocks from when it was taken")
    void should_start_the_clocks_at_a_report_taken_in_person_or_online() {
        Instant taken = Instant.parse("2026-12-01T15:30:00Z");
        for (String means : List.of("in-person", "online")) {
            ObjectNode report = Messages.dutyToReportConfirmingCall(taken);
            report.with("body").with("originalReport").put("means", means);

            List<Effect> effects = rules.accepted(envelope(report), NOW, facts);

            assertThat(started(effects)).as(means).extracting(Effect.StartClock::anchor).containsOnly(taken);
            assertThat(notes(effects)).as(means).hasSize(1);
        }
    }

    @Test
    @DisplayName("issue 10 defect 8: a report made in writing through the hub runs its clocks from its arrival, whatever madeAt says")
    void should_start_the_clocks_of_a_written_report_at_its_arrival() {
        ObjectNode report = Messages.dutyToReport();
        report.with("body").with("originalReport").put("madeAt", "2025-06-02T09:55:00+01:00").put("means", "written");

        assertThat(rules.route(envelope(report), facts).violations()).isEmpty();
        List<Effect> effects = rules.accepted(envelope(report), NOW, facts);

        assertThat(started(effects)).extracting(Effect.StartClock::anchor).containsOnly(NOW);
        assertThat(notes(effects)).isEmpty();
    }

    @Test
    @DisplayName("issue 10 defect 8: an original report in the future is refused, naming /body/originalReport/madeAt and original-report-not-in-future")
    void should_refuse_an_original_report_in_the_future() {
        Routing routing = rules.route(envelope(Messages.dutyToReportConfirmingCall(NOW.plusSeconds(5 * 60 + 1))), facts);

        assertThat(routing.routable()).isFalse();
        assertThat(routing.violations()).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/body/originalReport/madeAt", "original-report-not-in-future"));
        assertThat(routing.violations().get(0).message()).contains("5 minutes");
    }

    @Test
    @DisplayName("issue 10 defect 8: an original report a little ahead of the hub's clock (within the allowed difference) is accepted, its clocks from its arrival")
    void should_accept_an_original_report_within_the_clock_difference() {
        Envelope report = envelope(Messages.dutyToReportConfirmingCall(NOW.plusSeconds(5 * 60)));

        assertThat(rules.route(report, facts).violations()).isEmpty();
        List<Effect> effects = rules.accepted(report, NOW, facts);

        assertThat(started(effects)).extracting(Effect.StartClock::anchor).containsOnly(NOW);
        assertThat(notes(effects)).isEmpty();
    }

    @Test
    @DisplayName("issue 10 defect 8: an original report older than the hub's limit (7 days) is refused, naming /body/originalReport/madeAt and original-report-within-limit")
    void should_refuse_an_original_report_older_than_the_limit() {
        Routing tooOld = rules.route(envelope(Messages.dutyToReportConfirmingCall(
                NOW.minus(Duration.ofDays(7)).minusSeconds(1))), facts);
        Routing atTheLimit = rules.route(envelope(Messages.dutyToReportConfirmingCall(NOW.minus(Duration.ofDays(7)))),
                facts);

        assertThat(tooOld.violations()).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/body/originalReport/madeAt", "original-report-within-limit"));
        assertThat(tooOld.violations().get(0).message()).contains("7 days");
        assertThat(atTheLimit.violations()).isEmpty();
    }

    @Test
    @DisplayName("issue 10 defect 8: the limits are the hub's configuration")
    void should_take_its_limits_from_configuration() {
        DutyToReportRules strict = new DutyToReportRules(directory, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ZERO,
                Duration.ofHours(24));
        Envelope dayAndAMinuteOld = envelope(Messages.dutyToReportConfirmingCall(NOW.minus(Duration.ofMinutes(24 * 60 + 1))));
        Envelope aSecondAhead = envelope(Messages.dutyToReportConfirmingCall(NOW.plusSeconds(1)));

        assertThat(strict.route(dayAndAMinuteOld, facts).violations()).extracting(Violation::rule)
                .containsExactly("original-report-within-limit");
        assertThat(strict.route(dayAndAMinuteOld, facts).violations().get(0).message()).contains("24 hours");
        assertThat(strict.route(aSecondAhead, facts).violations()).extracting(Violation::rule)
                .containsExactly("original-report-not-in-future");
    }

    @Test
    @DisplayName("issue 10 defect 5: any rule can meet a report's next-actions clock for the council that decided")
    void should_meet_the_next_actions_clock_of_the_council_that_decided() {
        UUID report = UUID.randomUUID();

        assertThat(DutyToReportRules.nextActionsDecided(report, CARMARTHENSHIRE))
                .isEqualTo(new Effect.MeetClock(report, "next-actions", CARMARTHENSHIRE));
    }
}
