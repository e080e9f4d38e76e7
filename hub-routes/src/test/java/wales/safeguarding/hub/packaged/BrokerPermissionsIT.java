package wales.safeguarding.hub.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.jms.JMSContext;

import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import wales.safeguarding.hub.broker.BrokerSettings;
import wales.safeguarding.hub.broker.EmbeddedBroker;
import wales.safeguarding.hub.broker.QueueDepths;

/**
 * The shipped broker permissions (deploy/artemis/broker.xml, management-message-rbac) on a real standalone Artemis:
 * the hub's user can do through the management address exactly what the hub does (the real {@link QueueDepths}:
 * queue depths, the list of queues that hold messages, a delivery queue's max-consumers), and nothing an operator
 * does: no browsing of a message's body, no removing, moving or destroying, no other queue's figures.
 */
class BrokerPermissionsIT {

    private static final String COUNCIL_QUEUE = "hub.deliver.council-permissions";
    /** Agency ids may hold dots (DirectoryRules); the permission must still match their queues. */
    private static final String DOTTED_QUEUE = "hub.deliver.school.6699001";

    private static ArtemisBroker broker;
    private static ActiveMQConnectionFactory hubConnections;
    private static QueueDepths depths;

    @BeforeAll
    static void broker() throws Exception {
        Path root = Files.createDirectories(Path.of("target", "fault-it", "permissions-" + Instant.now().toEpochMilli())
                .toAbsolutePath());
        TlsFiles tls = TlsFiles.make(root.resolve("tls"));
        String hubPassword = UUID.randomUUID().toString();
        broker = ArtemisBroker.standalone(root, tls, hubPassword).start();
        String url = broker.url() + "?" + tls.clientParameters();
        hubConnections = new ActiveMQConnectionFactory(url, ArtemisBroker.HUB_USER, hubPassword);
        BrokerSettings settings = new StandaloneSettings(url, hubPassword);
        depths = new QueueDepths(settings, new EmbeddedBroker(settings, "hub.deliver.", "hub.dead-letter"),
                hubConnections, 10_000);
        send(COUNCIL_QUEUE, 3);
        send(DOTTED_QUEUE, 1);
    }

    @AfterAll
    static void close() throws Exception {
        if (depths != null) {
            depths.close();
        }
        if (hubConnections != null) {
            hubConnections.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void should_let_the_hub_read_queue_depths_through_management() throws Exception {
        assertThat(broker.messageCountAsHub(COUNCIL_QUEUE)).isEqualTo(3);
        assertThat(broker.messageCountAsHub(DOTTED_QUEUE)).isEqualTo(1);
        assertThat(broker.messageCountAsHub("hub.dead-letter")).isZero();
        assertThat(depths.managementCount(COUNCIL_QUEUE)).isEqualTo(3);
        assertThat(depths.managementCount(DOTTED_QUEUE)).isEqualTo(1);
        assertThat(depths.managementCount("hub.deliver.never-sent-to")).isZero();
    }

    @Test
    void should_let_the_hub_list_the_queues_that_hold_messages_in_one_request() throws Exception {
        Map<String, QueueDepths.Counts> busy = depths.nonEmpty("hub.deliver.");

        assertThat(busy).containsKeys(COUNCIL_QUEUE, DOTTED_QUEUE);
        assertThat(busy.get(COUNCIL_QUEUE).messages()).isEqualTo(3);
    }

    @Test
    void should_let_the_hub_create_a_delivery_queue_and_raise_its_max_consumers() throws Exception {
        depths.limitConsumers("hub.deliver.council-lanes", 4);

        ArtemisBroker.Answer asOperator = broker.read(false, ResourceNames.QUEUE + "hub.deliver.council-lanes",
                "maxConsumers");
        assertThat(asOperator.succeeded()).as("operator reads max-consumers: %s", asOperator.result()).isTrue();
        assertThat(asOperator.result()).isEqualTo(4L);
    }

    @Test
    void should_refuse_the_hub_every_other_management_operation() throws Exception {
        String queue = ResourceNames.QUEUE + COUNCIL_QUEUE;
        // a message's body (browse is a `view` operation, but not one the hub is given)
        assertRefusedToHub(broker.invoke(true, queue, "browse"), "browse a delivery queue");
        assertRefusedToHub(broker.invoke(true, queue, "listMessagesAsJSON", ""), "list a queue's messages");
        assertRefusedToHub(broker.invoke(true, queue, "removeAllMessages"), "remove messages");
        assertRefusedToHub(broker.invoke(true, queue, "pause"), "pause a delivery queue");
        assertRefusedToHub(broker.invoke(true, ResourceNames.BROKER, "destroyQueue", COUNCIL_QUEUE), "destroy a queue");
        assertRefusedToHub(broker.read(true, queue, "messageCount"), "read a queue's attributes");
        assertRefusedToHub(broker.read(true, ResourceNames.QUEUE + "DLQ", "messageCount"), "another queue's attributes");
        assertRefusedToHub(broker.read(true, ResourceNames.BROKER, "addressNames"), "the broker's addresses");
        assertRefusedToHub(broker.invoke(true, ResourceNames.BROKER, "listUser", ""), "the broker's users");

        // nothing was done: the three copies still wait
        assertThat(broker.messageCountAsHub(COUNCIL_QUEUE)).isEqualTo(3);
        // the same requests are real operations the operators' role may make (not refused for a wrong name)
        ArtemisBroker.Answer operatorBrowse = broker.invoke(false, queue, "browse");
        assertThat(operatorBrowse.succeeded()).as("operator browses: %s", operatorBrowse.result()).isTrue();
        ArtemisBroker.Answer operatorCount = broker.read(false, ResourceNames.QUEUE + "DLQ", "messageCount");
        assertThat(operatorCount.succeeded()).as("operator reads DLQ: %s", operatorCount.result()).isTrue();
        ArtemisBroker.Answer operatorUsers = broker.invoke(false, ResourceNames.BROKER, "listUser", "");
        assertThat(operatorUsers.succeeded()).as("operator lists users: %s", operatorUsers.result()).isTrue();
    }

    private static void assertRefusedToHub(ArtemisBroker.Answer answer, String what) {
        assertThat(answer.succeeded()).as("the hub may not %s: the broker answered %s", what, answer.result())
                .isFalse();
        assertThat(String.valueOf(answer.result())).as(what)
                .containsAnyOf("AMQ229032", "does not have permission", "Problem while retrieving attribute");
    }

    private static void send(String queue, int count) {
        try (JMSContext context = hubConnections.createContext(JMSContext.SESSION_TRANSACTED)) {
            for (int i = 0; i < count; i++) {
                context.createProducer().send(context.createQueue(queue), "copy " + i);
            }
            context.commit();
        }
    }

    /** hub.broker.* for a hub that connects to the standalone broker as the hub's user. */
    private record StandaloneSettings(String url, String hubPassword) implements BrokerSettings {

        @Override
        public Optional<String> user() {
            return Optional.of(ArtemisBroker.HUB_USER);
        }

        @Override
        public Optional<String> password() {
            return Optional.of(hubPassword);
        }

        @Override
        public Embedded embedded() {
            return new Embedded() {
                @Override
                public boolean enabled() {
                    return false;
                }

                @Override
                public String dataDir() {
                    return "";
                }

                @Override
                public Optional<String> tcpAcceptor() {
                    return Optional.empty();
                }

                @Override
                public int idCacheSize() {
                    return 2000;
                }

                @Override
                public long globalMaxSizeMb() {
                    return 64;
                }
            };
        }

        @Override
        public Redelivery redelivery() {
            throw new UnsupportedOperationException("not used by QueueDepths");
        }

        @Override
        public long connectionTtlMs() {
            return 15000;
        }

        @Override
        public long clientFailureCheckPeriodMs() {
            return 5000;
        }

        @Override
        public long callFailoverTimeoutMs() {
            return 10000;
        }
    }
}
