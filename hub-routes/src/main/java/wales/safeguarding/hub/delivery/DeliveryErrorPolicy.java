package wales.safeguarding.hub.delivery;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * The one error policy for deliveries. A refusal goes straight to the dead-letter queue. Any other failure is
 * recorded and rethrown, so the transacted JMS session rolls back and the broker redelivers with exponential
 * back-off (the broker's address settings: Camel does not redeliver as well); the last allowed attempt goes to the
 * dead-letter queue instead. Nothing is swallowed: every handled failure ends on the dead-letter queue.
 */
@ApplicationScoped
public class DeliveryErrorPolicy extends RouteConfigurationBuilder {

    public static final String ID = "delivery-error-policy";

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(DeliveryFailure.Permanent.class)
                    .handled(true)
                    .bean(DeliveryAttempts.class, "recordDeadLetter")
                    .to("jms:queue:{{hub.delivery.dead-letter-queue}}").id("delivery-to-dead-letter-queue")
                .end()
                .onException(Exception.class)
                    .handled((org.apache.camel.Predicate) method(DeliveryAttempts.class, "isLastAttempt"))
                    .choice()
                        .when(method(DeliveryAttempts.class, "isLastAttempt"))
                            .bean(DeliveryAttempts.class, "recordDeadLetter")
                            .to("jms:queue:{{hub.delivery.dead-letter-queue}}").id("delivery-to-dead-letter-queue-exhausted")
                        .otherwise()
                            .bean(DeliveryAttempts.class, "recordRetry")
                    .end()
                .end();
    }
}
