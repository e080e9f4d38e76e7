package wales.safeguarding.adapters.gpfhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MessageHeader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import wales.safeguarding.schemas.spi.AgencyEndpoint;
import wales.safeguarding.schemas.spi.DeliveryVerdict;
import wales.safeguarding.schemas.spi.DeliveryVerdict.Outcome;
import wales.safeguarding.schemas.spi.OutboundRequest;

/**
 * End to end against a real HAPI FHIR server playing the GP system: the adapter's request is sent as the hub sends
 * it (POST to the endpoint URL plus the adapter's path), and the server's answer goes through {@code interpret}.
 */
class GpPracticeSystemTest {

    private static GpPracticeSystem practice;
    private static AgencyEndpoint endpoint;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final GpFhirAdapter adapter = new GpFhirAdapter(Examples.CLOCK);
    private final int before = practice == null ? 0 : practice.received().size();

    @BeforeAll
    static void startPracticeSystem() throws Exception {
        practice = new GpPracticeSystem();
        endpoint = new AgencyEndpoint("gp-z99001", practice.baseUrl(), "fhir-r4");
    }

    @AfterAll
    static void stopPracticeSystem() throws Exception {
        practice.close();
    }

    @BeforeEach
    void answerOk() {
        practice.answerWith(MessageHeader.ResponseType.OK, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"conference-invitation", "outline-plan", "conference-minutes", "register-change",
            "section-47-determination", "conference-cancellation"})
    void should_deliver_a_valid_fhir_message_that_the_gp_system_accepts_with_ok(String type) throws Exception {
        DeliveryVerdict verdict = deliver(Examples.valid(type));

        assertThat(verdict.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(verdict.recipientReference()).startsWith("GP-ACK-");
        Bundle received = lastReceived();
        MessageHeader header = (MessageHeader) received.getEntryFirstRep().getResource();
        assertThat(header.getEventCoding().getCode()).isEqualTo(type);
        assertThat(GpFhirValidator.errors(GpFhirValidator.validate(received))).as("what the GP system received").isEmpty();
    }

    @Test
    void should_retry_when_the_gp_system_answers_transient_error() throws Exception {
        practice.answerWith(MessageHeader.ResponseType.TRANSIENTERROR, "patient index is being rebuilt");

        DeliveryVerdict verdict = deliver(Examples.valid("register-change"));

        assertThat(verdict.outcome()).isEqualTo(Outcome.TRANSIENT_FAILURE);
        assertThat(verdict.reason()).isEqualTo("GP system answered transient-error: patient index is being rebuilt");
    }

    @Test
    void should_dead_letter_with_the_reason_when_the_gp_system_answers_fatal_error() throws Exception {
        practice.answerWith(MessageHeader.ResponseType.FATALERROR, "no patient with this NHS number at the practice");

        DeliveryVerdict verdict = deliver(Examples.valid("register-change"));

        assertThat(verdict.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
        assertThat(verdict.reason()).isEqualTo("GP system answered fatal-error: no patient with this NHS number at the practice");
    }

    @Test
    void should_let_the_gp_system_answer_about_the_message_it_received_by_its_message_id() throws Exception {
        deliver(Examples.valid("conference-invitation"));

        MessageHeader header = (MessageHeader) lastReceived().getEntryFirstRep().getResource();
        assertThat(GpResponseReader.plainId(header.getIdElement().getIdPart()))
                .isEqualTo("3f1c2a9e-5b7d-4e8a-9c21-0d6f4b8a1e07");
        assertThat(practice.received()).hasSize(before + 1);
    }

    private DeliveryVerdict deliver(byte[] canonical) throws IOException, InterruptedException {
        OutboundRequest request = adapter.toAgencyRequest(canonical, endpoint);
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(endpoint.url() + request.path()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", request.contentType())
                .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(http::header);
        HttpResponse<String> response = HTTP.send(http.build(), HttpResponse.BodyHandlers.ofString());
        return adapter.interpret(response.statusCode(), response.body());
    }

    private static Bundle lastReceived() {
        var received = practice.received();
        assertThat(received).isNotEmpty();
        return received.get(received.size() - 1);
    }
}
