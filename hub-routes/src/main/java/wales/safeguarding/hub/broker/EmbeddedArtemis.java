package wales.safeguarding.hub.broker;

import java.nio.file.Path;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * The embedded Artemis server itself, apart from {@link EmbeddedBroker} so that only this class needs the Artemis
 * server's jars: the production artefact ({@code -Pproduction}) leaves them out, and a hub on a standalone broker
 * never loads this class.
 */
final class EmbeddedArtemis implements AutoCloseable {

    private final EmbeddedActiveMQ server;

    private EmbeddedArtemis(EmbeddedActiveMQ server) {
        this.server = server;
    }

    /** Starts a persistent broker as the settings say, with the hub's queues' redelivery and dead-letter settings. */
    static EmbeddedArtemis start(BrokerSettings settings, String queuePrefix, String deadLetterQueue) throws Exception {
        EmbeddedActiveMQ embedded = new EmbeddedActiveMQ();
        embedded.setConfiguration(configuration(settings, queuePrefix, deadLetterQueue));
        embedded.start();
        return new EmbeddedArtemis(embedded);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private static Configuration configuration(BrokerSettings settings, String queuePrefix, String deadLetterQueue)
            throws Exception {
        Path data = Path.of(settings.embedded().dataDir());
        Configuration config = new ConfigurationImpl()
                .setName("hub-embedded")
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJournalDirectory(data.resolve("journal").toString())
                .setBindingsDirectory(data.resolve("bindings").toString())
                .setPagingDirectory(data.resolve("paging").toString())
                .setLargeMessagesDirectory(data.resolve("large-messages").toString())
                .setIDCacheSize(settings.embedded().idCacheSize())
                .setPersistIDCache(true)
                .setGlobalMaxSize(settings.embedded().globalMaxSizeMb() * 1024 * 1024)
                .setJMXManagementEnabled(false);
        config.addAcceptorConfiguration("in-vm", "vm://0");
        settings.embedded().tcpAcceptor().filter(s -> !s.isBlank())
                .ifPresent(url -> addAcceptor(config, url));
        BrokerSettings.Redelivery redelivery = settings.redelivery();
        config.addAddressSetting(queuePrefix + "#", new AddressSettings()
                .setRedeliveryDelay(redelivery.delayMs())
                .setRedeliveryMultiplier(redelivery.multiplier())
                .setMaxRedeliveryDelay(redelivery.maxDelayMs())
                .setMaxDeliveryAttempts(redelivery.maxDeliveryAttempts())
                .setDeadLetterAddress(SimpleString.of(deadLetterQueue))
                .setExpiryAddress(SimpleString.of(deadLetterQueue))
                .setAutoCreateDeadLetterResources(false)
                // one delivery at a time per agency unless the hub raises it per queue (hub.delivery.concurrency.*)
                .setDefaultMaxConsumers(1));
        // The dead-letter queue exists from the start, so nothing the broker gives up on is dropped for want of it.
        config.addQueueConfiguration(QueueConfiguration.of(deadLetterQueue).setRoutingType(RoutingType.ANYCAST)
                .setDurable(true));
        return config;
    }

    private static void addAcceptor(Configuration config, String url) {
        try {
            config.addAcceptorConfiguration("tcp", url);
        } catch (Exception e) {
            throw new IllegalStateException("bad hub.broker.embedded.tcp-acceptor '" + url + "'", e);
        }
    }
}
