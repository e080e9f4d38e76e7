package wales.safeguarding.hub.broker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.jms.ConnectionFactory;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The hub's one JMS connection factory (Camel's JMS component picks it up). Asking for it starts the embedded broker
 * first when that is enabled, so nothing connects to a broker that is not there. The URL is read at run time, so
 * tests and deployments can point it anywhere.
 */
@ApplicationScoped
public class BrokerConnectionFactory {

    @Produces
    @ApplicationScoped
    ConnectionFactory connectionFactory(BrokerSettings settings, EmbeddedBroker embedded) {
        embedded.start();
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(settings.url());
        settings.user().ifPresent(factory::setUser);
        settings.password().ifPresent(factory::setPassword);
        // A durable send returns only when the broker has persisted it: "accepted" means accepted.
        factory.setBlockOnDurableSend(true);
        factory.setReconnectAttempts(-1);
        factory.setConnectionTTL(settings.connectionTtlMs());
        factory.setClientFailureCheckPeriod(settings.clientFailureCheckPeriodMs());
        factory.setCallFailoverTimeout(settings.callFailoverTimeoutMs());
        // no prefetch: a copy waits on the broker, not in a hub's buffer, until a delivery lane takes it, so a slow
        // agency holds nothing back and another instance can take over at once
        factory.setConsumerWindowSize(0);
        return factory;
    }

    void close(@Disposes ConnectionFactory factory) {
        if (factory instanceof ActiveMQConnectionFactory artemis) {
            artemis.close();
        }
    }
}
