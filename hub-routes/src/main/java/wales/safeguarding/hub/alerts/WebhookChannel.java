package wales.safeguarding.hub.alerts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import wales.safeguarding.adapters.school.WebhookSignature;
import wales.safeguarding.hub.secrets.SecretFolder;
import wales.safeguarding.hub.secrets.SecretVersions;
import wales.safeguarding.schemas.envelope.CanonicalJson;

/**
 * Operational alerts as a JSON POST to {@code hub.alerts.webhook.url} (a chat or paging service). With a secret each
 * request is signed like the hub's school webhooks: {@code X-Hub-Timestamp} (Unix seconds) and
 * {@code X-Hub-Signature: v1=<hex HMAC-SHA256 of "<timestamp>.<body>">}. The secret is the file
 * {@code hub.alerts.webhook.secret-file} when set (read again when it changes; rotated like the per-agency secrets
 * with {@code <file>.previous} and {@code <file>.previous-until}, both signatures sent during the overlap), else
 * {@code hub.alerts.webhook.secret}. With a secret file that is missing or unusable nothing is sent unsigned: the
 * send fails and is tried again at the next check.
 */
@ApplicationScoped
public class WebhookChannel implements AlertChannel {

    private final Optional<URI> url;
    private final Optional<String> secret;
    private final Optional<SecretFolder> secretFolder;
    private final String secretKey;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;

    public WebhookChannel(@ConfigProperty(name = "hub.alerts.webhook.url") Optional<String> url,
            @ConfigProperty(name = "hub.alerts.webhook.secret") Optional<String> secret,
            @ConfigProperty(name = "hub.alerts.webhook.secret-file") Optional<String> secretFile,
            @ConfigProperty(name = "hub.agencies.secret-overlap", defaultValue = "P7D") Duration overlap,
            @ConfigProperty(name = "hub.agencies.secrets-check-interval", defaultValue = "PT5S") Duration checkInterval,
            @ConfigProperty(name = "hub.alerts.send-timeout-ms", defaultValue = "10000") int timeoutMs, Clock clock) {
        this.url = url.filter(u -> !u.isBlank()).map(URI::create);
        this.secret = secret.filter(s -> !s.isBlank());
        Optional<Path> file = secretFile.filter(f -> !f.isBlank()).map(f -> Path.of(f).toAbsolutePath());
        this.secretKey = file.map(f -> f.getFileName().toString()).orElse(null);
        if (secretKey != null && !SecretFolder.isKey(secretKey)) {
            throw new IllegalStateException("hub.alerts.webhook.secret-file must name a file of letters, digits, '-', "
                    + "'_' and inner dots, not " + file.get());
        }
        this.secretFolder = file.map(f -> new SecretFolder(f.getParent(), overlap, checkInterval, clock,
                System::nanoTime));
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
        List<String> secrets = secrets();
        if (!secrets.isEmpty()) {
            long timestamp = clock.instant().getEpochSecond();
            request.header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secrets, timestamp, body));
        }
        HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("the alert webhook answered HTTP " + response.statusCode());
        }
    }

    /** The valid secrets, newest first; none when the channel is not signed. */
    private List<String> secrets() throws IOException {
        if (secretFolder.isPresent()) {
            return secretFolder.get().read(secretKey).map(SecretVersions::newestFirst)
                    .orElseThrow(() -> new IOException("the alert webhook secret file "
                            + secretFolder.get().folder().resolve(secretKey) + " does not exist"));
        }
        return secret.map(List::of).orElse(List.of());
    }
}
