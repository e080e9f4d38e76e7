package wales.safeguarding.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged hub as a child process against an external PostgreSQL (the scale database), with its embedded broker
 * and the demo profile's other settings. Instead of the demo tokens (which give the console only the operator role),
 * the driver makes its own signing key, tells the hub to trust it ({@code quarkus.oidc.public-key}, as the demo tokens
 * do), and signs one token with the console roles operator, auditor and board-viewer.
 */
final class ScaleHub implements AutoCloseable {

    static final String ISSUER = "https://scale-benchmark.hub.safeguarding.wales";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final Process process;
    private final int httpPort;
    private final String token;
    private final Path log;
    private final KeyPair keys;
    private Path directory;
    private final long launched = System.nanoTime();

    private ScaleHub(Process process, int httpPort, String token, Path log, KeyPair keys) {
        this.process = process;
        this.httpPort = httpPort;
        this.token = token;
        this.log = log;
        this.keys = keys;
    }

    static ScaleHub start(Path jar, Path workDir, Path directory, String stubBaseUrl, String jdbcUrl, String user,
            List<String> jvmOptions, String logName) throws IOException, GeneralSecurityException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no hub jar at " + jar + ": build it first (./mvnw -B -q -o -pl hub-routes -am package -DskipTests)");
        }
        Path dataDir = workDir.resolve("hub-data");
        deleteTree(dataDir);
        Files.createDirectories(dataDir);
        Path log = workDir.resolve(logName);
        int httpPort = freePort();
        int brokerPort = freePort();
        KeyPair keys = keys();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the shipped launch's memory settings (run.sh's hub has them too), before --hub-jvm, which can override them
        command.addAll(HubProcess.DEFAULT_JVM_OPTIONS);
        command.addAll(jvmOptions);
        command.add("-Dquarkus.profile=demo");
        command.add("-Dhub.data-dir=" + dataDir);
        command.add("-Dquarkus.datasource.jdbc.url=" + jdbcUrl);
        command.add("-Dquarkus.datasource.username=" + user);
        command.add("-Dquarkus.http.port=" + httpPort);
        command.add("-Dhub.directory.location=" + directory);
        // the directory's endpoints are paths (/agency/<id>): on the stub, whatever port it has in this run
        command.add("-Dhub.directory.base-url=" + stubBaseUrl);
        command.add("-Dhub.broker.embedded.tcp-acceptor=tcp://127.0.0.1:" + brokerPort);
        command.add("-Dhub.intake.rate-limit.per-agency=1000000");
        command.add("-Dhub.intake.rate-limit.burst=1000000");
        command.add("-Dquarkus.oidc.public-key=" + Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
        command.add("-Dquarkus.oidc.token.issuer=" + ISSUER);
        command.add("-Dquarkus.oidc.auth-server-url=");
        command.add("-jar");
        command.add(jar.toString());
        Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        ScaleHub hub = new ScaleHub(process, httpPort, consoleToken(keys), log, keys);
        hub.directory = directory;
        return hub;
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    /** The directory file the hub was started with. */
    Path directory() {
        return directory;
    }

    long pid() {
        return process.pid();
    }

    /** Peak resident set size so far ({@code VmHWM}), bytes. */
    java.util.OptionalLong peakRss() {
        return ProcFs.status(process.pid(), "VmHWM");
    }

    java.util.OptionalLong rss() {
        return ProcFs.status(process.pid(), "VmRSS");
    }

    HubJvm jvm() {
        return new HubJvm(process.pid());
    }

    String token() {
        return token;
    }

    Path log() {
        return log;
    }

    void awaitReady(Duration timeout) throws IOException, InterruptedException {
        HubProcess.awaitReady(process, baseUri(), timeout, () -> tail(40));
    }

    /** SIGTERM, then wait; forced after 60 s. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            System.err.println("the hub did not stop within 60 s: killing it");
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    private static KeyPair keys() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** An RS256 JWT as the demo tokens are made (issuer, audience, groups), with every console role but admin. */
    private static String consoleToken(KeyPair keys) throws GeneralSecurityException {
        long now = Instant.now().getEpochSecond();
        return sign(keys, "{\"iss\":\"" + ISSUER + "\",\"aud\":\"safeguarding-hub\",\"sub\":\"scale-benchmark\","
                + "\"azp\":\"scale-benchmark\",\"preferred_username\":\"scale-benchmark\","
                + "\"groups\":[\"operator\",\"auditor\",\"board-viewer\"],\"iat\":" + now + ",\"exp\":" + (now + 86_400)
                + "}");
    }

    /** An agency system's token as the demo tokens are made (azp the client id, group agency), for intake. */
    String agencyToken(String clientId) throws GeneralSecurityException {
        long now = Instant.now().getEpochSecond();
        return sign(keys, "{\"iss\":\"" + ISSUER + "\",\"aud\":\"safeguarding-hub\",\"sub\":\"service-account-"
                + clientId + "\",\"azp\":\"" + clientId + "\",\"groups\":[\"agency\"],\"iat\":" + now + ",\"exp\":"
                + (now + 86_400) + "}");
    }

    /** Seconds since {@code java -jar}. */
    double secondsSinceLaunch() {
        return (System.nanoTime() - launched) / 1e9;
    }

    private static String sign(KeyPair keys, String claims) throws GeneralSecurityException {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String signingInput = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(keys.getPrivate());
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + B64.encodeToString(rsa.sign());
    }

    /**
     * A free loopback port: any (the system's choice), or with {@code BENCH_PORTS=FROM-TO} in the environment the first
     * free one of that range, for a machine whose users each keep to their own ports.
     */
    static int freePort() throws IOException {
        String range = System.getenv("BENCH_PORTS");
        if (range == null || range.isBlank()) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            }
        }
        String[] ends = range.trim().split("-");
        int from = Integer.parseInt(ends[0]);
        int to = Integer.parseInt(ends[1]);
        for (int port = from; port <= to; port++) {
            if (!TAKEN.contains(port)) {
                try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                    TAKEN.add(port);
                    return s.getLocalPort();
                } catch (IOException inUse) {
                    // next one
                }
            }
        }
        throw new IOException("no free port in BENCH_PORTS=" + range);
    }

    /** Ports handed out in this run: a hub stopped a moment ago may not have released them yet. */
    private static final java.util.Set<Integer> TAKEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

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
