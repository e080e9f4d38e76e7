package wales.safeguarding.hub.console;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Nearest-rank percentiles and the median; null when there is nothing to measure. */
public final class Percentiles {

    private Percentiles() {
    }

    /** The nearest-rank {@code p}-th percentile (0 &lt; p &le; 100) of {@code values}. */
    public static Long nearestRank(List<Long> values, int p) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /** The median: the middle value, or the mean of the two middle values. */
    public static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    /**
     * The median of values given with how many times each occurs (sorted by value): the middle value, or the mean of
     * the two middle values, as {@link #median(List)} gives for the values written out.
     */
    public static Double median(java.util.SortedMap<Long, Long> counts) {
        long n = counts.values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            return null;
        }
        Long lower = null;
        Long upper = null;
        long seen = 0;
        for (Map.Entry<Long, Long> e : counts.entrySet()) {
            long before = seen;
            seen += e.getValue();
            // zero-based ranks before .. seen-1 hold this value
            if (lower == null && (n - 1) / 2 < seen && (n - 1) / 2 >= before) {
                lower = e.getKey();
            }
            if (n / 2 < seen && n / 2 >= before) {
                upper = e.getKey();
                break;
            }
        }
        return n % 2 == 1 ? upper.doubleValue() : (lower + upper) / 2.0;
    }
}
