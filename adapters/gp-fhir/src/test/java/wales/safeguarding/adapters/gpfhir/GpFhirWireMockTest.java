package wales.safeguarding.adapters.gpfhir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import wales.safeguarding.schemas.spi.AgencyEndpoint;
import wales.safeguarding.schemas.spi.DeliveryVerdict;
import wales.safeguarding.schemas.spi.DeliveryVerdict.Outcome;
import wales.safeguarding.schemas.spi.OutboundRequest;

/** A GP system that is slow, down or refusing, played by WireMock on a random loopback port. */
class GpFhirWireMockTest {

    private static final String PROCESS_MESSAGE = "/fhir/$process-message";
    private static final String FHIR_JSON = "application/fhir+json";
    /** The hub's response timeout in these tests; the slow GP system answers well after it. */
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(500);
    private static final Duration NORMAL_TIMEOUT = Duration.ofSeconds(10);

    private static WireMockServer gp;
    private static AgencyEndpoint endpoint;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final GpFhirAdapter adapter = new GpFhirAdapter(Examples.CLOCK);

    @BeforeAll
    static void startGpSystem() {
        gp = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        gp.start();
        endpoint = new AgencyEndpoint("gp-z99001", "http://127.0.0.1:" + gp.port() + "/fhir", "fhir-r4");
    }

    @AfterAll
    static void stopGpSystem() {
        gp.stop();
    }

    @BeforeEach
    void reset() {
        gp.resetAll();
    }

    @Test
    void should_send_the_same_message_again_after_a_timeout_so_the_gp_system_can_deduplicate_it() throws Exception {
        String ok = Examples.text("/golden/inbound/response-ok.fhir.json");
        gp.stubFor(post(urlEqualTo(PROCESS_MESSAGE)).inScenario("slow, then recovered").whenScenarioStateIs(STARTED)
                .willSetStateTo("recovered")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", FHIR_JSON).withBody(ok)
                        .withFixedDelay((int) SHORT_TIMEOUT.toMillis() * 4)));
        gp.stubFor(post(urlEqualTo(PROCESS_MESSAGE)).inScenario("slow, then recovered").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", FHIR_JSON).withBody(ok)));
        byte[] invitation = Examples.valid("conference-invitation");

        // the hub's call gives up (for the hub a transient failure) though the GP system may have taken the message
        assertThatThrownBy(() -> send(invitation, SHORT_TIMEOUT)).isInstanceOf(HttpTimeoutException.class);
        DeliveryVerdict retry = send(invitation);

        assertThat(retry.outcome()).isEqualTo(Outcome.DELIVERED);
        gp.verify(2, postRequestedFor(urlEqualTo(PROCESS_MESSAGE))
                .withHeader("Content-Type", equalTo(FHIR_JSON))
                .withRequestBody(matchingJsonPath("$.entry[0].resource.id", equalTo("3f1c2a9e-5b7d-4e8a-9c21-0d6f4b8a1e07")))
                .withRequestBody(matchingJsonPath("$.entry[0].resource.eventCoding.code", equalTo("conference-invitation"))));
    }

    @Test
    void should_retry_when_the_gp_system_answers_503() throws Exception {
        gp.stubFor(post(urlEqualTo(PROCESS_MESSAGE)).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Service Unavailable</body></html>")));

        DeliveryVerdict verdict = send(Examples.valid("outline-plan"));

        assertThat(verdict.outcome()).isEqualTo(Outcome.TRANSIENT_FAILURE);
        assertThat(verdict.reason()).isEqualTo("GP system answered HTTP 503");
    }

    @Test
    void should_retry_with_the_diagnostics_when_the_gp_system_answers_500_with_an_operation_outcome() throws Exception {
        gp.stubFor(post(urlEqualTo(PROCESS_MESSAGE)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", FHIR_JSON)
                .withBody(OperationOutcomes.toJson(OperationOutcomes.transientError("message store unavailable")))));

        DeliveryVerdict verdict = send(Examples.valid("conference-minutes"));

        assertThat(verdict.outcome()).isEqualTo(Outcome.TRANSIENT_FAILURE);
        assertThat(verdict.reason()).isEqualTo("GP system answered HTTP 500: message store unavailable");
    }

    @Test
    void should_dead_letter_with_the_diagnostics_when_the_gp_system_answers_422_with_an_operation_outcome() throws Exception {
        gp.stubFor(post(urlEqualTo(PROCESS_MESSAGE)).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", FHIR_JSON)
                .withBody(OperationOutcomes.toJson(OperationOutcomes.invalid("Bundle.entry[1].resource", "profile",
                        "Flag does not conform to the practice's profile")))));

        DeliveryVerdict verdict = send(Examples.valid("register-change"));

        assertThat(verdict.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
        assertThat(verdict.reason()).isEqualTo("GP system answered HTTP 422: Flag does not conform to the practice's profile");
    }

    private DeliveryVerdict send(byte[] canonical) throws IOException, InterruptedException {
        return send(canonical, NORMAL_TIMEOUT);
    }

    private DeliveryVerdict send(byte[] canonical, Duration timeout) throws IOException, InterruptedException {
        OutboundRequest request = adapter.toAgencyRequest(canonical, endpoint);
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(endpoint.url() + request.path()))
                .timeout(timeout)
                .header("Content-Type", request.contentType())
                .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(http::header);
        HttpResponse<String> response = HTTP.send(http.build(), HttpResponse.BodyHandlers.ofString());
        return adapter.interpret(response.statusCode(), response.body());
    }
}
