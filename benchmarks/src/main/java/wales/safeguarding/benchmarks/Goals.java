package wales.safeguarding.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Issue 12's goals, one line each: the figure on every side, the goal, and whether it held on every side. A goal no
 * side measured says so rather than pass.
 */
final class Goals {

    static final double RATIO_GOAL = 0.5;
    static final double OPEN_LOOP_P99_GOAL_MS = 20;
    static final long RSS_GOAL_MB = 700;
    static final long HEAP_GOAL_MB = 512;
    static final double READY_GOAL_S = 8;
    static final double READY_EXTERNAL_GOAL_S = 3;
    private static final double MB = 1024.0 * 1024.0;

    private Goals() {
    }

    static List<String> lines(List<SideResult> sides) {
        List<String> out = new ArrayList<>();
        out.add(line("1 end to end / raw send + consume", sides, r -> r.rawSendConsume > 0,
                r -> String.format(Locale.ROOT, "%.3f", r.ratioToRaw()), ">= " + RATIO_GOAL,
                r -> r.ratioToRaw() >= RATIO_GOAL));
        out.add(line("2 POST -> 202 p99 at half the max, open loop", sides, r -> r.openLoopToAccepted != null
                && r.openLoopToAccepted.count() > 0,
                r -> String.format(Locale.ROOT, "%.1f ms at %.0f msg/s", r.openLoopToAccepted.percentileMs(99),
                        r.openLoopRate), "<= " + (int) OPEN_LOOP_P99_GOAL_MS + " ms",
                r -> r.openLoopToAccepted.percentileMs(99) <= OPEN_LOOP_P99_GOAL_MS));
        out.add(line("3 peak RSS, max heap, full GCs in the run", sides, r -> r.peakRss.isPresent()
                && r.maxHeap.isPresent(),
                r -> String.format(Locale.ROOT, "%.0f MB, -Xmx %.0f MB, %s full, kept %s", r.peakRss.getAsLong() / MB,
                        r.maxHeap.getAsLong() / MB, r.fullCollections < 0 ? "?" : Long.toString(r.fullCollections),
                        r.heapAfterFullGc.isPresent()
                                ? String.format(Locale.ROOT, "%.0f MB", r.heapAfterFullGc.getAsLong() / MB) : "n/a"),
                "< " + RSS_GOAL_MB + " MB with -Xmx <= " + HEAP_GOAL_MB + " MB",
                r -> r.peakRss.getAsLong() / MB < RSS_GOAL_MB && r.maxHeap.getAsLong() / MB <= HEAP_GOAL_MB));
        out.add(line("4 ready: first, restart; external services", sides, r -> r.readySeconds > 0,
                r -> String.format(Locale.ROOT, "%.1f s, %s; %s", r.readySeconds, seconds(r.restartSeconds),
                        seconds(r.externalSeconds)),
                "<= " + (int) READY_GOAL_S + " s embedded, <= " + (int) READY_EXTERNAL_GOAL_S + " s external",
                r -> r.readySeconds <= READY_GOAL_S && r.restartSeconds <= READY_GOAL_S
                        && r.externalSeconds <= READY_EXTERNAL_GOAL_S));
        // run.sh --scale puts scale.sh's GOAL 5a-5f lines (ScaleGoals) in this line's place
        out.add("GOAL 5 a million tracked messages: not measured by this run: benchmarks/run.sh ... --scale, or "
                + "benchmarks/scale.sh (benchmarks/README.md, \"A million tracked messages\")");
        return out;
    }

    private static String seconds(double s) {
        return s == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f s", s);
    }

    private static String line(String goal, List<SideResult> sides, Predicate<SideResult> measured,
            Function<SideResult, String> figure, String target, Predicate<SideResult> held) {
        StringBuilder figures = new StringBuilder();
        boolean all = !sides.isEmpty();
        boolean any = false;
        for (SideResult r : sides) {
            figures.append(figures.isEmpty() ? "" : "; ").append(r.name).append(' ');
            if (measured.test(r)) {
                any = true;
                figures.append(figure.apply(r));
                all &= held.test(r);
            } else {
                figures.append("n/a");
                all = false;
            }
        }
        String verdict = !any ? "NOT MEASURED" : all ? "held" : "NOT HELD";
        return String.format(Locale.ROOT, "GOAL %-46s %s  (goal %s)  %s", goal, figures, target, verdict);
    }
}
