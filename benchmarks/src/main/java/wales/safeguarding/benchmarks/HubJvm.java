package wales.safeguarding.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the hub JVM says about its memory, through {@code jcmd} (the JDK's own diagnostic command): its heap, its heap
 * after a full collection, its maximum heap and how many collections of each kind it has run. Every answer is empty
 * when jcmd is missing or does not answer within 20 s.
 */
final class HubJvm {

    private static final Pattern HEAP = Pattern.compile("total (\\d+)K, used (\\d+)K");
    private static final Pattern MAX_HEAP = Pattern.compile("-XX:MaxHeapSize=(\\d+)");
    private static final Pattern COLLECTOR = Pattern.compile("sun\\.gc\\.collector\\.(\\d+)\\.(name|invocations)=(.*)");

    private final long pid;

    HubJvm(long pid) {
        this.pid = pid;
    }

    /** Heap used and committed, in bytes ({@code GC.heap_info}). */
    Optional<long[]> heap() {
        // G1 prints one line for the whole heap ("garbage-first heap total ..K, used ..K"); the serial and parallel
        // collectors one per generation ("def new generation", "tenured generation"): the heap is their sum
        return jcmd("GC.heap_info").flatMap(out -> {
            Matcher m = HEAP.matcher(out);
            long used = 0;
            long total = 0;
            boolean found = false;
            while (m.find()) {
                found = true;
                total += Long.parseLong(m.group(1)) * 1024;
                used += Long.parseLong(m.group(2)) * 1024;
            }
            return found ? Optional.of(new long[] {used, total}) : Optional.empty();
        });
    }

    /** Runs a full collection ({@code GC.run}), then reads the heap: what the hub really keeps. */
    Optional<long[]> heapAfterFullGc() {
        return jcmd("GC.run").flatMap(ignored -> heap());
    }

    /** The heap's upper bound ({@code -XX:MaxHeapSize} in {@code VM.flags}). */
    OptionalLong maxHeap() {
        Optional<String> flags = jcmd("VM.flags");
        if (flags.isEmpty()) {
            return OptionalLong.empty();
        }
        Matcher m = MAX_HEAP.matcher(flags.get());
        return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    /**
     * Collections so far per collector, by the collector's name (G1: "G1 Young Generation" (young and mixed pauses),
     * "G1 full collection" or similar (full, stop-the-world), "G1 Concurrent..." (concurrent cycles)), from the JVM's
     * performance counters.
     */
    Map<String, Long> collections() {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        jcmd("PerfCounter.print").ifPresent(out -> out.lines().forEach(line -> {
            Matcher m = COLLECTOR.matcher(line.trim());
            if (m.matches()) {
                String value = m.group(3).trim().replace("\"", "");
                if (m.group(2).equals("name")) {
                    names.put(m.group(1), value);
                } else {
                    counts.put(m.group(1), Long.parseLong(value));
                }
            }
        }));
        Map<String, Long> byName = new LinkedHashMap<>();
        names.forEach((index, name) -> byName.put(name, counts.getOrDefault(index, 0L)));
        return byName;
    }

    /**
     * The hub's stops so far, from its performance counters: collections (every collector, young and full) and the
     * time they took, and safepoints (collections, deoptimisation, other VM operations: every moment all of the hub's
     * threads were stopped) and the time they took. Empty if the counters cannot be read.
     */
    Optional<Pauses> pauses() {
        return jcmd("PerfCounter.print").map(out -> {
            long frequency = 1;
            long collections = 0;
            long collectionTicks = 0;
            long safepoints = 0;
            long safepointTicks = 0;
            for (String line : out.lines().map(String::trim).toList()) {
                int eq = line.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String name = line.substring(0, eq);
                String value = line.substring(eq + 1).trim();
                if (!value.matches("\\d+")) {
                    continue;
                }
                long v = Long.parseLong(value);
                if (name.equals("sun.os.hrt.frequency")) {
                    frequency = v;
                } else if (name.matches("sun\\.gc\\.collector\\.\\d+\\.invocations")) {
                    collections += v;
                } else if (name.matches("sun\\.gc\\.collector\\.\\d+\\.time")) {
                    collectionTicks += v;
                } else if (name.equals("sun.rt.safepoints")) {
                    safepoints = v;
                } else if (name.equals("sun.rt.safepointTime")) {
                    safepointTicks = v;
                }
            }
            return new Pauses(collections, collectionTicks * 1000.0 / frequency, safepoints,
                    safepointTicks * 1000.0 / frequency);
        });
    }

    /** Stops of the hub's JVM: collections and their milliseconds, safepoints and their milliseconds. */
    record Pauses(long collections, double collectionMs, long safepoints, double safepointMs) {

        Pauses since(Pauses before) {
            return new Pauses(collections - before.collections, collectionMs - before.collectionMs,
                    safepoints - before.safepoints, safepointMs - before.safepointMs);
        }
    }

    /** Full (stop-the-world, whole heap) collections among {@link #collections()}: those whose name says full. */
    static long fullCollections(Map<String, Long> collections) {
        return collections.entrySet().stream()
                .filter(e -> e.getKey().toLowerCase(java.util.Locale.ROOT).contains("full")
                        || e.getKey().equals("MarkSweepCompact") || e.getKey().equals("PSMarkSweep"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private Optional<String> jcmd(String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return Optional.empty();
        }
        try {
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
