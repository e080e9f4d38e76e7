package wales.safeguarding.hub;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import org.apache.camel.quarkus.main.CamelMainApplication;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Application;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import wales.safeguarding.hub.database.EmbeddedDatabase;
import wales.safeguarding.hub.config.DemoSwitches;
import wales.safeguarding.hub.demo.DemoTokens;

/**
 * Starts the hub. With {@code hub.database.embedded=true} (the demo run) an embedded PostgreSQL is started in
 * {@code hub.data-dir}, on a thread of its own while Quarkus starts (the migrations wait for it:
 * {@link wales.safeguarding.hub.startup.StartInParallel}); otherwise a PostgreSQL server must be configured
 * ({@code QUARKUS_DATASOURCE_JDBC_URL}), and the hub refuses to start without one rather than fall back to a database
 * nobody backs up. With {@code hub.demo.tokens=true} (the demo run), the kept signing key (or a new one) is trusted and
 * a token per demo agency is written to the data folder, in the background, before the hub is ready.
 */
@QuarkusMain
public final class HubMain {

    private static final Logger LOG = Logger.getLogger(HubMain.class);

    private HubMain() {
    }

    public static void main(String... args) throws Exception {
        Path dataDir = Path.of(System.getProperty("hub.data-dir", System.getenv().getOrDefault("HUB_DATA_DIR", "data")));
        boolean demoTokens = Boolean.getBoolean("hub.demo.tokens");
        if (demoTokens) {
            var refusal = DemoSwitches.refusal("hub.demo.tokens", DemoSwitches.launchProfiles());
            if (refusal.isPresent()) {
                System.err.println(refusal.get());
                System.exit(2);
            }
        }
        boolean embedded = Boolean.parseBoolean(System.getProperty("hub.database.embedded",
                System.getenv().getOrDefault("HUB_DATABASE_EMBEDDED", "false")));
        if (!embedded && !EmbeddedDatabase.serverConfigured()) {
            System.err.println("No tracking database: set QUARKUS_DATASOURCE_JDBC_URL (and _USERNAME, _PASSWORD) for a "
                    + "PostgreSQL server, or -Dhub.database.embedded=true for an embedded one (demo and tests only).");
            System.exit(2);
        }
        if (embedded && !EmbeddedDatabase.serverConfigured()) {
            // started first, on a thread of its own: it runs while the demo tokens and Quarkus start (the migrations
            // wait for it, StartInParallel)
            try {
                EmbeddedDatabase.claim(dataDir);
            } catch (IllegalStateException e) {
                System.err.println(e.getMessage());
                System.exit(2);
            }
            int port = EmbeddedDatabase.choosePort();
            EmbeddedDatabase.quarkusProperties(port).forEach(System::setProperty);
            CompletableFuture<EmbeddedDatabase> database = EmbeddedDatabase.startInBackground(dataDir, port);
            database.thenAccept(started -> LOG.infof("embedded PostgreSQL started on 127.0.0.1:%d, data in %s",
                    started.port(), dataDir.resolve("postgres")));
            // Quarkus stops the application in its own shutdown hook; the database must outlive it.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                Application application = Application.currentApplication();
                if (application != null) {
                    application.awaitShutdown();
                }
                try {
                    database.join().close();
                } catch (Exception e) {
                    LOG.warnf("embedded PostgreSQL did not stop cleanly: %s", e.getMessage());
                }
            }, "embedded-postgres-stop"));
        }
        if (demoTokens) {
            LOG.warn("DEMO TOKENS (hub.demo.tokens=true): the hub trusts a key it made itself and writes tokens to "
                    + dataDir.resolve("demo-tokens") + "; never in production");
            DemoTokens.prepareInBackground(dataDir).forEach(System::setProperty);
        }
        Quarkus.run(CamelMainApplication.class, args);
    }
}
