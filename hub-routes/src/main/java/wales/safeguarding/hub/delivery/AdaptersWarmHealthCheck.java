package wales.safeguarding.hub.delivery;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the adapters in use have prepared what they need (the FHIR validator), so no delivery waits for it. */
@Readiness
@ApplicationScoped
public class AdaptersWarmHealthCheck implements HealthCheck {

    private final OutboundAdapters adapters;

    public AdaptersWarmHealthCheck(OutboundAdapters adapters) {
        this.adapters = adapters;
    }

    @Override
    public HealthCheckResponse call() {
        return adapters.warm() ? HealthCheckResponse.up("adapters") : HealthCheckResponse.down("adapters");
    }
}
