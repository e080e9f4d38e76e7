package wales.safeguarding.hub.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.camel.quarkus.core.CamelRuntime;

import io.quarkus.runtime.StartupEvent;

/**
 * In the packaged hub, {@link wales.safeguarding.hub.HubMain} starts the embedded database and then Camel through
 * {@code CamelMainApplication}. A {@code @QuarkusTest} does not run the main, so Camel's runtime is started here, at
 * start-up, exactly as {@code CamelMainApplication} starts it.
 */
@ApplicationScoped
public class CamelStarter {

    void start(@Observes StartupEvent event, CamelRuntime runtime) {
        runtime.start();
    }
}
