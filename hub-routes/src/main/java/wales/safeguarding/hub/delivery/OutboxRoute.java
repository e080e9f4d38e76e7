package wales.safeguarding.hub.delivery;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.camel.builder.RouteBuilder;

/** Every {@code hub.delivery.outbox-sweep-interval}, queue what was stored but not yet queued. */
@ApplicationScoped
public class OutboxRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:outbox-sweep?period={{hub.delivery.outbox-sweep-interval-ms}}&delay={{hub.delivery.outbox-sweep-interval-ms}}")
                .routeId("outbox-sweep")
                .bean("outboxSweeper", "sweep");
    }
}
