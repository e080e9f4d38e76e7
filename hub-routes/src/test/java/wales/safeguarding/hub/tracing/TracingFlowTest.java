package wales.safeguarding.hub.tracing;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.InjectAgencyStubs;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.hub.support.Tokens;
import wales.safeguarding.hub.support.TrackingDatabaseResource;
import wales.safeguarding.schemas.spi.HubHeaders;

/**
 * Issue 13, traces, with an in-process span exporter: a duty-to-report sent with the agency's own
 * {@code traceparent} makes one trace whose id is the message id, holding its intake (linked to the agency's trace)
 * and its delivery attempt to the council, whose request carries that attempt's {@code traceparent}; no span
 * attribute holds the child's name, and the paths hold no ids.
 */
@QuarkusTest
@TestProfile(TracingFlowTest.Tracing.class)
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class TracingFlowTest {

    /** The SDK on, spans batched for 100 ms, nothing sent over OTLP that matters (no collector listens). */
    public static class Tracing implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.bsp.schedule.delay", "100ms",
                    "quarkus.otel.exporter.otlp.traces.endpoint", "http://127.0.0.1:1");
        }
    }

    /** The exporter the SDK hands every finished span to (the "cdi" exporter takes every SpanExporter bean). */
    public static class Exporter {
        @Produces
        @Singleton
        InMemorySpanExporter exporter() {
            return InMemorySpanExporter.create();
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String POLICE = AgencyStubs.DYFED_POWYS_POLICE;
    private static final String COUNCIL = AgencyStubs.CARMARTHENSHIRE;
    private static final String AGENCY_TRACE = "0af7651916cd43dd8448eb211c80319c";

    @InjectAgencyStubs
    AgencyStubs agencies;

    @Inject
    InMemorySpanExporter exporter;

    @Test
    void a_message_is_one_trace_from_intake_to_its_delivery_and_the_council_is_sent_its_traceparent() {
        ObjectNode report = Messages.dutyToReport();
        String id = Messages.id(report);
        String trace = id.replace("-", "");
        given().header("Authorization", Tokens.bearer(POLICE)).header("traceparent",
                "00-" + AGENCY_TRACE + "-b7ad6b7169203331-01").contentType("application/json")
                .body(report.toString()).post("/api/v1/messages").then().statusCode(202);

        await().atMost(WAIT).untilAsserted(() -> agencies.of(COUNCIL).verify(postRequestedFor(urlEqualTo("/hub/messages"))
                .withHeader(HubHeaders.HTTP_MESSAGE_ID, WireMock.equalTo(id))
                .withHeader("traceparent", WireMock.matching("00-" + trace + "-[0-9a-f]{16}-01"))));
        await().atMost(WAIT).until(() -> spans(trace).stream().anyMatch(s -> s.getName().startsWith("deliver")
                && "delivered".equals(s.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey(
                        MessageTraces.OUTCOME)))));

        List<SpanData> message = spans(trace);
        SpanData intake = message.stream().filter(s -> s.getName().equals("intake duty-to-report")).findFirst()
                .orElseThrow();
        assertThat(intake.getLinks()).anySatisfy(l -> assertThat(l.getSpanContext().getTraceId()).isEqualTo(AGENCY_TRACE));
        SpanData attempt = message.stream().filter(s -> s.getName().equals("deliver duty-to-report")).findFirst()
                .orElseThrow();
        assertThat(attempt.getParentSpanId()).isEqualTo(intake.getParentSpanId());
        String sent = agencies.of(COUNCIL).findAll(postRequestedFor(urlEqualTo("/hub/messages"))
                .withHeader(HubHeaders.HTTP_MESSAGE_ID, WireMock.equalTo(id))).get(0).getHeader("traceparent");
        assertThat(sent).contains(attempt.getSpanId());

        // the agency's request span is in the agency's own trace and names the message; no span holds the child
        String child = report.at("/body/children/0/name/given").asText("Alys");
        for (SpanData span : exporter.getFinishedSpanItems()) {
            assertThat(span.getAttributes().asMap().values().toString()).doesNotContain(child)
                    .doesNotContain(report.at("/body/children/0/nhsNumber").asText("never-in-a-span"));
            span.getAttributes().asMap().forEach((key, value) -> {
                if (key.getKey().equals("url.path")) {
                    assertThat(value.toString()).doesNotContain(id);
                }
            });
        }
        assertThat(exporter.getFinishedSpanItems()).anySatisfy(s -> {
            assertThat(s.getTraceId()).isEqualTo(AGENCY_TRACE);
            assertThat(s.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey(MessageTraces.MESSAGE_ID)))
                    .isEqualTo(id);
        });
    }

    private List<SpanData> spans(String trace) {
        return exporter.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(trace)).toList();
    }
}
