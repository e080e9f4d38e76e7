package wales.safeguarding.hub.delivery;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.RouteConfigurationDefinition;

/**
 * The one error policy for deliveries.
 * <ul>
 * <li>Refused by the agency, out of attempts, or unreadable: recorded as dead-lettered and put on the dead-letter queue with the
 * reason, the route and the endpoint. Handled, so the transaction commits and the copy leaves the delivery queue.</li>
 * <li>Transient (down, busy, timed out): recorded and rethrown, so the transacted JMS session rolls back and the
 * broker redelivers with exponential back-off (the broker's address settings; Camel does not redeliver as well).</li>
 * <li>Anything else (the tracking database is down, a bug): rethrown untouched, so the broker redelivers; the
 * broker's own give-up count is the last safety net.</li>
 * </ul>
 * Nothing is swallowed: every handled failure ends on the dead-letter queue.
 */
@ApplicationScoped
public class DeliveryErrorPolicy extends RouteConfigurationBuilder {

    public static final String ID = "delivery-error-policy";

    @Override
    public void configuration() {
        RouteConfigurationDefinition policy = routeConfiguration(ID);
        // the outcome of each attempt is logged once by deliveryAttempts (ids and reason only), not again by Camel
        policy.errorHandler(defaultErrorHandler().logExhausted(false).logStackTrace(false).logRetryAttempted(false));
        policy.onException(DeliveryFailure.Permanent.class, DeliveryFailure.Exhausted.class, DeliveryFailure.Unreadable.class)
                .handled(true)
                .bean("deliveryAttempts", "recordDeadLetter")
                .to("jms:queue:{{hub.delivery.dead-letter-queue}}").id("delivery-to-dead-letter-queue");
        policy.onException(DeliveryFailure.Transient.class)
                .handled(false)
                .bean("deliveryAttempts", "recordRetry");
    }
}
