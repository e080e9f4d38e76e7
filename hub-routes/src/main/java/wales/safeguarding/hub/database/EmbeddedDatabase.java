package wales.safeguarding.hub.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL (binaries from Maven jars) for the default run, kept in the data folder across restarts, skipped
 * when a server is configured. Its port is chosen before Quarkus starts, because the datasource URL must be known
 * then; the database itself is started on a thread of its own ({@link #startInBackground}) while Quarkus, the demo
 * tokens and the broker start, and the migrations wait for it ({@link #awaitStarted}, called by
 * {@code wales.safeguarding.hub.startup.StartInParallel} before Flyway connects). Unpacking the binaries, {@code initdb} and the postmaster's
 * start are another process's work and disk, so on 2 cores they overlap the JVM's own start.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static volatile CompletableFuture<EmbeddedDatabase> starting;

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** True when the operator pointed the hub at a PostgreSQL server. */
    public static boolean serverConfigured() {
        return System.getProperty("quarkus.datasource.jdbc.url") != null
                || System.getenv("QUARKUS_DATASOURCE_JDBC_URL") != null;
    }

    /** {@code hub.database.embedded.port}, or a port free on the loopback now. */
    public static int choosePort() throws IOException {
        Integer configured = Integer.getInteger("hub.database.embedded.port", 0);
        if (configured != 0) {
            return configured;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    /**
     * Takes the data folder for this process, at once: refuses it when another running hub uses it, stops a postmaster
     * that a killed hub left behind. Called before the start goes to the background, so a second hub on the same
     * folder stops here with that reason before it starts anything else (its broker would wait for the first hub's
     * journal lock).
     */
    public static void claim(Path dataDir) throws IOException {
        Path data = dataDir.resolve("postgres").toAbsolutePath();
        Files.createDirectories(data);
        StalePostmaster.stopIfOrphaned(data);
    }

    /** Starts the database in {@code <dataDir>/postgres} on a thread of its own; {@link #awaitStarted} joins it. */
    public static CompletableFuture<EmbeddedDatabase> startInBackground(Path dataDir, int port) {
        CompletableFuture<EmbeddedDatabase> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                future.complete(start(dataDir, port));
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }, "embedded-postgres-start");
        thread.setDaemon(true);
        starting = future;
        thread.start();
        return future;
    }

    /**
     * Waits for the database {@link #startInBackground} is starting; returns at once when there is none (a server is
     * configured, or a test started Quarkus without the hub's main).
     */
    public static void awaitStarted() {
        CompletableFuture<EmbeddedDatabase> future = starting;
        if (future == null) {
            return;
        }
        try {
            future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("the embedded PostgreSQL did not start: " + cause.getMessage(), cause);
        }
    }

    /** Starts the database in {@code <dataDir>/postgres} on this thread, on {@link #choosePort}. */
    public static EmbeddedDatabase start(Path dataDir) throws IOException {
        return start(dataDir, choosePort());
    }

    static EmbeddedDatabase start(Path dataDir, int port) throws IOException {
        Path data = dataDir.resolve("postgres").toAbsolutePath();
        Path binaries = binariesFolder(dataDir);
        Files.createDirectories(data);
        StalePostmaster.stopIfOrphaned(data);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binaries.toFile())
                .setRegisterShutdownHook(false)
                .setPort(port)
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setLocaleConfig("locale", "C")
                .setLocaleConfig("encoding", "UTF8")
                .start();
        return new EmbeddedDatabase(postgres);
    }

    /**
     * Where the PostgreSQL binaries are unpacked (60 MB from an xz archive in the jar: about 1.9 s of a first start on
     * a quiet 2-core machine, 5 s under load): once per user and PostgreSQL version, not once per data folder, so a
     * new data folder costs only {@code initdb}. {@code hub.database.embedded.binaries-dir} if set, else
     * {@code $XDG_CACHE_HOME/safeguarding-hub/postgres-binaries} ({@code ~/.cache/...}), else, when that cannot be
     * made, {@code <data>/postgres-binaries} as before. The library unpacks into a folder named after the archive's
     * digest, under a file lock, so hubs and tests starting at once share it safely; binaries only, no data.
     */
    static Path binariesFolder(Path dataDir) {
        String configured = System.getProperty("hub.database.embedded.binaries-dir", "");
        if (!configured.isBlank()) {
            return created(Path.of(configured).toAbsolutePath(), dataDir);
        }
        String cacheHome = System.getenv("XDG_CACHE_HOME");
        Path cache = cacheHome != null && !cacheHome.isBlank() ? Path.of(cacheHome)
                : Path.of(System.getProperty("user.home"), ".cache");
        return created(cache.resolve("safeguarding-hub").resolve("postgres-binaries").toAbsolutePath(), dataDir);
    }

    private static Path created(Path folder, Path dataDir) {
        try {
            return Files.createDirectories(folder);
        } catch (IOException | SecurityException e) {
            Path fallback = dataDir.resolve("postgres-binaries").toAbsolutePath();
            try {
                return Files.createDirectories(fallback);
            } catch (IOException second) {
                throw new UncheckedIOException("cannot make a folder for the PostgreSQL binaries: " + folder + " ("
                        + e.getMessage() + ") nor " + fallback, second);
            }
        }
    }

    /** The system properties that point Quarkus at a database on this port. */
    public static Map<String, String> quarkusProperties(int port) {
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "");
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

}
