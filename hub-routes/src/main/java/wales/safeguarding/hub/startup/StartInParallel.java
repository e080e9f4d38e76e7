package wales.safeguarding.hub.startup;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.flywaydb.core.api.configuration.FluentConfiguration;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import io.quarkus.runtime.StartupEvent;
import wales.safeguarding.hub.broker.EmbeddedBroker;
import wales.safeguarding.hub.database.EmbeddedDatabase;
import wales.safeguarding.hub.demo.DemoTokens;

/**
 * The start's steps that need neither each other nor the JVM's main thread run side by side. Flyway's configuration
 * is the first point of Quarkus's start where the configuration and the beans are ready and the first thing that
 * connects to the database, so here the embedded broker (when enabled) begins reading its journal on a thread of its
 * own, and the migrations wait for the embedded PostgreSQL the hub's main started in the background (when it did).
 * The broker is joined where it is first needed (the JMS connection factory, when Camel starts the routes), the demo
 * tokens (written in the background by the hub's main) when Quarkus has started, before Camel and so before ready.
 * See benchmarks/README.md, "Start and memory".
 */
@Singleton
public class StartInParallel implements FlywayConfigurationCustomizer {

    private final EmbeddedBroker broker;

    public StartInParallel(EmbeddedBroker broker) {
        this.broker = broker;
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        broker.startInBackground();
        EmbeddedDatabase.awaitStarted();
    }

    void demoTokensWritten(@Observes StartupEvent event) {
        DemoTokens.awaitWritten();
    }
}
