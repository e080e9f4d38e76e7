package wales.safeguarding.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged hub as a child process, run as the README runs it (demo profile, demo tokens, embedded broker and
 * embedded PostgreSQL), on free loopback ports, with the benchmark directory and a fresh data folder.
 */
final class HubProcess {

    /** The shipped launch's memory settings (deploy/demo/run.sh, deploy/README.md). */
    static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC");
    /** The default run's services: the embedded broker (the demo profile) and the embedded PostgreSQL. */
    static final List<String> EMBEDDED_SERVICES = List.of("-Dhub.database.embedded=true");
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path dataDir;
    private final Path log;
    private final int httpPort;
    private final int brokerPort;
    /** When {@code java -jar} was launched ({@link System#nanoTime()}), after the copy of the fast-jar folder. */
    private final long launched;
    private boolean stopped;

    private HubProcess(Process process, Path dataDir, Path log, int httpPort, int brokerPort, long launched) {
        this.process = process;
        this.launched = launched;
        this.dataDir = dataDir;
        this.log = log;
        this.httpPort = httpPort;
        this.brokerPort = brokerPort;
    }

    /** The hub on embedded defaults with a fresh data folder: what a newcomer's first start does. */
    static HubProcess start(Path jar, Path workDir, Path directory, List<String> jvmOptions) throws IOException {
        return start(jar, workDir, directory, jvmOptions, true, EMBEDDED_SERVICES);
    }

    /**
     * The hub with the given services' launch properties ({@link #EMBEDDED_SERVICES}, or an external PostgreSQL and
     * broker), on a fresh data folder or on the one an earlier start left (a restart: the embedded PostgreSQL's
     * binaries, database and the demo signing key already there).
     */
    static HubProcess start(Path jar, Path workDir, Path directory, List<String> jvmOptions, boolean freshData,
            List<String> services) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no hub jar at " + jar + ": build it first (./mvnw -B -q -pl hub-routes -am package -DskipTests)");
        }
        Path dataDir = workDir.resolve("hub-data");
        stopLeftoverDatabase(dataDir);
        if (freshData) {
            deleteTree(dataDir);
        }
        Files.createDirectories(dataDir);
        Path runJar = privateCopy(jar, workDir.resolve("hub-app"));
        Path log = workDir.resolve("hub.log");
        int httpPort = freePort();
        int brokerPort = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(DEFAULT_JVM_OPTIONS); // before --hub-opt, which can override them
        command.addAll(classDataSharing(jar, workDir.resolve("hub-cds.jsa"), freshData && services == EMBEDDED_SERVICES));
        command.addAll(jvmOptions);
        command.add("-Dquarkus.profile=demo");
        command.add("-Dhub.demo.tokens=true");
        command.addAll(services);
        command.add("-Dhub.data-dir=" + dataDir);
        command.add("-Dquarkus.http.port=" + httpPort);
        command.add("-Dhub.directory.location=" + directory);
        command.add("-Dhub.broker.embedded.tcp-acceptor=tcp://127.0.0.1:" + brokerPort);
        // a benchmark sends as fast as the hub takes it, far beyond one agency's rate limit
        command.add("-Dhub.intake.rate-limit.per-agency=1000000");
        command.add("-Dhub.intake.rate-limit.burst=1000000");
        command.add("-jar");
        command.add(runJar.toString());
        long launched = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new HubProcess(process, dataDir, log, httpPort, brokerPort, launched);
    }

    long pid() {
        return process.pid();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    String brokerUrl() {
        return "tcp://127.0.0.1:" + brokerPort;
    }

    Path log() {
        return log;
    }

    /**
     * Polls the readiness check (no token needed) until it answers 200; fails if the hub exits or time runs out.
     * Returns the seconds from {@code java -jar} to that answer.
     */
    double awaitReady(Duration timeout) throws IOException, InterruptedException {
        awaitReady(process, baseUri(), timeout, () -> tail(40));
        return (System.nanoTime() - launched) / 1e9;
    }

    /**
     * Waits for the first 200 from {@code /q/health/ready} of a hub process; fails with the log's tail if the process
     * ends or the time runs out.
     */
    static void awaitReady(Process process, URI base, Duration timeout, java.util.function.Supplier<String> tail)
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(base.resolve("/q/health/ready")).timeout(Duration.ofSeconds(5))
                .GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        int last = 0;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the hub exited with " + process.exitValue() + " before it was ready:\n"
                        + tail.get());
            }
            try {
                last = client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (last == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // still starting
            }
            process.waitFor(200, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("the hub was not ready within " + timeout.toSeconds() + " s (last answer "
                + last + "):\n" + tail.get());
    }

    /**
     * Waits until no adapter says {@code "warming"} in the readiness data (the FHIR validator warms in the background
     * after the hub is ready): what is measured afterwards is the hub's steady state, not its warm-up. Returns false
     * if the time runs out.
     */
    boolean awaitAdaptersWarm(Duration timeout) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(baseUri().resolve("/q/health/ready")).timeout(Duration.ofSeconds(5))
                .GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            String body = client.send(ready, HttpResponse.BodyHandlers.ofString()).body();
            if (!body.contains("\"warming\"")) {
                return true;
            }
            process.waitFor(500, TimeUnit.MILLISECONDS);
        }
        return false;
    }

    /** The bearer token the hub wrote for a demo client at start. */
    String token(String clientId) throws IOException {
        return Files.readString(dataDir.resolve("demo-tokens").resolve(clientId + ".jwt")).trim();
    }

    OptionalLong rss() {
        return ProcFs.status(pid(), "VmRSS");
    }

    /** The hub JVM's threads now, from {@code /proc/<pid>/status}. */
    OptionalLong threads() {
        return ProcFs.threads(pid());
    }

    OptionalLong peakRss() {
        return ProcFs.status(pid(), "VmHWM");
    }

    /** The hub JVM's own account of its memory and collections (jcmd). */
    HubJvm jvm() {
        return new HubJvm(pid());
    }

    /** The embedded PostgreSQL's postmaster, from its lock file. */
    OptionalLong postmasterPid() {
        return postmasterPid(dataDir);
    }

    /** PSS of the postmaster and its live backends: their real share of memory, shared buffers counted once. */
    OptionalLong databasePss() {
        OptionalLong postmaster = postmasterPid();
        if (postmaster.isEmpty()) {
            return OptionalLong.empty();
        }
        long total = 0;
        for (long pid : databasePids(postmaster.getAsLong())) {
            total += ProcFs.pss(pid).orElse(0);
        }
        return total == 0 ? OptionalLong.empty() : OptionalLong.of(total);
    }

    /** CPU ticks used so far by the embedded PostgreSQL (postmaster, live backends, ended backends). */
    long databaseCpuTicks() {
        OptionalLong postmaster = postmasterPid();
        if (postmaster.isEmpty()) {
            return 0;
        }
        long ticks = ProcFs.cpuTicks(postmaster.getAsLong(), true);
        for (long child : ProcFs.children(postmaster.getAsLong())) {
            ticks += ProcFs.cpuTicks(child, true);
        }
        return ticks;
    }

    /** Stops the hub as an operator would (SIGTERM) and waits; forces it only if it hangs. Safe to call twice. */
    synchronized int stop() throws InterruptedException {
        if (stopped) {
            return process.isAlive() ? -1 : process.exitValue();
        }
        stopped = true;
        OptionalLong postmaster = postmasterPid();
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            System.err.println("the hub did not stop within " + STOP_TIMEOUT.toSeconds() + " s: killing it");
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        // After a forced stop the postmaster (in its own session) outlives the hub: stop the one this run started.
        postmaster.ifPresent(pid -> ProcessHandle.of(pid).ifPresent(HubProcess::stopAndWait));
        return process.isAlive() ? -1 : process.exitValue();
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    private static List<Long> databasePids(long postmaster) {
        List<Long> pids = new ArrayList<>();
        pids.add(postmaster);
        pids.addAll(ProcFs.children(postmaster));
        return pids;
    }

    private static OptionalLong postmasterPid(Path dataDir) {
        try {
            Path lock = dataDir.resolve("postgres").resolve("postmaster.pid");
            if (!Files.isRegularFile(lock)) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Long.parseLong(Files.readAllLines(lock).get(0).trim()));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * A postmaster left running in our own data folder by an earlier run that was killed: stop it (by its pid, and
     * only if it is a postgres process) before the folder is wiped.
     */
    private static void stopLeftoverDatabase(Path dataDir) {
        postmasterPid(dataDir).stream().mapToObj(ProcessHandle::of).flatMap(Optional::stream)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
                .forEach(p -> {
                    System.out.println("stopping PostgreSQL " + p.pid() + " left running by an earlier run");
                    stopAndWait(p);
                });
    }

    private static void stopAndWait(ProcessHandle p) {
        if (!p.isAlive()) {
            return;
        }
        p.destroy();
        try {
            p.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
        }
    }

    /**
     * As {@code deploy/demo/run.sh} launches the hub: a start with no archive of the classes a start loads (or one
     * older than the jar) makes one when the hub stops ({@code -XX:ArchiveClassesAtExit}, JDK 17's dynamic AppCDS),
     * later starts map it ({@code -XX:SharedArchiveFile}) instead of reading, parsing and verifying those classes
     * again. A first start on a fresh data folder with embedded services (a newcomer's first start) always makes a new
     * one, so it is measured without one. The archive names the jar's path and time, hence the copy below keeps times.
     */
    static List<String> classDataSharing(Path jar, Path archive, boolean newcomer) throws IOException {
        boolean usable = !newcomer && Files.isRegularFile(archive)
                && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0;
        if (usable) {
            return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        }
        Files.deleteIfExists(archive);
        return List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /**
     * Runs the hub from a copy of its fast-jar folder: Quarkus opens its library jars lazily, so a build of hub-routes
     * started by someone else during the run would otherwise pull them from under the running hub.
     */
    static Path privateCopy(Path jar, Path copy) throws IOException {
        Path app = jar.getParent();
        if (app == null || !Files.isDirectory(app.resolve("lib"))) {
            return jar;
        }
        deleteTree(copy);
        try (Stream<Path> all = Files.walk(app)) {
            for (Path p : all.toList()) {
                Path target = copy.resolve(app.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    // times kept: the class-data archive (classDataSharing) checks the jar's
                    Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return copy.resolve(jar.getFileName().toString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
