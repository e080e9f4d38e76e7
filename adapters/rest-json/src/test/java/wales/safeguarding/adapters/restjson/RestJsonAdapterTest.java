package wales.safeguarding.adapters.restjson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import wales.safeguarding.schemas.spi.AgencyEndpoint;
import wales.safeguarding.schemas.spi.DeliveryVerdict.Outcome;
import wales.safeguarding.schemas.spi.OutboundAdapter;

class RestJsonAdapterTest {

    private final RestJsonAdapter adapter = new RestJsonAdapter();

    @Test
    void should_post_the_canonical_message_unchanged_as_json() {
        byte[] message = "{\"messageId\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        var request = adapter.toAgencyRequest(message, new AgencyEndpoint("council", "http://127.0.0.1/in", "rest-json"));
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.body()).isEqualTo(message);
        assertThat(request.headers()).isEmpty();
    }

    @Test
    void should_count_2xx_as_delivered_and_keep_the_agency_reference() {
        var verdict = adapter.interpret(202, "{\"reference\":\"CASE-123\"}");
        assertThat(verdict.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(verdict.recipientReference()).isEqualTo("CASE-123");
    }

    @Test
    void should_count_2xx_without_json_as_delivered_without_reference() {
        var verdict = adapter.interpret(200, "OK");
        assertThat(verdict.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(verdict.recipientReference()).isNull();
    }

    @Test
    void should_keep_no_reference_when_the_agency_answers_null() {
        assertThat(adapter.interpret(201, "{\"reference\": null}").recipientReference()).isNull();
        assertThat(adapter.interpret(400, "{\"detail\": null}").reason()).isEqualTo("agency system answered HTTP 400");
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 425, 429, 500, 502, 503, 504})
    void should_retry_when_the_agency_system_is_busy_or_down(int status) {
        assertThat(adapter.interpret(status, "").outcome()).isEqualTo(Outcome.TRANSIENT_FAILURE);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 409, 410, 413, 415, 422})
    void should_not_retry_when_the_agency_system_refuses_the_message(int status) {
        assertThat(adapter.interpret(status, "").outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
    }

    @Test
    void should_carry_the_agency_reason_into_a_refusal() {
        var verdict = adapter.interpret(422, "{\"title\":\"Unprocessable\",\"detail\":\"unknown local authority\"}");
        assertThat(verdict.reason()).isEqualTo("agency system answered HTTP 422: unknown local authority");
    }

    @Test
    void should_be_found_by_the_service_loader_under_its_transport_name() {
        assertThat(ServiceLoader.load(OutboundAdapter.class).stream().map(ServiceLoader.Provider::get))
                .anyMatch(a -> a.transport().equals("rest-json"));
    }
}
