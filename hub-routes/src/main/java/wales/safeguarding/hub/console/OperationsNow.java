package wales.safeguarding.hub.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.database.Transactions;
import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.Directory;

/** What is happening now: traffic per minute, the queues, delivery latency, overdue clocks, open escalations. */
@ApplicationScoped
public class OperationsNow {

    static final int MINUTES = 30;
    private static final Duration LATENCY_WINDOW = Duration.ofHours(1);
    /**
     * The latency percentiles are those of the newest 1,000 deliveries of the hour (all of them in an ordinary Welsh
     * hour, a few hundred): enough for a p99, and the view stays quick after a burst of tens of thousands.
     */
    private static final int LATENCY_SAMPLE = 1_000;

    public record Queue(String agency, String name, String nameCy, long waiting, long oldestWaitingSeconds) {
    }

    public record Latency(Long p50Ms, Long p90Ms, Long p99Ms) {
    }

    public record Now(Instant at, List<MinuteSeries.Minute> perMinute, List<Queue> queues, Latency latency,
            long overdue, long openEscalations) {
    }

    private final Transactions transactions;
    private final ConsoleMetricsRepository metrics;
    private final Directory directory;
    private final Clock clock;

    public OperationsNow(Transactions transactions, ConsoleMetricsRepository metrics, Directory directory, Clock clock) {
        this.transactions = transactions;
        this.metrics = metrics;
        this.directory = directory;
        this.clock = clock;
    }

    public Now now() {
        Instant now = clock.instant();
        Instant since = MinuteSeries.start(now, MINUTES);
        return transactions.inTransaction(c -> {
            ConsoleMetricsRepository.StatesPerMinute states = metrics.deliveredAndFailedPerMinute(c, since);
            List<MinuteSeries.Minute> perMinute = MinuteSeries.fill(now, MINUTES, metrics.acceptedPerMinute(c, since),
                    states.delivered(), states.failed());
            List<Long> p = metrics.deliveryLatencyPercentilesMs(c, now.minus(LATENCY_WINDOW), LATENCY_SAMPLE, 50, 90, 99);
            Latency latency = new Latency(p.get(0), p.get(1), p.get(2));
            return new Now(now, perMinute, queues(metrics.waiting(c), now), latency, metrics.overdueClocks(c, now),
                    metrics.openEscalations(c));
        });
    }

    /** Every agency the hub delivers to, with what waits for it (none waiting: 0). */
    private List<Queue> queues(List<ConsoleMetricsRepository.Waiting> waiting, Instant now) {
        Map<String, ConsoleMetricsRepository.Waiting> byAgency = waiting.stream()
                .collect(Collectors.toMap(ConsoleMetricsRepository.Waiting::recipient, w -> w));
        return directory.receivers().stream().map(a -> queue(a, byAgency.get(a.id()), now)).toList();
    }

    private static Queue queue(Agency agency, ConsoleMetricsRepository.Waiting w, Instant now) {
        String name = agency.name().getOrDefault("en", agency.id());
        // the console shows the Welsh name in its Welsh view (the English one when the directory has none)
        String nameCy = agency.name().get("cy");
        if (w == null) {
            return new Queue(agency.id(), name, nameCy, 0, 0);
        }
        return new Queue(agency.id(), name, nameCy, w.waiting(), Math.max(0, Duration.between(w.oldestAcceptedAt(), now).toSeconds()));
    }
}
