package wales.safeguarding.benchmarks;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Memory and CPU figures of processes, read from Linux's {@code /proc}. Every method answers empty or zero where
 * {@code /proc} is missing or the process is gone: the figures are extra, never a reason to fail a run.
 */
final class ProcFs {

    /** {@code USER_HZ}: the unit of the CPU times in {@code /proc/<pid>/stat}; 100 on every mainstream Linux. */
    static final double TICKS_PER_SECOND = 100.0;

    private ProcFs() {
    }

    /** A {@code kB} line of {@code /proc/<pid>/status}, e.g. {@code VmRSS} or {@code VmHWM}, in bytes. */
    static OptionalLong status(long pid, String field) {
        return kbLine(Path.of("/proc", Long.toString(pid), "status"), field);
    }

    /** The number of threads of the process ({@code Threads} in {@code /proc/<pid>/status}). */
    static OptionalLong threads(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("Threads:")) {
                    return OptionalLong.of(Long.parseLong(line.substring("Threads:".length()).trim()));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process is gone, or this is not Linux
        }
        return OptionalLong.empty();
    }

    /** The proportional set size (shared pages split between their users), in bytes. */
    static OptionalLong pss(long pid) {
        return kbLine(Path.of("/proc", Long.toString(pid), "smaps_rollup"), "Pss");
    }

    /**
     * CPU time in ticks: user + system, and with {@code withReapedChildren} also that of the children the process
     * has waited for (PostgreSQL backends that ended).
     */
    static long cpuTicks(long pid, boolean withReapedChildren) {
        String[] f = statFields(pid);
        if (f.length < 15) {
            return 0;
        }
        // Fields after the command name: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14).
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return withReapedChildren ? ticks + Long.parseLong(f[13]) + Long.parseLong(f[14]) : ticks;
    }

    /**
     * Nanoseconds the process's live threads have spent runnable but waiting for a CPU (the second figure of each
     * {@code /proc/<pid>/task/<tid>/schedstat}, summed): how long the machine's cores kept its work waiting. Threads
     * that ended meanwhile are not counted.
     */
    static long runQueueWaitNanos(long pid) {
        long total = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    String[] f = Files.readString(task.resolve("schedstat")).trim().split("\\s+");
                    total += Long.parseLong(f[1]);
                } catch (IOException | RuntimeException e) {
                    // the thread ended
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return total;
    }

    /** CPU ticks all cores spent busy (neither idle nor waiting for I/O) since boot, from {@code /proc/stat}. */
    static long machineBusyTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...
            long busy = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                busy += i == 4 || i == 5 ? 0 : Long.parseLong(f[i]);
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The live children of {@code pid}. */
    static List<Long> children(long pid) {
        List<Long> found = new ArrayList<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString()
                .chars().allMatch(Character::isDigit))) {
            for (Path p : procs) {
                long child = Long.parseLong(p.getFileName().toString());
                String[] f = statFields(child);
                if (f.length > 1 && f[1].equals(Long.toString(pid))) {
                    found.add(child);
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc: no figures
        }
        return found;
    }

    private static String[] statFields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name is in parentheses and may hold spaces: split what follows the last ')'.
            return stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        } catch (IOException | RuntimeException e) {
            return new String[0];
        }
    }

    private static OptionalLong kbLine(Path file, String field) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(field + ":")) {
                    String kb = line.substring(field.length() + 1).trim().split("\\s+")[0];
                    return OptionalLong.of(Long.parseLong(kb) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process is gone, or this is not Linux
        }
        return OptionalLong.empty();
    }
}
