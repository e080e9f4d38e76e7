package wales.safeguarding.hub.alerts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import wales.safeguarding.adapters.school.WebhookSignature;
import wales.safeguarding.schemas.envelope.CanonicalJson;

/**
 * Operational alerts as a JSON POST to {@code hub.alerts.webhook.url} (a chat or paging service). With
 * {@code hub.alerts.webhook.secret} each request is signed like the hub's school webhooks: {@code X-Hub-Timestamp}
 * (Unix seconds) and {@code X-Hub-Signature: v1=<hex HMAC-SHA256 of "<timestamp>.<body>">}.
 */
@ApplicationScoped
public class WebhookChannel implements AlertChannel {

    private final Optional<URI> url;
    private final Optional<String> secret;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;

    public WebhookChannel(@ConfigProperty(name = "hub.alerts.webhook.url") Optional<String> url,
            @ConfigProperty(name = "hub.alerts.webhook.secret") Optional<String> secret,
            @ConfigProperty(name = "hub.alerts.send-timeout-ms", defaultValue = "10000") int timeoutMs, Clock clock) {
        this.url = url.filter(u -> !u.isBlank()).map(URI::create);
        this.secret = secret.filter(s -> !s.isBlank());
        this.timeout = Duration.ofMillis(timeoutMs);
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public boolean enabled() {
        return url.isPresent();
    }

    @Override
    public void send(AlertNotice notice) throws IOException, InterruptedException {
        byte[] body = CanonicalJson.mapper().writeValueAsBytes(AlertTexts.json(notice));
        HttpRequest.Builder request = HttpRequest.newBuilder(url.orElseThrow()).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (secret.isPresent()) {
            long timestamp = clock.instant().getEpochSecond();
            request.header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret.get(), timestamp, body));
        }
        HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("the alert webhook answered HTTP " + response.statusCode());
        }
    }
}
