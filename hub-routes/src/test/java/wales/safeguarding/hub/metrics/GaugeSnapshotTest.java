package wales.safeguarding.hub.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.AgencyKind;
import wales.safeguarding.hub.metrics.MetricsRepository.Alerts;
import wales.safeguarding.hub.metrics.MetricsRepository.Clocks;
import wales.safeguarding.hub.metrics.MetricsRepository.Copies;
import wales.safeguarding.hub.metrics.MetricsRepository.Facts;

/** The database gauges fold per-agency facts into agency kinds and councils, and nothing else. */
class GaugeSnapshotTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private static final Map<String, Agency> DIRECTORY = Map.of(
            "carmarthenshire-childrens-services", agency("carmarthenshire-childrens-services", AgencyKind.COUNCIL, "W06000010"),
            "cardiff-childrens-services", agency("cardiff-childrens-services", AgencyKind.COUNCIL, "W06000015"),
            "dyfed-powys-police", agency("dyfed-powys-police", AgencyKind.POLICE, null),
            "school-6699001", agency("school-6699001", AgencyKind.SCHOOL, null),
            "school-6699002", agency("school-6699002", AgencyKind.SCHOOL, null),
            "carmarthenshire-education-service",
            agency("carmarthenshire-education-service", AgencyKind.EDUCATION_SERVICE, "W06000010"));

    private final AgencyKinds kinds = new AgencyKinds(id -> Optional.ofNullable(DIRECTORY.get(id)));

    private static Agency agency(String id, AgencyKind kind, String localAuthority) {
        return new Agency(id, kind, Map.of("en", id), localAuthority, null, null, null, null, null, null, List.of(),
                List.of());
    }

    @Test
    void should_add_up_waiting_copies_per_agency_kind_and_state_and_keep_the_oldest_of_the_kind() {
        GaugeSnapshot snapshot = GaugeSnapshot.of(new Facts(List.of(
                new Copies("school-6699001", "queued", 3, NOW.minusSeconds(600)),
                new Copies("school-6699002", "queued", 2, NOW.minusSeconds(7200)),
                new Copies("school-6699002", "failed", 1, NOW.minusSeconds(60)),
                new Copies("dyfed-powys-police", "accepted", 4, NOW.minusSeconds(5)),
                new Copies("school-6699001", "dead-lettered", 6, NOW.minusSeconds(99_999))), List.of(), List.of()),
                kinds, NOW);

        assertThat(snapshot.value(GaugeSnapshot.waiting("school", "queued"), NOW)).isEqualTo(5);
        assertThat(snapshot.value(GaugeSnapshot.waiting("school", "failed"), NOW)).isEqualTo(1);
        assertThat(snapshot.value(GaugeSnapshot.waiting("police", "accepted"), NOW)).isEqualTo(4);
        assertThat(snapshot.value(GaugeSnapshot.waiting("council", "queued"), NOW)).isZero();
        // the oldest waiting copy of any school, not the dead letter (that waits for an operator, not a delivery)
        assertThat(snapshot.value(GaugeSnapshot.oldestWaiting("school"), NOW)).isEqualTo(7200);
        assertThat(snapshot.value(GaugeSnapshot.oldestWaiting("school"), NOW.plusSeconds(30))).isEqualTo(7230);
        assertThat(snapshot.value(GaugeSnapshot.oldestWaiting("council"), NOW)).isZero();
        assertThat(snapshot.value(GaugeSnapshot.deadLetters("school"), NOW)).isEqualTo(6);
    }

    @Test
    void should_count_clocks_per_clock_and_the_council_that_owes_or_waits_for_them() {
        GaugeSnapshot snapshot = GaugeSnapshot.of(new Facts(List.of(), List.of(
                // owed by a council: that council
                new Clocks("report-outcome", "carmarthenshire-childrens-services", "dyfed-powys-police", 5, 2),
                new Clocks("report-outcome", "cardiff-childrens-services", "dyfed-powys-police", 1, 1),
                // owed to a council by a school: the council waiting
                new Clocks("written-report", "school-6699001", "carmarthenshire-childrens-services", 4, 0),
                new Clocks("written-report", "school-6699002", "carmarthenshire-childrens-services", 3, 3),
                // no council in it (an education service is not the council): none
                new Clocks("school-transfer", "school-6699001", "carmarthenshire-education-service", 2, 1),
                // an agency the directory no longer has
                new Clocks("written-report", "gone-agency", "dyfed-powys-police", 1, 1)), List.of()), kinds, NOW);

        assertThat(snapshot.value(clocks(HubMetrics.CLOCKS_OPEN, "report-outcome", "W06000010"), NOW)).isEqualTo(5);
        assertThat(snapshot.value(clocks(HubMetrics.CLOCKS_OVERDUE, "report-outcome", "W06000010"), NOW)).isEqualTo(2);
        assertThat(snapshot.value(clocks(HubMetrics.CLOCKS_OPEN, "report-outcome", "W06000015"), NOW)).isEqualTo(1);
        assertThat(snapshot.value(clocks(HubMetrics.CLOCKS_OPEN, "written-report", "W06000010"), NOW)).isEqualTo(7);
        assertThat(snapshot.value(clocks(HubMetrics.CLOCKS_OVERDUE, "written-report", "W06000010"), NOW)).isEqualTo(3);
        assertThat(snapshot.value(clocks(HubMetrics.CLOCKS_OPEN, "school-transfer", "none"), NOW)).isEqualTo(2);
        assertThat(snapshot.value(clocks(HubMetrics.CLOCKS_OPEN, "written-report", "none"), NOW)).isEqualTo(1);
    }

    @Test
    void should_count_open_alerts_per_condition_whatever_the_agency() {
        GaugeSnapshot snapshot = GaugeSnapshot.of(new Facts(List.of(), List.of(), List.of(
                new Alerts("school-6699001", "endpoint-failing", 1), new Alerts("school-6699002", "endpoint-failing", 1),
                new Alerts("hub", "bank-holidays-ending", 1))), kinds, NOW);

        assertThat(snapshot.value(GaugeSnapshot.alertsOpen("endpoint-failing"), NOW)).isEqualTo(2);
        assertThat(snapshot.value(GaugeSnapshot.alertsOpen("bank-holidays-ending"), NOW)).isEqualTo(1);
        assertThat(snapshot.value(GaugeSnapshot.alertsOpen("dead-letters"), NOW)).isZero();
    }

    @Test
    void should_name_no_agency_in_any_series_and_keep_labels_to_words() {
        GaugeSnapshot snapshot = GaugeSnapshot.of(new Facts(
                List.of(new Copies("school-6699001", "queued", 1, NOW)),
                List.of(new Clocks("Robert'); drop table--", "school-6699001", "carmarthenshire-childrens-services", 1, 0)),
                List.of(new Alerts("school-6699001", "endpoint-failing", 1))), kinds, NOW);

        List<String> values = snapshot.keys().stream().flatMap(k -> oddPlaces(k.tags()).stream()).toList();
        assertThat(values).doesNotContainAnyElementsOf(DIRECTORY.keySet()).contains("other", "W06000010", "school");
        assertThat(GaugeSnapshot.always()).extracting(GaugeSnapshot.Key::name).contains(HubMetrics.COPIES_WAITING,
                HubMetrics.OLDEST_WAITING_AGE, HubMetrics.DEAD_LETTERS_WAITING, HubMetrics.ALERTS_OPEN);
    }

    private static List<String> oddPlaces(List<String> tags) {
        return java.util.stream.IntStream.range(0, tags.size()).filter(i -> i % 2 == 1).mapToObj(tags::get).toList();
    }

    private static GaugeSnapshot.Key clocks(String name, String clock, String council) {
        return GaugeSnapshot.Key.of(name, HubMetrics.CLOCK, clock, HubMetrics.COUNCIL, council);
    }
}
