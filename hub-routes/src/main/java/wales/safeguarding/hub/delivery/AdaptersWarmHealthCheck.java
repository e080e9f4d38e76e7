package wales.safeguarding.hub.delivery;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Says, in the readiness data, how far each adapter in use has warmed up ({@code fhir-r4: warming}, {@code warm} or
 * {@code failed}) and stays UP once the Camel context has started (DOWN before: until then Camel's own route checks
 * are not there to say so): the hub is ready for intake and for every other agency's deliveries while an adapter
 * warms, and a delivery through that adapter waits for its warm-up (never sent unvalidated).
 */
@Readiness
@ApplicationScoped
public class AdaptersWarmHealthCheck implements HealthCheck {

    private final OutboundAdapters adapters;

    public AdaptersWarmHealthCheck(OutboundAdapters adapters) {
        this.adapters = adapters;
    }

    @Override
    public HealthCheckResponse call() {
        if (!adapters.routesStarting()) {
            return HealthCheckResponse.named("adapters").down().withData("camel", "not started yet").build();
        }
        HealthCheckResponseBuilder response = HealthCheckResponse.named("adapters").up();
        adapters.warmth().forEach(response::withData);
        return response.build();
    }
}
