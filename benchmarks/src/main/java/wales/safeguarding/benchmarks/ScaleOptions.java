package wales.safeguarding.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The scale benchmark's command line; every bad value is an error naming the option. */
record ScaleOptions(Path repo, String jdbcUrl, String user, int messages, int due, int requests, boolean skipLoad,
        boolean rearm, boolean explainOnly, boolean keep, int intake, Duration startTimeout, Duration sweepTimeout,
        String label, List<String> hubJvmOptions, boolean help) {

    static final String USAGE = """
            usage: benchmarks/scale.sh [options]
              --messages N        messages to load (default 1000000; 100000 for a quick run)
              --due N             of them, duty-to-reports with an escalation step due at start (default 10000)
              --requests N        requests per console view (default 50)
              --jdbc-url URL      the database to make, load and measure (default
                                  jdbc:postgresql://127.0.0.1:5432/hub_scale); it is dropped and made again
              --user NAME         PostgreSQL user (default postgres; no password: a trust login on loopback)
              --skip-load         measure the database as it is (made by an earlier --keep run); not dropped after
              --rearm             with --skip-load: make the due steps due again (deletes the escalation rows an
                                  earlier run's sweep wrote, puts the next-actions clocks back on their first step;
                                  the escalation messages that sweep made stay)
              --explain-only      with --skip-load: print the plans of the heavy queries, start no hub
              --keep              keep the database after the run (default: dropped)
              --label NAME        names the plans file target/scale/plans-NAME.txt and the hub log (default run)
              --start-timeout S   seconds the hub may take to be ready (default 600)
              --sweep-timeout S   seconds the escalation sweep may take (default 300)
              --intake N          messages sent to measure intake on the loaded database and on an empty one
                                  (default 2000 after 200 warm-ups, 4 senders; 0: not measured)
              --hub-jvm OPTS      the hub JVM's options, space-separated, after -Xmx512m -XX:+UseSerialGC
                                  (run.sh's), which they can override
            """;

    static ScaleOptions parse(String... args) {
        Path repo = null;
        String url = "jdbc:postgresql://127.0.0.1:5432/hub_scale";
        String user = "postgres";
        int messages = 1_000_000;
        int due = 10_000;
        int requests = 50;
        int intake = 2000;
        boolean skipLoad = false;
        boolean rearm = false;
        boolean explainOnly = false;
        boolean keep = false;
        boolean help = false;
        long start = 600;
        long sweep = 300;
        String label = "run";
        List<String> jvm = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--repo" -> repo = Path.of(value(args, ++i, a));
                case "--jdbc-url" -> url = value(args, ++i, a);
                case "--user" -> user = value(args, ++i, a);
                case "--messages" -> messages = positive(args, ++i, a);
                case "--due" -> due = positive(args, ++i, a);
                case "--requests" -> requests = positive(args, ++i, a);
                case "--intake" -> intake = "0".equals(value(args, i + 1, a)) ? zero(++i) : positive(args, ++i, a);
                case "--start-timeout" -> start = positive(args, ++i, a);
                case "--sweep-timeout" -> sweep = positive(args, ++i, a);
                case "--label" -> {
                    label = value(args, ++i, a);
                    if (!label.matches("[A-Za-z0-9_-]+")) {
                        throw new IllegalArgumentException("--label: letters, digits, - and _ only");
                    }
                }
                case "--hub-jvm" -> jvm.addAll(Arrays.asList(value(args, ++i, a).trim().split("\\s+")));
                case "--skip-load" -> skipLoad = true;
                case "--rearm" -> rearm = true;
                case "--explain-only" -> explainOnly = true;
                case "--keep" -> keep = true;
                case "-h", "--help" -> help = true;
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (repo == null && !help) {
            throw new IllegalArgumentException("--repo is required (scale.sh passes it)");
        }
        if (!url.startsWith("jdbc:postgresql://127.0.0.1") && !url.startsWith("jdbc:postgresql://localhost")) {
            throw new IllegalArgumentException("--jdbc-url: a PostgreSQL on loopback only (jdbc:postgresql://127.0.0.1...)");
        }
        if (explainOnly && !skipLoad) {
            throw new IllegalArgumentException("--explain-only goes with --skip-load");
        }
        if (rearm && !skipLoad) {
            throw new IllegalArgumentException("--rearm goes with --skip-load (a fresh load has its steps due already)");
        }
        if (due > messages) {
            throw new IllegalArgumentException("--due " + due + " is more than --messages " + messages);
        }
        return new ScaleOptions(repo, url, user, messages, due, requests, skipLoad, rearm, explainOnly, keep, intake,
                Duration.ofSeconds(start), Duration.ofSeconds(sweep), label, List.copyOf(jvm), help);
    }

    private static int zero(int ignored) {
        return 0;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int positive(String[] args, int i, String option) {
        String v = value(args, i, option);
        try {
            int n = Integer.parseInt(v);
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": a positive whole number, not '" + v + "'");
        }
    }
}
