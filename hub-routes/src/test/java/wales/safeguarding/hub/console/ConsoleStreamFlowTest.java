package wales.safeguarding.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.HubApi;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.hub.support.Tokens;
import wales.safeguarding.hub.support.TrackingDatabaseResource;
import wales.safeguarding.schemas.envelope.CanonicalJson;

/** The live stream sends the now view on every tick and each message as it is accepted. */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ConsoleStreamFlowTest {

    @Test
    void should_stream_now_and_each_newly_accepted_message() throws Exception {
        String url = RestAssured.baseURI + ":" + RestAssured.port + Console.API + "/stream";
        ObjectNode report = Messages.dutyToReport();
        String id = Messages.id(report);

        CompletableFuture<Void> opened = new CompletableFuture<>();
        CompletableFuture<List<SseClient.Event>> reading = CompletableFuture.supplyAsync(() -> {
            try {
                return SseClient.read(url, Tokens.forRole("olwen", "operator"), Duration.ofSeconds(30),
                        e -> opened.complete(null),
                        events -> events.stream().anyMatch(e -> e.name().equals("message") && e.data().contains(id))
                                && events.stream().filter(e -> e.name().equals("now")).count() >= 2);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // the stream follows messages accepted after it opened: send once it has sent its first event
        opened.get(10, java.util.concurrent.TimeUnit.SECONDS);
        HubApi.send(AgencyStubs.DYFED_POWYS_POLICE, report).statusCode(202);

        List<SseClient.Event> events = reading.get();
        SseClient.Event now = events.stream().filter(e -> e.name().equals("now")).findFirst().orElseThrow();
        JsonNode nowJson = CanonicalJson.mapper().readTree(now.data());
        assertThat(nowJson.get("perMinute")).hasSize(30);
        assertThat(nowJson.has("queues")).isTrue();
        SseClient.Event message = events.stream().filter(e -> e.name().equals("message") && e.data().contains(id))
                .findFirst().orElseThrow();
        JsonNode summary = CanonicalJson.mapper().readTree(message.data());
        assertThat(summary.get("type").asText()).isEqualTo("duty-to-report");
        assertThat(summary.has("childReference")).isFalse();
        assertThat(events.stream().filter(e -> e.name().equals("message") && e.data().contains(id))).hasSize(1);
    }
}
