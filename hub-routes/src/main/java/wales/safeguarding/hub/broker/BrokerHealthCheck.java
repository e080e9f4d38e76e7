package wales.safeguarding.hub.broker;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import io.smallrye.health.api.Wellness;

/**
 * Whether the broker is reachable, on {@code /q/health/well} (and in {@code /q/health}), deliberately not a readiness
 * check: while the broker is away an instance still accepts messages (they are stored in PostgreSQL and queued when
 * the broker is back), so taking every instance out of the Service would stop intake for nothing. Readiness follows
 * the database, without which nothing can be accepted. An unreachable broker raises an operational alert instead.
 */
@Wellness
@ApplicationScoped
public class BrokerHealthCheck implements HealthCheck {

    private final BrokerStatus status;

    public BrokerHealthCheck(BrokerStatus status) {
        this.status = status;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("broker").status(status.reachable())
                .withData("since", String.valueOf(status.since())).build();
    }
}
