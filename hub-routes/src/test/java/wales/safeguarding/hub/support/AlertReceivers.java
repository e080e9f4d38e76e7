package wales.safeguarding.hub.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Where the hub's operational alerts go in the suite: a real SMTP server (GreenMail) and a webhook receiver
 * (WireMock), each on its own loopback port. Started with the agency stubs, so every flow test shares one boot.
 */
public final class AlertReceivers {

    public static final String TO = "operators@hub.test";
    public static final String WEBHOOK_PATH = "/alerts";
    public static final String WEBHOOK_SECRET = "test-only-alert-secret";

    private GreenMail smtp;
    private WireMockServer webhook;

    Map<String, String> start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        webhook = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        webhook.start();
        acceptEverything();
        return Map.of(
                "hub.alerts.smtp.host", "127.0.0.1",
                "hub.alerts.smtp.port", String.valueOf(smtp.getSmtp().getPort()),
                "hub.alerts.smtp.to", TO,
                "hub.alerts.webhook.url", "http://127.0.0.1:" + webhook.port() + WEBHOOK_PATH,
                "hub.alerts.webhook.secret", WEBHOOK_SECRET);
    }

    void stop() {
        if (smtp != null) {
            smtp.stop();
        }
        if (webhook != null) {
            webhook.stop();
        }
    }

    public GreenMail smtp() {
        return smtp;
    }

    public WireMockServer webhook() {
        return webhook;
    }

    /** The webhook receiver back to "accept everything with 204", its request journal emptied. */
    public void resetWebhook() {
        webhook.resetAll();
        acceptEverything();
    }

    private void acceptEverything() {
        webhook.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(204)));
    }
}
