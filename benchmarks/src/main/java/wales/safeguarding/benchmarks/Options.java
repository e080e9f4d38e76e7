package wales.safeguarding.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The driver's command line. Every count and wait has a default and an upper bound. */
record Options(int messages, int concurrency, int warmup, int rawMessages, int openLoopMessages, double openLoopRate,
        Duration arrivalTimeout,
        Duration startTimeout, Duration phaseLimit, Path repo, Path hubJar, Path workDir, List<String> hubJvmOptions,
        List<Side> sides, String commit) {

    /**
     * One hub run: a name, the directory it starts with, and whether goal 4's further starts (a restart, a start
     * against external services) are measured with it.
     */
    record Side(String name, Path directory, boolean startTimes) {
    }

    static final String USAGE = """
            usage: EndToEndBenchmark [options]
              -n N                  messages to send in each measured run (default 2000): every other one a
                                    duty-to-report (1 copy), the others information shares (3 copies)
              -c C                  concurrent senders, and raw-broker producers/consumers (default 4)
              -w W                  warm-up messages, not measured (default 200)
              -m M                  raw-broker messages (default 2000)
              -o O                  open-loop messages, sent at a fixed rate after the measured run (default 1000;
                                    0 skips the phase)
              --open-loop-rate R    their rate in msg/s (default: half the end-to-end rate just measured)
              --arrival-timeout S   seconds to wait for the last delivery after the last 202 (default 120)
              --start-timeout S     seconds to wait for each hub to be ready (default 300)
              --phase-limit S       seconds any one sending phase may take before it stops sending (default 600)
              --repo DIR            the repository root (default: found from the working directory)
              --hub-jar FILE        default <repo>/hub-routes/target/quarkus-app/quarkus-run.jar
              --work-dir DIR        default <repo>/benchmarks/target/e2e (each side's hub-data is wiped at each run)
              --sides LIST          which directories, in order: demo,wales (default), demo, or wales
              --wales-directory F   default <repo>/deploy/directory/wales-directory.json
              --hub-opt OPT         a JVM option for the hub, e.g. --hub-opt -Xmx512m (repeatable)
              --no-start-times      skip goal 4's further demo starts (a restart on the same data folder, and two
                                    starts against an external PostgreSQL and broker that this driver runs)
              --commit C            the commit measured, printed with the goals (run.sh passes it)
            """;

    private static final int MAX_COUNT = 1_000_000;
    private static final int MAX_CONCURRENCY = 64;

    static Options parse(String... args) {
        int n = 2000;
        int c = 4;
        int w = 200;
        int m = 2000;
        int o = 1000;
        double rate = 0;
        long arrival = 120;
        long start = 300;
        String sides = "demo,wales";
        Path wales = null;
        long phase = 600;
        Path repo = null;
        Path jar = null;
        Path work = null;
        List<String> hubOpts = new ArrayList<>();
        String commit = "unknown";
        boolean startTimes = true;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-n" -> n = count(a, value(args, ++i), 1, MAX_COUNT);
                case "-c" -> c = count(a, value(args, ++i), 1, MAX_CONCURRENCY);
                case "-w" -> w = count(a, value(args, ++i), 0, MAX_COUNT);
                case "-m" -> m = count(a, value(args, ++i), 1, MAX_COUNT);
                case "-o" -> o = count(a, value(args, ++i), 0, MAX_COUNT);
                case "--open-loop-rate" -> rate = count(a, value(args, ++i), 1, 100_000);
                case "--arrival-timeout" -> arrival = count(a, value(args, ++i), 1, 3600);
                case "--start-timeout" -> start = count(a, value(args, ++i), 1, 3600);
                case "--phase-limit" -> phase = count(a, value(args, ++i), 1, 3600);
                case "--repo" -> repo = Path.of(value(args, ++i));
                case "--hub-jar" -> jar = Path.of(value(args, ++i));
                case "--work-dir" -> work = Path.of(value(args, ++i));
                case "--hub-opt" -> hubOpts.add(value(args, ++i));
                case "--sides" -> sides = value(args, ++i);
                case "--no-start-times" -> startTimes = false;
                case "--commit" -> commit = value(args, ++i);
                case "--wales-directory" -> wales = Path.of(value(args, ++i));
                case "-h", "--help" -> throw new UsageException(null);
                default -> throw new UsageException("unknown option " + a);
            }
        }
        repo = (repo == null ? findRepo() : repo).toAbsolutePath().normalize();
        jar = jar == null ? repo.resolve("hub-routes/target/quarkus-app/quarkus-run.jar") : jar.toAbsolutePath();
        work = work == null ? repo.resolve("benchmarks/target/e2e") : work.toAbsolutePath();
        wales = wales == null ? repo.resolve("deploy/directory/wales-directory.json") : wales.toAbsolutePath();
        List<Side> chosen = new ArrayList<>();
        for (String side : sides.split(",")) {
            switch (side.trim()) {
                case "demo" -> chosen.add(new Side("demo", repo.resolve(
                        "hub-routes/src/main/resources/directory/demo-directory.json"), startTimes));
                case "wales" -> chosen.add(new Side("wales", wales, false));
                default -> throw new UsageException("--sides takes demo and/or wales, not '" + side + "'");
            }
        }
        return new Options(n, c, w, m, o, rate, Duration.ofSeconds(arrival), Duration.ofSeconds(start), Duration.ofSeconds(phase),
                repo, jar, work, List.copyOf(hubOpts), List.copyOf(chosen), commit);
    }

    /** The schemas' valid examples, which the traffic is made from. */
    Path examples() {
        return repo.resolve("schemas/src/main/resources/examples/valid");
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new UsageException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static int count(String option, String value, int min, int max) {
        try {
            int v = Integer.parseInt(value);
            if (v < min || v > max) {
                throw new UsageException(option + " must be between " + min + " and " + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a number, not '" + value + "'");
        }
    }

    /** The working directory or the closest parent that holds the hub and the schemas. */
    private static Path findRepo() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("hub-routes")) && Files.isDirectory(p.resolve("schemas"))) {
                return p;
            }
        }
        throw new UsageException("cannot find the repository root from " + Path.of("").toAbsolutePath()
                + "; give --repo");
    }

    /** A bad command line: the message (null for --help) and the usage are printed. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
