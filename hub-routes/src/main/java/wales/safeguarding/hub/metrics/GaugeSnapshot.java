package wales.safeguarding.hub.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import wales.safeguarding.hub.conditions.AlertCondition;
import wales.safeguarding.hub.directory.AgencyKind;

/**
 * The database gauges' values at one moment, folded from per-agency facts ({@link MetricsRepository.Facts}) into
 * bounded labels: copies and dead letters per agency kind, clocks per clock and council, alerts per condition, and the children stored under an older form of their fingerprint.
 * Plain arithmetic, no I/O: {@code GaugeSnapshotTest} checks it.
 */
public final class GaugeSnapshot {

    /** One series: its name and its labels as name, value, name, value ... */
    public record Key(String name, List<String> tags) {

        static Key of(String name, String... tags) {
            return new Key(name, List.of(tags));
        }
    }

    /** The delivery states of a copy still to be delivered. */
    static final List<String> WAITING_STATES = List.of("accepted", "queued", "failed");
    private static final String DEAD_LETTERED = "dead-lettered";

    private final Instant readAt;
    private final Map<Key, Long> counts;
    private final Map<Key, Instant> oldest;

    private GaugeSnapshot(Instant readAt, Map<Key, Long> counts, Map<Key, Instant> oldest) {
        this.readAt = readAt;
        this.counts = Map.copyOf(counts);
        this.oldest = Map.copyOf(oldest);
    }

    /** Before the first read: every series reads 0. */
    public static GaugeSnapshot empty() {
        return new GaugeSnapshot(null, Map.of(), Map.of());
    }

    /** Folds the facts read at {@code readAt}. */
    public static GaugeSnapshot of(MetricsRepository.Facts facts, AgencyKinds kinds, Instant readAt) {
        Map<Key, Long> counts = new HashMap<>();
        Map<Key, Instant> oldest = new HashMap<>();
        for (MetricsRepository.Copies copies : facts.copies()) {
            String kind = kinds.of(copies.recipient());
            if (DEAD_LETTERED.equals(copies.state())) {
                counts.merge(deadLetters(kind), copies.count(), Long::sum);
            } else if (WAITING_STATES.contains(copies.state())) {
                counts.merge(waiting(kind, copies.state()), copies.count(), Long::sum);
                if (copies.oldestAcceptedAt() != null) {
                    oldest.merge(oldestWaiting(kind), copies.oldestAcceptedAt(),
                            (a, b) -> a.isBefore(b) ? a : b);
                }
            }
        }
        for (MetricsRepository.Clocks clocks : facts.clocks()) {
            String clock = HubMetrics.word(clocks.clock());
            String council = kinds.councilOf(clocks.owedBy(), clocks.waiting());
            counts.merge(Key.of(HubMetrics.CLOCKS_OPEN, HubMetrics.CLOCK, clock, HubMetrics.COUNCIL, council),
                    clocks.open(), Long::sum);
            counts.merge(Key.of(HubMetrics.CLOCKS_OVERDUE, HubMetrics.CLOCK, clock, HubMetrics.COUNCIL, council),
                    clocks.overdue(), Long::sum);
        }
        for (MetricsRepository.Alerts alerts : facts.alerts()) {
            counts.merge(alertsOpen(HubMetrics.word(alerts.condition())), alerts.open(), Long::sum);
        }
        counts.put(childKeysLegacy(), facts.childKeysLegacy());
        return new GaugeSnapshot(readAt, counts, oldest);
    }

    /** The series every hub shows from the start (0 until there is something to count): per agency kind, per alert. */
    public static Set<Key> always() {
        Set<Key> keys = new LinkedHashSet<>();
        for (AgencyKind kind : AgencyKind.values()) {
            for (String state : WAITING_STATES) {
                keys.add(waiting(kind.wireName(), state));
            }
            keys.add(oldestWaiting(kind.wireName()));
            keys.add(deadLetters(kind.wireName()));
        }
        for (AlertCondition condition : AlertCondition.values()) {
            keys.add(alertsOpen(condition.wireName()));
        }
        keys.add(childKeysLegacy());
        return keys;
    }

    /** Every series this snapshot has a value for. */
    public Set<Key> keys() {
        Set<Key> keys = new LinkedHashSet<>(counts.keySet());
        keys.addAll(oldest.keySet());
        return keys;
    }

    /**
     * The series' value: a count, or for the oldest waiting copy its age in seconds at {@code now} (0 when nothing
     * waits). A series this snapshot has no value for reads 0.
     */
    public double value(Key key, Instant now) {
        if (HubMetrics.OLDEST_WAITING_AGE.equals(key.name())) {
            Instant since = oldest.get(key);
            return since == null ? 0 : Math.max(0, Duration.between(since, now).toMillis() / 1000.0);
        }
        return counts.getOrDefault(key, 0L);
    }

    /** When the facts were read; null before the first read. */
    public Instant readAt() {
        return readAt;
    }

    static Key waiting(String kind, String state) {
        return Key.of(HubMetrics.COPIES_WAITING, HubMetrics.AGENCY_KIND, kind, HubMetrics.STATE, state);
    }

    static Key oldestWaiting(String kind) {
        return Key.of(HubMetrics.OLDEST_WAITING_AGE, HubMetrics.AGENCY_KIND, kind);
    }

    static Key alertsOpen(String condition) {
        return Key.of(HubMetrics.ALERTS_OPEN, HubMetrics.CONDITION, condition);
    }

    static Key childKeysLegacy() {
        return Key.of(HubMetrics.CHILD_KEYS_LEGACY);
    }

    static Key deadLetters(String kind) {
        return Key.of(HubMetrics.DEAD_LETTERS_WAITING, HubMetrics.AGENCY_KIND, kind);
    }
}
