package wales.safeguarding.hub.escalation;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.camel.builder.RouteBuilder;

/** Every {@code hub.escalation.scan-interval-ms}, fire the escalations that are due. */
@ApplicationScoped
public class EscalationRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:escalation-scan?period={{hub.escalation.scan-interval-ms}}&delay={{hub.escalation.scan-interval-ms}}")
                .routeId("escalation-scan")
                .bean("escalator", "fireDue");
    }
}
