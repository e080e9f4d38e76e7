package wales.safeguarding.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/** Percentiles of a set of durations (nanoseconds), nearest-rank. */
final class Latencies {

    private final long[] sorted;

    Latencies(long[] nanos) {
        this.sorted = nanos.clone();
        Arrays.sort(this.sorted);
    }

    int count() {
        return sorted.length;
    }

    /** The p-th percentile (0 &lt; p &lt;= 100) in milliseconds, or NaN when empty. */
    double percentileMs(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    double maxMs() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6;
    }

    /** One table row: p50, p90, p99 and max in milliseconds. */
    String row(String label) {
        return String.format(Locale.ROOT, "    %-26s %9.1f %9.1f %9.1f %9.1f   (%d samples)", label, percentileMs(50),
                percentileMs(90), percentileMs(99), maxMs(), count());
    }

    static String header() {
        return String.format(Locale.ROOT, "    %-26s %9s %9s %9s %9s", "latency (ms)", "p50", "p90", "p99", "max");
    }
}
