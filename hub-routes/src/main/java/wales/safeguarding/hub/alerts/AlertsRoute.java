package wales.safeguarding.hub.alerts;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.camel.builder.RouteBuilder;

/** Every {@code hub.alerts.check-interval-ms}, check the endpoints and raise, resolve and send alerts. */
@ApplicationScoped
public class AlertsRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:alerts-check?period={{hub.alerts.check-interval-ms}}&delay={{hub.alerts.check-interval-ms}}")
                .routeId("alerts-check")
                .bean("alertChecker", "check");
    }
}
