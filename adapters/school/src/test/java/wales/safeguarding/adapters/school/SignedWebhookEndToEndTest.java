package wales.safeguarding.adapters.school;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.ValueMatcher;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import wales.safeguarding.adapters.school.WebhookSignature.Failure;
import wales.safeguarding.schemas.spi.AgencyEndpoint;
import wales.safeguarding.schemas.spi.DeliveryVerdict;
import wales.safeguarding.schemas.spi.DeliveryVerdict.Outcome;
import wales.safeguarding.schemas.spi.OutboundRequest;

/**
 * The adapter's request sent over real HTTP to a WireMock school system that verifies the signature the way the
 * README tells a school to, and the school's answer read back by the adapter.
 */
class SignedWebhookEndToEndTest {

    private static final String PATH = "/hub/webhook";
    private static final String SECRET = WebhookSignatureTest.SECRET;
    private static final Clock HUB_CLOCK = SignedWebhookAdapterTest.FIXED;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final SignedWebhookAdapter adapter = new SignedWebhookAdapter(HUB_CLOCK);
    private WireMockServer school;
    private volatile Instant schoolNow = HUB_CLOCK.instant();

    @BeforeEach
    void startSchool() {
        school = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        school.start();
        school.stubFor(post(urlPathEqualTo(PATH)).atPriority(1)
                .andMatching(new SchoolVerifier())
                .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                        .withBody("{\"receipt\": \"YSG-RCPT-0042\"}")));
        school.stubFor(post(urlPathEqualTo(PATH)).atPriority(10)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"title\": \"Unauthorized\", \"detail\": \"signature does not verify\"}")));
    }

    @AfterEach
    void stopSchool() {
        school.stop();
    }

    @Test
    void should_deliver_a_plan_update_that_the_school_verifies_and_keep_its_receipt() throws Exception {
        byte[] planUpdate = SignedWebhookAdapterTest.example("plan-update");
        OutboundRequest request = adapter.toAgencyRequest(planUpdate, endpoint(SECRET));

        HttpResponse<String> response = send(request, request.body());
        DeliveryVerdict verdict = adapter.interpret(response.statusCode(), response.body());

        assertThat(verdict.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(verdict.recipientReference()).isEqualTo("YSG-RCPT-0042");
        // Re-verify what actually went over the wire, independently of the stub's matcher.
        List<LoggedRequest> received = school.findAll(postRequestedFor(urlPathEqualTo(PATH)));
        assertThat(received).hasSize(1);
        LoggedRequest got = received.get(0);
        assertThat(got.getBody()).isEqualTo(planUpdate);
        assertThat(got.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(got.getHeader("X-Hub-Timestamp")).isEqualTo("1751623500");
        assertThat(WebhookSignature.verify(SECRET, got.getHeader("X-Hub-Timestamp"), got.getHeader("X-Hub-Signature"),
                got.getBody(), schoolNow).valid()).isTrue();
    }

    @Test
    void should_dead_letter_with_the_schools_reason_when_the_hub_holds_another_secret() throws Exception {
        OutboundRequest request = adapter.toAgencyRequest(SignedWebhookAdapterTest.example("plan-update"),
                endpoint("a-secret-the-school-never-had"));

        HttpResponse<String> response = send(request, request.body());
        DeliveryVerdict verdict = adapter.interpret(response.statusCode(), response.body());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(verdict.outcome()).isEqualTo(Outcome.PERMANENT_FAILURE);
        assertThat(verdict.reason()).isEqualTo("the school rejected the signature (HTTP 401): signature does not verify");
    }

    @Test
    void should_be_rejected_by_the_school_when_the_body_changes_on_the_way() throws Exception {
        byte[] planUpdate = SignedWebhookAdapterTest.example("plan-update");
        OutboundRequest request = adapter.toAgencyRequest(planUpdate, endpoint(SECRET));
        byte[] tampered = new String(planUpdate, java.nio.charset.StandardCharsets.UTF_8)
                .replace("breakfast club", "lunch club").getBytes(java.nio.charset.StandardCharsets.UTF_8);

        HttpResponse<String> response = send(request, tampered);

        assertThat(response.statusCode()).isEqualTo(401);
        LoggedRequest got = school.findAll(postRequestedFor(urlPathEqualTo(PATH))).get(0);
        assertThat(WebhookSignature.verify(SECRET, got.getHeader("X-Hub-Timestamp"), got.getHeader("X-Hub-Signature"),
                got.getBody(), schoolNow).failure()).isEqualTo(Failure.SIGNATURE_MISMATCH);
    }

    @Test
    void should_be_rejected_by_the_school_when_a_captured_request_is_replayed_after_the_window() throws Exception {
        OutboundRequest request = adapter.toAgencyRequest(SignedWebhookAdapterTest.example("plan-update"), endpoint(SECRET));
        assertThat(send(request, request.body()).statusCode()).isEqualTo(202);

        schoolNow = HUB_CLOCK.instant().plus(Duration.ofMinutes(6));
        HttpResponse<String> replay = send(request, request.body());

        assertThat(replay.statusCode()).isEqualTo(401);
        LoggedRequest got = school.findAll(postRequestedFor(urlPathEqualTo(PATH))).get(1);
        assertThat(WebhookSignature.verify(SECRET, got.getHeader("X-Hub-Timestamp"), got.getHeader("X-Hub-Signature"),
                got.getBody(), schoolNow).failure()).isEqualTo(Failure.OUTSIDE_REPLAY_WINDOW);
    }

    @Test
    void should_reach_a_school_that_still_holds_the_old_secret_during_a_rotation_overlap_and_not_after() throws Exception {
        byte[] planUpdate = SignedWebhookAdapterTest.example("plan-update");
        // The school verifies with SECRET; the hub has moved to a new secret and still holds SECRET as the old one.
        AgencyEndpoint overlap = new AgencyEndpoint("school-6699001", school.baseUrl() + PATH,
                SignedWebhookAdapter.TRANSPORT, Map.of(SignedWebhookAdapter.WEBHOOK_SECRET, SignedWebhookAdapterTest.ROTATED,
                        SignedWebhookAdapter.WEBHOOK_SECRET + AgencyEndpoint.PREVIOUS, SECRET));
        OutboundRequest during = adapter.toAgencyRequest(planUpdate, overlap);
        assertThat(send(during, during.body()).statusCode()).isEqualTo(202);

        OutboundRequest after = adapter.toAgencyRequest(planUpdate, endpoint(SignedWebhookAdapterTest.ROTATED));
        HttpResponse<String> response = send(after, after.body());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(adapter.interpret(response.statusCode(), response.body()).outcome())
                .isEqualTo(Outcome.PERMANENT_FAILURE);
    }

    private AgencyEndpoint endpoint(String secret) {
        return new AgencyEndpoint("school-6699001", school.baseUrl() + PATH, SignedWebhookAdapter.TRANSPORT,
                Map.of(SignedWebhookAdapter.WEBHOOK_SECRET, secret));
    }

    /** Sends as the hub would: the adapter's method, content type and headers, with the given body bytes. */
    private HttpResponse<String> send(OutboundRequest request, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(school.baseUrl() + PATH + request.path()))
                .timeout(Duration.ofSeconds(10))
                .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", request.contentType());
        request.headers().forEach(builder::header);
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The school's side: the verification recipe from the README, run by WireMock on every request. */
    private final class SchoolVerifier implements ValueMatcher<Request> {
        @Override
        public MatchResult match(Request request) {
            return MatchResult.of(WebhookSignature.verify(SECRET, header(request, WebhookSignature.TIMESTAMP_HEADER),
                    header(request, WebhookSignature.SIGNATURE_HEADER), request.getBody(), schoolNow).valid());
        }

        private String header(Request request, String name) {
            return request.containsHeader(name) ? request.getHeader(name) : null;
        }
    }
}
