package wales.safeguarding.hub.alerts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import wales.safeguarding.adapters.school.WebhookSignature;
import wales.safeguarding.hub.support.TestClock;

/** The alert webhook's secret from a file: signed with it, with both during a rotation, never unsigned without it. */
class WebhookChannelTest {

    private static final Instant NOW = Instant.parse("2026-12-04T08:00:00Z");
    private static final AlertNotice NOTICE = new AlertNotice(AlertNotice.RAISED, new OperationalAlert(7,
            "carmarthenshire-childrens-services", "endpoint-failing", NOW.minusSeconds(60), null, null));

    @TempDir
    Path folder;

    private final TestClock clock = new TestClock();
    private WireMockServer receiver;

    @BeforeEach
    void start() {
        clock.set(NOW);
        receiver = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        receiver.start();
        receiver.stubFor(post(urlEqualTo("/alerts")).willReturn(aResponse().withStatus(204)));
    }

    @AfterEach
    void stop() {
        receiver.stop();
    }

    private WebhookChannel channel(String secret, Path secretFile) {
        return new WebhookChannel(Optional.of("http://127.0.0.1:" + receiver.port() + "/alerts"),
                Optional.ofNullable(secret), Optional.ofNullable(secretFile).map(Path::toString), Duration.ofDays(7),
                Duration.ZERO, 5000, clock);
    }

    private LoggedRequest lastRequest() {
        List<LoggedRequest> all = receiver.findAll(postRequestedFor(urlEqualTo("/alerts")));
        return all.get(all.size() - 1);
    }

    private static boolean verifies(LoggedRequest request, String secret) {
        return WebhookSignature.verify(secret, request.getHeader(WebhookSignature.TIMESTAMP_HEADER),
                request.getHeader(WebhookSignature.SIGNATURE_HEADER), request.getBody(), NOW).valid();
    }

    @Test
    void should_sign_with_the_secret_file_before_the_configured_secret_and_with_both_during_a_rotation()
            throws Exception {
        Path file = Files.writeString(folder.resolve("alert-webhook-secret"), "file-secret-1\n");
        WebhookChannel channel = channel("configured-secret", file);

        channel.send(NOTICE);
        assertThat(verifies(lastRequest(), "file-secret-1")).isTrue();
        assertThat(verifies(lastRequest(), "configured-secret")).isFalse();

        Files.writeString(folder.resolve("alert-webhook-secret.previous"), "file-secret-1");
        Files.move(Files.writeString(folder.resolve("staged"), "file-secret-2"), file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        channel.send(NOTICE);
        assertThat(lastRequest().getHeader(WebhookSignature.SIGNATURE_HEADER).split(",")).hasSize(2);
        assertThat(verifies(lastRequest(), "file-secret-2")).isTrue();
        assertThat(verifies(lastRequest(), "file-secret-1")).isTrue();
    }

    @Test
    void should_send_nothing_unsigned_when_the_secret_file_is_missing_or_empty() throws IOException {
        Path file = folder.resolve("alert-webhook-secret");
        WebhookChannel channel = channel(null, file);
        assertThatThrownBy(() -> channel.send(NOTICE)).isInstanceOf(IOException.class)
                .hasMessage("the alert webhook secret file " + file + " does not exist");
        Files.writeString(file, "");
        assertThatThrownBy(() -> channel.send(NOTICE)).hasMessage("the secret file " + file + " is empty");
        assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/alerts")))).isEmpty();
    }

    @Test
    void should_sign_with_the_configured_secret_without_a_file_and_not_at_all_without_either() throws Exception {
        channel("configured-secret", null).send(NOTICE);
        assertThat(verifies(lastRequest(), "configured-secret")).isTrue();

        channel(null, null).send(NOTICE);
        assertThat(lastRequest().containsHeader(WebhookSignature.SIGNATURE_HEADER)).isFalse();
    }
}
