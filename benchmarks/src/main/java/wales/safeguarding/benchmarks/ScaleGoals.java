package wales.safeguarding.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Issue 12 goal 5's sub-goals, one line each in {@link Goals}' format (figure, goal, held or not), from what one scale
 * run measured. A sub-goal the run did not measure says so rather than pass. Goal 3 (memory) is shown for the scale
 * run's hubs too.
 */
final class ScaleGoals {

    static final double SWEEP_DATABASE_MS = 1000;
    static final double SWEEP_SECONDS = 10;
    static final double CONSOLE_P99_MS = 200;
    static final double BOARD_REPORT_MS = 1000;
    static final double INTAKE_RATIO = 0.9;
    private static final double MB = 1024.0 * 1024.0;

    private final int messages;
    private String sweepDatabase;
    private String sweepSpan;
    private String console;
    private String board;
    private String intake;
    private final List<ScaleBenchmark.Memory> memory = new ArrayList<>();

    ScaleGoals(int messages) {
        this.messages = messages;
    }

    void sweep(long fired, long expected, boolean all, double firstToLastSeconds, double databaseMs) {
        String ofDue = String.format(Locale.ROOT, "%,d of %,d due steps fired", fired, expected);
        sweepDatabase = line("5a sweep: database time", String.format(Locale.ROOT, "%.0f ms, %s", databaseMs, ofDue),
                "<= " + (int) SWEEP_DATABASE_MS + " ms", all && databaseMs <= SWEEP_DATABASE_MS);
        sweepSpan = line("5b sweep: first to last escalation fired", String.format(Locale.ROOT, "%.1f s, %s",
                firstToLastSeconds, ofDue), "<= " + (int) SWEEP_SECONDS + " s",
                all && firstToLastSeconds <= SWEEP_SECONDS);
    }

    /** The views before the sweep; the board report's views go to their own line. */
    void console(List<ScaleBenchmark.ConsoleView> views) {
        ScaleBenchmark.ConsoleView worst = null;
        int above = 0;
        int counted = 0;
        int failed = 0;
        ScaleBenchmark.ConsoleView oneCouncil = null;
        ScaleBenchmark.ConsoleView allCouncils = null;
        for (ScaleBenchmark.ConsoleView v : views) {
            if (v.boardReport()) {
                if (v.name().endsWith("one council")) {
                    oneCouncil = v;
                } else if (allCouncils == null) {
                    allCouncils = v;
                }
                continue;
            }
            counted++;
            failed += v.failure().isEmpty() ? 0 : 1;
            above += v.p99() > CONSOLE_P99_MS ? 1 : 0;
            worst = worst == null || v.p99() > worst.p99() ? v : worst;
        }
        console = worst == null ? notMeasured("5c console views and filters, worst p99")
                : line("5c console views and filters, worst p99", String.format(Locale.ROOT,
                        "%.1f ms (%s); %d of %d views above%s", worst.p99(), worst.name(), above, counted,
                        failed == 0 ? "" : ", " + failed + " not answered 200"), "<= " + (int) CONSOLE_P99_MS + " ms",
                        above == 0 && failed == 0);
        board = oneCouncil == null ? notMeasured("5d board report, a year, one council, p99")
                : line("5d board report, a year, one council, p99", String.format(Locale.ROOT, "%.0f ms%s%s",
                        oneCouncil.p99(), allCouncils == null ? "" : String.format(Locale.ROOT,
                                " (all councils %.0f ms)", allCouncils.p99()),
                        oneCouncil.failure().isEmpty() ? "" : ", not answered 200"),
                        "<= " + (int) BOARD_REPORT_MS + " ms",
                        oneCouncil.p99() <= BOARD_REPORT_MS && oneCouncil.failure().isEmpty());
    }

    void intake(ScaleBenchmark.Intake loaded, ScaleBenchmark.Intake empty) {
        if (loaded == null || empty == null || empty.endToEndPerSecond() == 0) {
            intake = notMeasured("5e intake, loaded / empty database");
            return;
        }
        double ratio = loaded.endToEndPerSecond() / empty.endToEndPerSecond();
        double acceptedRatio = empty.acceptedPerSecond() == 0 ? 0
                : loaded.acceptedPerSecond() / empty.acceptedPerSecond();
        intake = line("5e intake, loaded / empty database", String.format(Locale.ROOT,
                "end to end %.1f / %.1f msg/s = %.2f; accepted %.1f / %.1f = %.2f", loaded.endToEndPerSecond(),
                empty.endToEndPerSecond(), ratio, loaded.acceptedPerSecond(), empty.acceptedPerSecond(),
                acceptedRatio), ">= " + INTAKE_RATIO, ratio >= INTAKE_RATIO && acceptedRatio >= INTAKE_RATIO);
    }

    void memory(ScaleBenchmark.Memory phase) {
        memory.add(phase);
    }

    List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(orNot(sweepDatabase, "5a sweep: database time"));
        out.add(orNot(sweepSpan, "5b sweep: first to last escalation fired"));
        out.add(orNot(console, "5c console views and filters, worst p99"));
        out.add(orNot(board, "5d board report, a year, one council, p99"));
        out.add(orNot(intake, "5e intake, loaded / empty database"));
        out.add(memoryLine());
        return out;
    }

    /** Goal 3 over the scale run's hubs: the worst peak RSS, every full GC, the largest heap kept. */
    private String memoryLine() {
        String goal = "5f goal 3 in the scale run: RSS, heap, full GCs";
        long peak = -1;
        long full = 0;
        long kept = -1;
        long max = -1;
        for (ScaleBenchmark.Memory m : memory) {
            peak = Math.max(peak, m.figures()[0]);
            full += Math.max(0, m.figures()[1]);
            kept = Math.max(kept, m.figures()[2]);
            max = Math.max(max, m.maxHeap().orElse(-1));
        }
        if (peak < 0 || max < 0) {
            return notMeasured(goal);
        }
        return line(goal, String.format(Locale.ROOT, "%.0f MB, -Xmx %.0f MB, %d full, kept %s", peak / MB, max / MB,
                full, kept < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MB", kept / MB)),
                "< " + Goals.RSS_GOAL_MB + " MB with -Xmx <= " + Goals.HEAP_GOAL_MB + " MB",
                peak / MB < Goals.RSS_GOAL_MB && max / MB <= Goals.HEAP_GOAL_MB);
    }

    private String line(String goal, String figure, String target, boolean held) {
        return String.format(Locale.ROOT, "GOAL %-46s %s  (goal %s)  %s", goal,
                String.format(Locale.ROOT, "%,d messages: %s", messages, figure), target, held ? "held" : "NOT HELD");
    }

    private static String orNot(String line, String goal) {
        return line != null ? line : notMeasured(goal);
    }

    private static String notMeasured(String goal) {
        return String.format(Locale.ROOT, "GOAL %-46s not measured by this run  NOT MEASURED", goal);
    }
}
