package wales.safeguarding.adapters.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.MessageType;
import wales.safeguarding.schemas.policy.NeedToKnowPolicy;
import wales.safeguarding.schemas.spi.AgencyEndpoint;
import wales.safeguarding.schemas.spi.DeliveryVerdict;
import wales.safeguarding.schemas.spi.DeliveryVerdict.Outcome;
import wales.safeguarding.schemas.spi.OutboundAdapter;
import wales.safeguarding.schemas.spi.OutboundRequest;
import wales.safeguarding.schemas.spi.UnsendableMessageException;

class SignedWebhookAdapterTest {

    static final String SCHOOL = "school-6699001";
    static final String URL = "https://safeguarding.ysgol-enghraifft.example.invalid/hub/webhook";
    static final String SECRET = WebhookSignatureTest.SECRET;
    static final Clock FIXED = Clock.fixed(Instant.parse("2025-07-04T10:05:00Z"), ZoneOffset.UTC);

    private final SignedWebhookAdapter adapter = new SignedWebhookAdapter(FIXED);

    static AgencyEndpoint school(String secret) {
        return new AgencyEndpoint(SCHOOL, URL, SignedWebhookAdapter.TRANSPORT,
                secret == null ? Map.of() : Map.of(SignedWebhookAdapter.WEBHOOK_SECRET, secret));
    }

    static byte[] example(String type) throws IOException {
        try (InputStream in = SignedWebhookAdapterTest.class.getResourceAsStream("/examples/valid/" + type + ".json")) {
            assertThat(in).as("example %s on the schemas jar's classpath", type).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void should_post_the_message_unchanged_with_exactly_a_timestamp_and_a_signature_header() {
        byte[] message = "{\"messageId\":\"3f1c2a9e-5b7d-4e8a-9c21-0d6f4b8a1e13\",\"type\":\"plan-update\"}"
                .getBytes(StandardCharsets.UTF_8);
        OutboundRequest request = adapter.toAgencyRequest(message, school(SECRET));
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEmpty();
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.body()).isEqualTo(message);
        assertThat(request.headers()).containsOnly(
                Map.entry("X-Hub-Timestamp", "1751623500"),
                Map.entry("X-Hub-Signature", "v1=d7c9a4168e66f208d5e7a4babf7c457986ace773bc251a9b47fdc0fcdb3bed63"));
    }

    @Test
    void should_match_the_golden_request_for_the_plan_update_example() throws IOException {
        OutboundRequest request = adapter.toAgencyRequest(example("plan-update"), school(SECRET));
        byte[] golden;
        try (InputStream in = getClass().getResourceAsStream("/school/plan-update.request.http")) {
            golden = in.readAllBytes();
        }
        assertThat(new String(render(request), StandardCharsets.UTF_8))
                .isEqualTo(new String(golden, StandardCharsets.UTF_8));
    }

    static final String ROTATED = "test-only-school-webhook-secret-6699001-rotated";

    /** The school's endpoint as the hub passes it during a rotation overlap: the new secret and the old one. */
    static AgencyEndpoint rotating(String current, String previous) {
        return new AgencyEndpoint(SCHOOL, URL, SignedWebhookAdapter.TRANSPORT, Map.of(
                SignedWebhookAdapter.WEBHOOK_SECRET, current,
                SignedWebhookAdapter.WEBHOOK_SECRET + AgencyEndpoint.PREVIOUS, previous));
    }

    @Test
    void should_sign_with_the_new_and_the_old_secret_during_a_rotation_overlap_new_first() throws IOException {
        byte[] body = example("plan-update");
        OutboundRequest request = adapter.toAgencyRequest(body, rotating(ROTATED, SECRET));
        String timestamp = request.headers().get("X-Hub-Timestamp");
        String header = request.headers().get("X-Hub-Signature");

        assertThat(header.split(",")).containsExactly(WebhookSignature.sign(ROTATED, 1751623500L, body),
                WebhookSignature.sign(SECRET, 1751623500L, body));
        // A school that has switched verifies, and so does one that has not; no other secret does.
        assertThat(WebhookSignature.verify(ROTATED, timestamp, header, body, FIXED.instant()).valid()).isTrue();
        assertThat(WebhookSignature.verify(SECRET, timestamp, header, body, FIXED.instant()).valid()).isTrue();
        assertThat(WebhookSignature.verify("another-secret", timestamp, header, body, FIXED.instant()).failure())
                .isEqualTo(WebhookSignature.Failure.SIGNATURE_MISMATCH);
        assertThat(request.toString()).doesNotContain(ROTATED, SECRET);
        assertThat(rotating(ROTATED, SECRET).toString()).doesNotContain(ROTATED, SECRET);
    }

    @Test
    void should_sign_with_the_new_secret_only_once_the_overlap_is_over() throws IOException {
        byte[] body = example("plan-update");
        // After the overlap the hub passes the new secret alone.
        OutboundRequest request = adapter.toAgencyRequest(body, school(ROTATED));
        String timestamp = request.headers().get("X-Hub-Timestamp");
        String header = request.headers().get("X-Hub-Signature");

        assertThat(header).isEqualTo(WebhookSignature.sign(ROTATED, 1751623500L, body)).doesNotContain(",");
        assertThat(WebhookSignature.verify(ROTATED, timestamp, header, body, FIXED.instant()).valid()).isTrue();
        assertThat(WebhookSignature.verify(SECRET, timestamp, header, body, FIXED.instant()).failure())
                .isEqualTo(WebhookSignature.Failure.SIGNATURE_MISMATCH);
    }

    @Test
    void should_sign_once_when_the_old_secret_is_the_new_one_or_blank() {
        byte[] body = "{\"type\":\"plan-update\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(adapter.toAgencyRequest(body, rotating(SECRET, SECRET)).headers().get("X-Hub-Signature"))
                .isEqualTo(WebhookSignature.sign(SECRET, 1751623500L, body));
        assertThat(adapter.toAgencyRequest(body, rotating(SECRET, " ")).headers().get("X-Hub-Signature"))
                .isEqualTo(WebhookSignature.sign(SECRET, 1751623500L, body));
    }

    @Test
    void should_not_send_with_only_an_old_secret() {
        AgencyEndpoint oldOnly = new AgencyEndpoint(SCHOOL, URL, SignedWebhookAdapter.TRANSPORT,
                Map.of(SignedWebhookAdapter.WEBHOOK_SECRET + AgencyEndpoint.PREVIOUS, SECRET));
        assertThatThrownBy(() -> adapter.toAgencyRequest("{}".getBytes(StandardCharsets.UTF_8), oldOnly))
                .isInstanceOf(UnsendableMessageException.class)
                .hasMessageStartingWith("no webhook-secret configured for school-6699001");
    }

    @Test
    void should_match_the_golden_request_for_the_plan_update_example_during_a_rotation() throws IOException {
        OutboundRequest request = adapter.toAgencyRequest(example("plan-update"), rotating(ROTATED, SECRET));
        assertThat(new String(render(request), StandardCharsets.UTF_8))
                .isEqualTo(new String(resource("/school/plan-update.rotation.request.http"), StandardCharsets.UTF_8));
    }

    @Test
    void should_sign_each_attempt_with_the_time_of_that_attempt() {
        byte[] message = "{\"type\":\"plan-update\"}".getBytes(StandardCharsets.UTF_8);
        Clock tenMinutesLater = Clock.offset(FIXED, java.time.Duration.ofMinutes(10));
        OutboundRequest first = adapter.toAgencyRequest(message, school(SECRET));
        OutboundRequest retry = new SignedWebhookAdapter(tenMinutesLater).toAgencyRequest(message, school(SECRET));
        assertThat(retry.headers().get("X-Hub-Timestamp")).isEqualTo("1751624100");
        assertThat(retry.headers().get("X-Hub-Signature")).isNotEqualTo(first.headers().get("X-Hub-Signature"));
        assertThat(WebhookSignature.verify(SECRET, retry.headers().get("X-Hub-Timestamp"),
                retry.headers().get("X-Hub-Signature"), retry.body(), tenMinutesLater.instant()).valid()).isTrue();
    }

    @Test
    void should_not_send_without_a_webhook_secret_and_say_which_key_to_set() {
        assertThatThrownBy(() -> adapter.toAgencyRequest("{}".getBytes(StandardCharsets.UTF_8), school(null)))
                .isInstanceOf(UnsendableMessageException.class)
                .hasMessage("no webhook-secret configured for school-6699001; add the file "
                        + "school-6699001.webhook-secret to the hub's secrets folder or set "
                        + "hub.agencies.school-6699001.webhook-secret");
        assertThatThrownBy(() -> adapter.toAgencyRequest("{}".getBytes(StandardCharsets.UTF_8), school("  ")))
                .isInstanceOf(UnsendableMessageException.class)
                .hasMessageStartingWith("no webhook-secret configured for school-6699001");
    }

    @Test
    void should_not_send_an_empty_message() {
        assertThatThrownBy(() -> adapter.toAgencyRequest(new byte[0], school(SECRET)))
                .isInstanceOf(UnsendableMessageException.class).hasMessage("no message body to send to school-6699001");
    }

    @Test
    void should_keep_the_secret_out_of_every_string_the_hub_may_log() throws IOException {
        OutboundRequest request = adapter.toAgencyRequest(example("plan-update"), school(SECRET));
        assertThat(request.toString()).doesNotContain(SECRET);
        assertThat(school(SECRET).toString()).doesNotContain(SECRET);
        assertThat(adapter.toString()).doesNotContain(SECRET).contains("signed-webhook");
    }

    @Test
    void should_ask_the_hub_for_the_webhook_secret_only() {
        assertThat(adapter.secretNames()).containsExactly("webhook-secret");
    }

    @Test
    void should_be_found_by_the_service_loader_under_its_transport_name() {
        assertThat(ServiceLoader.load(OutboundAdapter.class).stream().map(ServiceLoader.Provider::get))
                .anyMatch(a -> a.transport().equals("signed-webhook") && a instanceof SignedWebhookAdapter);
    }

    @ParameterizedTest(name = "HTTP {0} {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            200 | ''                                              | DELIVERED         | accepted by the agency system | -
            204 | -                                               | DELIVERED         | accepted by the agency system | -
            202 | {"receipt": "YSG-RCPT-0042"}                    | DELIVERED         | accepted by the agency system | YSG-RCPT-0042
            201 | {"reference": "MIS-7781"}                       | DELIVERED         | accepted by the agency system | MIS-7781
            200 | {"receipt": "R-1", "reference": "X-2"}          | DELIVERED         | accepted by the agency system | R-1
            200 | {"receipt": null, "reference": 42}              | DELIVERED         | accepted by the agency system | 42
            200 | {"receipt": {"id": "nested"}}                   | DELIVERED         | accepted by the agency system | -
            200 | OK                                              | DELIVERED         | accepted by the agency system | -
            408 | ''                                              | TRANSIENT_FAILURE | school system answered HTTP 408 | -
            425 | ''                                              | TRANSIENT_FAILURE | school system answered HTTP 425 | -
            429 | {"detail": "slow down"}                         | TRANSIENT_FAILURE | school system answered HTTP 429: slow down | -
            500 | <html>oops</html>                               | TRANSIENT_FAILURE | school system answered HTTP 500 | -
            502 | ''                                              | TRANSIENT_FAILURE | school system answered HTTP 502 | -
            503 | {"title": "Unavailable", "detail": "maintenance until 06:00"} | TRANSIENT_FAILURE | school system answered HTTP 503: maintenance until 06:00 | -
            504 | ''                                              | TRANSIENT_FAILURE | school system answered HTTP 504 | -
            401 | {"detail": "signature does not match"}          | PERMANENT_FAILURE | the school rejected the signature (HTTP 401): signature does not match | -
            401 | ''                                              | PERMANENT_FAILURE | the school rejected the signature (HTTP 401) | -
            403 | {"reason": "timestamp outside replay window"}   | PERMANENT_FAILURE | the school rejected the signature (HTTP 403): timestamp outside replay window | -
            400 | {"title": "Bad Request", "detail": "unknown pupil"} | PERMANENT_FAILURE | school system answered HTTP 400: unknown pupil | -
            404 | ''                                              | PERMANENT_FAILURE | school system answered HTTP 404 | -
            409 | {"title": "Conflict"}                           | PERMANENT_FAILURE | school system answered HTTP 409: Conflict | -
            413 | ''                                              | PERMANENT_FAILURE | school system answered HTTP 413 | -
            415 | ''                                              | PERMANENT_FAILURE | school system answered HTTP 415 | -
            422 | {"detail": "child not on roll"}                 | PERMANENT_FAILURE | school system answered HTTP 422: child not on roll | -
            301 | ''                                              | PERMANENT_FAILURE | school system answered HTTP 301 | -
            """)
    void should_map_the_schools_answer_to_a_delivery_verdict(int status, String body, Outcome outcome, String reason,
            String reference) {
        DeliveryVerdict verdict = adapter.interpret(status, body);
        assertThat(verdict.outcome()).isEqualTo(outcome);
        assertThat(verdict.reason()).isEqualTo(reason);
        assertThat(verdict.recipientReference()).isEqualTo(reference);
    }

    @Test
    void should_keep_a_refusal_reason_to_one_bounded_line() {
        String detail = "line one\r\nline two " + "x".repeat(400);
        DeliveryVerdict verdict = adapter.interpret(422, "{\"detail\": \"" + detail.replace("\r\n", "\\r\\n") + "\"}");
        assertThat(verdict.reason()).startsWith("school system answered HTTP 422: line one line two xxx")
                .doesNotContain("\n").endsWith("…");
        assertThat(verdict.reason()).hasSize("school system answered HTTP 422: ".length() + 300 + 1);
    }

    /** The request as the school receives it: request line, headers in name order, blank line, body bytes. */
    static byte[] resource(String path) throws IOException {
        try (InputStream in = SignedWebhookAdapterTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }

    /**
     * A school transfer reaches two schools: the new one with the safeguarding file (the policy's new-school role),
     * the old one with the notice only (the kind school). Each copy is what the need-to-know policy makes of the
     * example, and the adapter signs and sends each unchanged; the signatures in the golden files are from openssl.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            to-new-school | new-school | https://safeguarding.demo-primary.example.invalid/hub/webhook       | test-only-school-webhook-secret-6699002
            to-old-school | -          | https://safeguarding.ysgol-enghraifft.example.invalid/hub/webhook | test-only-school-webhook-secret-6699001
            """)
    void should_match_the_golden_requests_for_the_school_transfer_example(String copy, String role, String url,
            String secret) throws IOException {
        byte[] body = resource("/school/school-transfer." + copy + ".json");
        JsonNode example = CanonicalJson.mapper().readTree(example("school-transfer"));
        ObjectNode expected = example.deepCopy();
        expected.set("body", NeedToKnowPolicy.fromClasspath().bodyFor(MessageType.SCHOOL_TRANSFER, "school", role,
                example.get("body")));
        assertThat(CanonicalJson.mapper().readTree(body)).as("the %s copy is the policy's", copy).isEqualTo(expected);
        assertThat(expected.at("/body/safeguardingFile").isMissingNode()).isEqualTo(role == null);

        OutboundRequest request = adapter.toAgencyRequest(body,
                new AgencyEndpoint(SCHOOL, url, SignedWebhookAdapter.TRANSPORT, Map.of(SignedWebhookAdapter.WEBHOOK_SECRET,
                        secret)));

        assertThat(new String(render(request, url), StandardCharsets.UTF_8)).isEqualTo(
                new String(resource("/school/school-transfer." + copy + ".request.http"), StandardCharsets.UTF_8));
        assertThat(WebhookSignature.verify(secret, request.headers().get("X-Hub-Timestamp"),
                request.headers().get("X-Hub-Signature"), body, FIXED.instant()).valid()).isTrue();
    }

    private static byte[] render(OutboundRequest request) {
        return render(request, URL);
    }

    private static byte[] render(OutboundRequest request, String url) {
        StringBuilder head = new StringBuilder(request.method()).append(' ').append(url).append(request.path())
                .append('\n').append("Content-Type: ").append(request.contentType()).append('\n');
        new TreeMap<>(request.headers()).forEach((name, value) -> head.append(name).append(": ").append(value).append('\n'));
        head.append('\n');
        byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[headBytes.length + request.body().length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(request.body(), 0, all, headBytes.length, request.body().length);
        return all;
    }
}
