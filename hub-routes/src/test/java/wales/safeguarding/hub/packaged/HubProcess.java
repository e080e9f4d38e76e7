package wales.safeguarding.hub.packaged;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged hub ({@code quarkus-run.jar}) as a real process: either on the demo profile's embedded broker and
 * embedded PostgreSQL in a data folder that outlives the process, so it can be killed and started again, or on a
 * standalone broker and the PostgreSQL server ({@link #startOn}).
 */
final class HubProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static final List<String> DEMO_OPTIONS = List.of(
            "-Dhub.demo.tokens=true",
            "-Dhub.database.embedded=true",
            "-Dhub.broker.embedded.tcp-acceptor=",
            "-Dhub.broker.redelivery.delay-ms=200",
            "-Dhub.broker.redelivery.max-delay-ms=1000");

    private final Process process;
    private final int port;
    private final Path dataDir;
    private final SharedTokens tokens;
    private final Path log;

    private HubProcess(Process process, int port, Path dataDir, SharedTokens tokens, Path log) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
        this.tokens = tokens;
        this.log = log;
    }

    /** The demo profile's embedded broker and embedded PostgreSQL; demo tokens minted by the process. */
    /**
     * A secret folder next to {@code dataDir} with one body key, id {@code it}, for a start on the production
     * profile (which has no fixed key): {@code -Dhub.bodies.keys-dir=<it> -Dhub.bodies.current-key=it}.
     */
    static Path bodyKeys(Path dataDir) throws IOException {
        Path keys = java.nio.file.Files.createDirectories(dataDir.resolveSibling(dataDir.getFileName() + "-keys"));
        java.nio.file.Files.writeString(keys.resolve("body-key.it"), "dGVzdC1vbmx5LWJvZHkta2V5LW5ldmVyLWluLXByb2Q=\n");
        return keys;
    }

    static HubProcess start(Path dataDir, Path directory, Map<String, String> extra, String logName) throws IOException {
        List<String> options = DEMO_OPTIONS;
        return awaitReady(spawn(dataDir, directory, options, extra, logName, null));
    }

    /** As {@link #start}, with another packaged hub: e.g. the previous release's (the upgrade drill). */
    static HubProcess startJar(Path jar, Path dataDir, Path directory, Map<String, String> extra, String logName)
            throws IOException {
        return awaitReady(spawn(jar, dataDir, directory, DEMO_OPTIONS, extra, logName, null));
    }

    /** As {@link #start} but returns at once; {@link #readyOrExited()} tells when it is ready. */
    static HubProcess launch(Path dataDir, Path directory, Map<String, String> extra, String logName) throws IOException {
        return spawn(dataDir, directory, DEMO_OPTIONS, extra, logName, null);
    }

    /**
     * The production topology: a standalone broker (or a pair) named by {@code hub.broker.url} in {@code extra}, the
     * PostgreSQL server named by {@code quarkus.datasource.jdbc.url} in {@code extra}, and tokens from an issuer
     * every instance trusts. The demo profile stays on for its conveniences only (clock offset allowed, faster
     * timers); nothing embedded is started.
     */
    static HubProcess startOn(Path dataDir, Path directory, Map<String, String> extra, String logName,
            SharedTokens tokens) throws IOException {
        List<String> options = new ArrayList<>(List.of(
                "-Dhub.database.embedded=false",
                "-Dhub.broker.embedded.enabled=false"));
        tokens.hubProperties().forEach((k, v) -> options.add("-D" + k + "=" + v));
        return awaitReady(spawn(dataDir, directory, options, extra, logName, tokens));
    }

    private static HubProcess spawn(Path dataDir, Path directory, List<String> options, Map<String, String> extra,
            String logName, SharedTokens tokens) throws IOException {
        return spawn(Path.of(System.getProperty("hub.jar", "target/quarkus-app/quarkus-run.jar")), dataDir, directory,
                options, extra, logName, tokens);
    }

    private static HubProcess spawn(Path jar, Path dataDir, Path directory, List<String> options,
            Map<String, String> extra, String logName, SharedTokens tokens) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Dquarkus.profile=demo",
                "-Dhub.data-dir=" + dataDir,
                "-Dquarkus.http.port=" + port,
                "-Dhub.directory.location=" + directory,
                "-Dhub.delivery.outbox-sweep-interval-ms=1000",
                "-Dhub.escalation.scan-interval-ms=1000",
                // the load and failover tests send thousands of messages as one agency, far beyond an agency's rate
                "-Dhub.intake.rate-limit.per-agency=1000000", "-Dhub.intake.rate-limit.burst=1000000",
                // the demo profile sends last month's board report export 10 s after start: a delivery of its own that
                // the fault tests, which count deliveries, would meet at a moment of their run that varies
                "-Dhub.national-board.start-delay-ms=86400000"));
        command.addAll(options);
        extra.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        Path log = dataDir.resolveSibling(logName + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HubProcess hub = new HubProcess(process, port, dataDir, tokens, log);
        // should the test JVM be stopped half way, the hub does not outlive it
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return hub;
    }

    private static HubProcess awaitReady(HubProcess hub) {
        try {
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(hub::readyOrExited);
        } catch (RuntimeException e) {
            hub.process.destroyForcibly(); // a hub that did not become ready is not left running
            throw e;
        }
        return hub;
    }

    /** True once the readiness check answers 200; fails if the process has ended. */
    boolean readyOrExited() {
        if (!process.isAlive()) {
            throw new IllegalStateException("the hub exited with " + process.exitValue() + "; see " + log);
        }
        return ready();
    }

    long pid() {
        return process.pid();
    }

    boolean ready() {
        try {
            HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(uri("/q/health/ready")).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Where the process writes its output. */
    Path log() {
        return log;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    String token(String client) throws IOException {
        if (tokens != null) {
            return tokens.agency(client);
        }
        return Files.readString(dataDir.resolve("demo-tokens").resolve(client + ".jwt")).trim();
    }

    HttpResponse<String> send(HttpRequest.Builder request, String bearer) throws IOException, InterruptedException {
        return HTTP.send(request.header("Authorization", "Bearer " + bearer).build(), HttpResponse.BodyHandlers.ofString());
    }

    boolean alive() {
        return process.isAlive();
    }

    HttpResponse<String> post(String client, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri("/api/v1/messages")).header("Authorization", "Bearer " + token(client))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String client, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token(client)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** SIGKILL: the hub gets no chance to finish anything. */
    /**
     * The state of a message's first (or only) recipient, as {@code client} tracks it ("unreadable" while the hub
     * cannot answer), for polling.
     */
    String state(String client, String messageId) {
        try {
            return wales.safeguarding.schemas.envelope.CanonicalJson.mapper()
                    .readTree(get(client, "/api/v1/messages/" + messageId).body()).at("/recipients/0/state").asText();
        } catch (IOException e) {
            return "unreadable";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: the hub shuts down as an operator would stop it. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
