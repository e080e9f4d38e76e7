package wales.safeguarding.hub.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.Queue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.endpoints.EndpointPauses;
import wales.safeguarding.hub.support.CaseMessages;
import wales.safeguarding.hub.support.Database;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.HubApi;
import wales.safeguarding.hub.support.InjectAgencyStubs;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.hub.support.TrackingDatabaseResource;
import wales.safeguarding.schemas.spi.HubHeaders;

/**
 * The shared delivery pool keeps what per-agency consumers promised, and what a pool must add: a hanging agency system
 * holds up nobody else, one case's copies reach an agency in the order the hub accepted them, and no more deliveries
 * run at once to one agency than its bound.
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class DeliveryPoolFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String POLICE = AgencyStubs.DYFED_POWYS_POLICE;
    private static final String COUNCIL = AgencyStubs.CARMARTHENSHIRE;
    private static final String SCHOOL = AgencyStubs.SCHOOL;
    private static final String INBOX = "/hub/messages";

    @InjectAgencyStubs
    AgencyStubs agencies;

    @Inject
    ConnectionFactory connectionFactory;

    @Inject
    EndpointPauses pauses;

    @Inject
    DataSource dataSource;

    private Database database;

    private final List<StubMapping> added = new ArrayList<>();

    @BeforeEach
    void fresh_stubs() {
        agencies.reset();
        database = new Database(dataSource);
    }

    @AfterEach
    void system_back_to_normal() {
        added.forEach(stub -> agencies.of(SCHOOL).removeStub(stub));
    }

    @Test
    void should_deliver_to_the_council_while_a_school_system_hangs_on_every_request() {
        // the school answers nothing for far longer than the hub's response timeout, again and again
        added.add(agencies.of(SCHOOL).stubFor(any(anyUrl()).atPriority(1)
                .willReturn(aResponse().withStatus(200).withFixedDelay(10_000))));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ObjectNode share = new CaseMessages().of("information-share");
            CaseMessages.naming(share, SCHOOL, COUNCIL);
            ids.add(Messages.id(share));
            HubApi.send(POLICE, share).statusCode(202);
        }
        for (String id : ids) {
            await().atMost(WAIT).until(() -> "delivered".equals(HubApi.state(POLICE, id, COUNCIL)));
        }
        for (String id : ids) {
            assertThat(HubApi.state(POLICE, id, SCHOOL)).as("the school's copy is still waiting for its system")
                    .isIn("queued", "failed");
        }
        // the school's system recovers: its copies follow
        added.forEach(stub -> agencies.of(SCHOOL).removeStub(stub));
        added.clear();
        for (String id : ids) {
            await().atMost(WAIT).until(() -> "delivered".equals(HubApi.state(POLICE, id, SCHOOL)));
        }
    }

    @Test
    void should_deliver_one_cases_copies_in_the_order_the_hub_accepted_them_when_the_first_needs_a_retry() {
        CaseMessages journey = new CaseMessages();
        List<ObjectNode> shares = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            shares.add(CaseMessages.naming(journey.of("information-share"), COUNCIL));
        }
        List<String> ids = shares.stream().map(Messages::id).toList();
        // the council's system fails the first one once, then takes it
        var council = agencies.of(COUNCIL);
        council.stubFor(forThis(ids.get(0)).inScenario("first fails once").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        council.stubFor(forThis(ids.get(0)).inScenario("first fails once").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(201)));
        for (ObjectNode share : shares) {
            HubApi.send(POLICE, share).statusCode(202);
        }
        for (String id : ids) {
            await().atMost(WAIT).until(() -> "delivered".equals(HubApi.state(POLICE, id, COUNCIL)));
        }

        List<String> accepted = council.getAllServeEvents().stream()
                .filter(e -> e.getResponse().getStatus() < 300)
                .filter(e -> ids.contains(e.getRequest().getHeader(HubHeaders.HTTP_MESSAGE_ID)))
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .map(e -> e.getRequest().getHeader(HubHeaders.HTTP_MESSAGE_ID)).toList();
        assertThat(accepted).as("taken by the council's system in the order the hub accepted them").isEqualTo(ids);
        for (String id : ids) {
            council.verify(exactly(id.equals(ids.get(0)) ? 2 : 1), postRequestedFor(urlEqualTo(INBOX))
                    .withHeader(HubHeaders.HTTP_MESSAGE_ID, WireMock.equalTo(id)));
        }
    }

    /**
     * After a broker fail-over the outbox sweeper may queue a case's earliest copies behind its later ones. The later
     * copies are each held back at most once, off the queue, and queued again when the copy ahead of them is done; they do
     * not go round the queue (where the broker would put them back at its head, ahead of the copies they wait for).
     */
    @Test
    void should_deliver_one_cases_copies_in_order_holding_each_later_copy_once_when_the_queue_has_them_the_other_way_round()
            throws Exception {
        List<String> ids = new ArrayList<>();
        pauses.set(COUNCIL, true, "test", "to put its queue in the wrong order");
        try {
            CaseMessages journey = new CaseMessages();
            for (int i = 0; i < 5; i++) {
                ObjectNode share = CaseMessages.naming(journey.of("information-share"), COUNCIL);
                ids.add(Messages.id(share));
                HubApi.send(POLICE, share).statusCode(202);
            }
            for (String id : ids) {
                await().atMost(WAIT).until(() -> "queued".equals(HubApi.state(POLICE, id, COUNCIL)));
            }
            assertThat(reverseQueue("hub.deliver." + COUNCIL)).as("copies put back the other way round").isEqualTo(5);
        } finally {
            pauses.set(COUNCIL, false, "test", "done");
        }
        for (String id : ids) {
            await().atMost(WAIT).until(() -> "delivered".equals(HubApi.state(POLICE, id, COUNCIL)));
        }
        var council = agencies.of(COUNCIL);
        List<String> taken = council.getAllServeEvents().stream()
                .filter(e -> ids.contains(e.getRequest().getHeader(HubHeaders.HTTP_MESSAGE_ID)))
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .map(e -> e.getRequest().getHeader(HubHeaders.HTTP_MESSAGE_ID)).toList();
        assertThat(taken).as("taken by the council's system once each, in the order the hub accepted them")
                .isEqualTo(ids);
        // With several lanes to the council a later copy may be taken only after every copy ahead of it was
        // delivered, and then it is never held: each later copy is held at most once, queued again as often as it
        // was held, and the reversed queue made the hub hold some.
        long holds = 0;
        for (String id : ids.subList(1, ids.size())) {
            long held = database.count("select count(*) from audit_event where message_id = ?::uuid and recipient = ? "
                    + "and event = 'held-back'", id, COUNCIL);
            assertThat(held).as("times %s was held back", id).isLessThanOrEqualTo(1);
            assertThat(database.count("select count(*) from audit_event where message_id = ?::uuid and recipient = ? "
                    + "and event = 'released'", id, COUNCIL)).as("times %s was queued again", id).isEqualTo(held);
            holds += held;
        }
        assertThat(holds).as("later copies held back behind the earliest").isPositive();
        for (String id : ids) {
            assertThat(database.count("select count(*) from delivery where message_id = ?::uuid and held_since is not null",
                    id)).as("%s still marked held", id).isZero();
        }
    }

    /** Takes every copy off the queue and puts it back in the opposite order, as new messages. Returns how many. */
    private int reverseQueue(String queueName) throws Exception {
        try (JMSContext context = connectionFactory.createContext(JMSContext.SESSION_TRANSACTED)) {
            Queue queue = context.createQueue(queueName);
            List<Message> taken = new ArrayList<>();
            try (JMSConsumer consumer = context.createConsumer(queue)) {
                for (Message m = consumer.receive(2000); m != null; m = consumer.receive(500)) {
                    taken.add(m);
                }
            }
            JMSProducer producer = context.createProducer();
            for (int i = taken.size() - 1; i >= 0; i--) {
                BytesMessage original = (BytesMessage) taken.get(i);
                byte[] body = new byte[(int) original.getBodyLength()];
                original.readBytes(body);
                BytesMessage again = context.createBytesMessage();
                again.writeBytes(body);
                for (String name : Collections.list((java.util.Enumeration<String>) original.getPropertyNames())) {
                    if (!name.startsWith("_AMQ") && !name.startsWith("JMSX")) {
                        again.setObjectProperty(name, original.getObjectProperty(name));
                    }
                }
                producer.send(queue, again);
            }
            context.commit();
            return taken.size();
        }
    }

    @Test
    void should_run_one_delivery_at_a_time_to_a_school_by_default() {
        int stubDelayMs = 300;
        added.add(agencies.of(SCHOOL).stubFor(any(anyUrl()).atPriority(1)
                .willReturn(aResponse().withStatus(200).withFixedDelay(stubDelayMs))));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ObjectNode share = CaseMessages.naming(new CaseMessages().of("information-share"), SCHOOL);
            ids.add(Messages.id(share));
            HubApi.send(POLICE, share).statusCode(202);
        }
        for (String id : ids) {
            await().atMost(WAIT).until(() -> "delivered".equals(HubApi.state(POLICE, id, SCHOOL)));
        }
        List<ServeEvent> served = agencies.of(SCHOOL).getAllServeEvents().stream()
                .filter(e -> ids.contains(e.getRequest().getHeader(HubHeaders.HTTP_MESSAGE_ID)))
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate())).toList();
        assertThat(served).hasSize(4);
        // each request is answered only after the stub's delay: with one delivery at a time, the next cannot arrive
        // before the one before it was answered
        for (int i = 1; i < served.size(); i++) {
            long gap = served.get(i).getRequest().getLoggedDate().getTime()
                    - served.get(i - 1).getRequest().getLoggedDate().getTime();
            assertThat(gap).as("request %d started while request %d was still being answered", i + 1, i)
                    .isGreaterThanOrEqualTo(stubDelayMs);
        }
    }

    private static com.github.tomakehurst.wiremock.client.MappingBuilder forThis(String id) {
        return post(urlEqualTo(INBOX)).atPriority(1).withHeader(HubHeaders.HTTP_MESSAGE_ID, WireMock.equalTo(id));
    }
}
