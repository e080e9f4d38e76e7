package wales.safeguarding.hub.retention;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.camel.builder.RouteBuilder;

/** Every {@code hub.retention.interval-ms}, remove what the retention rules say is kept no longer. */
@ApplicationScoped
public class RetentionRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:retention-purge?period={{hub.retention.interval-ms}}&delay={{hub.retention.first-run-delay-ms}}")
                .routeId("retention-purge")
                .autoStartup("{{hub.retention.enabled}}")
                .bean("retentionPurge", "run");
    }
}
