package wales.safeguarding.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server and an Artemis broker that the hub does not start, for goal 4's start against external services
 * (production's start: {@code QUARKUS_DATASOURCE_JDBC_URL}, {@code HUB_BROKER_URL}, no embedded broker). Both run
 * in this driver's process, on loopback ports of their own, and the hub reaches them over TCP as it would reach a
 * server; their own start is not part of the hub's ready time.
 */
final class ExternalServices implements AutoCloseable {

    private static final String DEAD_LETTER_QUEUE = "hub.dead-letter";

    private final EmbeddedPostgres postgres;
    private final EmbeddedActiveMQ broker;
    private final int brokerPort;

    private ExternalServices(EmbeddedPostgres postgres, EmbeddedActiveMQ broker, int brokerPort) {
        this.postgres = postgres;
        this.broker = broker;
        this.brokerPort = brokerPort;
    }

    static ExternalServices start(Path workDir) throws Exception {
        Path postgresData = workDir.resolve("external-postgres");
        Path brokerData = workDir.resolve("external-broker");
        HubProcess.deleteTree(postgresData);
        HubProcess.deleteTree(brokerData);
        Files.createDirectories(postgresData);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(postgresData)
                .setCleanDataDirectory(false).setServerConfig("listen_addresses", "127.0.0.1").start();
        int port = freePort();
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        try {
            broker.setConfiguration(brokerConfiguration(brokerData, port));
            broker.start();
        } catch (Exception e) {
            postgres.close();
            throw e;
        }
        return new ExternalServices(postgres, broker, port);
    }

    /** Persistent like {@code deploy/artemis/broker.xml}, with its dead-letter queue; no TLS or login here. */
    private static Configuration brokerConfiguration(Path data, int port) throws Exception {
        Configuration config = new ConfigurationImpl().setName("benchmark-external").setPersistenceEnabled(true)
                .setSecurityEnabled(false).setJMXManagementEnabled(false)
                .setJournalDirectory(data.resolve("journal").toString())
                .setBindingsDirectory(data.resolve("bindings").toString())
                .setPagingDirectory(data.resolve("paging").toString())
                .setLargeMessagesDirectory(data.resolve("large-messages").toString());
        config.addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port);
        // every address has a dead-letter and an expiry address, as in broker.xml (the broker warns for each without)
        config.addAddressSetting("#", new AddressSettings().setDeadLetterAddress(SimpleString.of(DEAD_LETTER_QUEUE))
                .setExpiryAddress(SimpleString.of(DEAD_LETTER_QUEUE)));
        config.addQueueConfiguration(QueueConfiguration.of(DEAD_LETTER_QUEUE).setRoutingType(RoutingType.ANYCAST)
                .setDurable(true));
        return config;
    }

    /** The hub's launch properties for these services, in place of the embedded ones. */
    List<String> hubProperties() {
        return List.of("-Dhub.database.embedded=false",
                "-Dquarkus.datasource.jdbc.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "-Dquarkus.datasource.username=postgres", "-Dquarkus.datasource.password=",
                "-Dhub.broker.embedded.enabled=false", "-Dhub.broker.url=tcp://127.0.0.1:" + brokerPort);
    }

    @Override
    public void close() throws Exception {
        try {
            broker.stop();
        } finally {
            postgres.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
