package wales.safeguarding.hub.secrets;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import wales.safeguarding.adapters.school.WebhookSignature;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.CaseMessages;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.HubApi;
import wales.safeguarding.hub.support.InjectAgencyStubs;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.hub.support.TrackingDatabaseResource;

/**
 * A school's webhook secret from the mounted secrets folder, rotated while the hub runs: the hub signs with the file's
 * secret instead of the configured one, signs with the new and the old secret during the overlap, and with the new one
 * alone once the overlap is over, without a restart.
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class SecretRotationFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String COUNCIL = AgencyStubs.CARMARTHENSHIRE;
    private static final String SCHOOL = AgencyStubs.SCHOOL;
    private static final String KEY = SCHOOL + ".webhook-secret";
    private static final String CONFIGURED = "test-only-webhook-secret";
    private static final String FIRST = "test-only-school-secret-from-a-file-1";
    private static final String SECOND = "test-only-school-secret-from-a-file-2";

    @InjectAgencyStubs
    AgencyStubs agencies;

    @ConfigProperty(name = "hub.agencies.secrets-dir")
    String secretsDir;

    @BeforeEach
    void reset() {
        agencies.reset();
    }

    @AfterEach
    void back_to_the_configured_secret() throws IOException {
        for (String name : new String[] {KEY, KEY + ".previous", KEY + ".previous-until"}) {
            Files.deleteIfExists(Path.of(secretsDir, name));
        }
    }

    @Test
    void should_sign_with_the_file_secret_then_with_both_secrets_during_a_rotation_and_the_new_one_after_it()
            throws IOException {
        write(KEY, FIRST + "\n");
        LoggedRequest fromFile = deliverPlanUpdate();
        assertThat(signatures(fromFile)).isEqualTo(1);
        assertThat(verifies(fromFile, FIRST)).isTrue();
        assertThat(verifies(fromFile, CONFIGURED)).as("the file wins over configuration").isFalse();

        // The operator rotates: the old value moves to .previous, the new one replaces it; no end given, so the
        // overlap (P7D) runs from now. A school that has not switched yet still verifies.
        write(KEY + ".previous", FIRST);
        write(KEY, SECOND);
        LoggedRequest during = deliverPlanUpdate();
        assertThat(during.getHeader(WebhookSignature.SIGNATURE_HEADER)).matches("v1=[0-9a-f]{64},v1=[0-9a-f]{64}");
        assertThat(verifies(during, SECOND)).isTrue();
        assertThat(verifies(during, FIRST)).isTrue();
        assertThat(during.getHeader(WebhookSignature.SIGNATURE_HEADER).split(",")[0]).as("the new secret first")
                .isEqualTo(WebhookSignature.sign(SECOND, Long.parseLong(during.getHeader("X-Hub-Timestamp")),
                        during.getBody()));

        // The overlap ends (previous-until in the past): the new secret alone.
        write(KEY + ".previous-until", Instant.now().minus(Duration.ofMinutes(1)).toString());
        LoggedRequest after = deliverPlanUpdate();
        assertThat(signatures(after)).isEqualTo(1);
        assertThat(verifies(after, SECOND)).isTrue();
        assertThat(verifies(after, FIRST)).isFalse();
    }

    /** Written as Kubernetes and most tools do: a new file moved into place in one step. */
    private void write(String name, String value) throws IOException {
        Path folder = Path.of(secretsDir);
        Path staged = Files.writeString(folder.resolve(".staged-" + name), value);
        Files.move(staged, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private LoggedRequest deliverPlanUpdate() {
        ObjectNode update = CaseMessages.naming(new CaseMessages().of("plan-update"), SCHOOL);
        HubApi.send(COUNCIL, update).statusCode(202);
        var pattern = postRequestedFor(urlEqualTo("/hub/messages"))
                .withHeader("X-Hub-Message-Id", WireMock.equalTo(Messages.id(update)));
        await().atMost(WAIT).untilAsserted(() -> agencies.of(SCHOOL).verify(exactly(1), pattern));
        return agencies.of(SCHOOL).findAll(pattern).get(0);
    }

    private static int signatures(LoggedRequest request) {
        return request.getHeader(WebhookSignature.SIGNATURE_HEADER).split(",").length;
    }

    private static boolean verifies(LoggedRequest request, String secret) {
        return WebhookSignature.verify(secret, request.getHeader(WebhookSignature.TIMESTAMP_HEADER),
                request.getHeader(WebhookSignature.SIGNATURE_HEADER), request.getBody(), Instant.now()).valid();
    }
}
