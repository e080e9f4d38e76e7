package wales.safeguarding.hub.police;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import wales.safeguarding.hub.support.HubApi;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.PoliceDropFolderResource;
import wales.safeguarding.hub.support.Tokens;
import wales.safeguarding.hub.support.TrackingDatabaseResource;
import wales.safeguarding.schemas.envelope.CanonicalJson;

/**
 * A force drops notice files on a real SFTP server; the hub takes each one, moves it to done/ with a receipt or to
 * error/ with the reason, and never delivers a notice twice.
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PoliceDropFolderResource.class)
class PoliceDropFolderFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path FORCE = PoliceDropFolderResource.root().resolve(AgencyStubs.SOUTH_WALES_POLICE);

    @Test
    void should_accept_a_dropped_notice_move_it_to_done_with_a_receipt_and_deliver_it_once() throws Exception {
        drop("child-concern.xml", "notice-a.xml");
        JsonNode receipt = awaitReceipt("done", "notice-a.xml");
        assertThat(receipt.get("outcome").asText()).isIn("accepted", "already-accepted");
        String messageId = receipt.get("messageId").asText();
        assertThat(FORCE.resolve("inbox").resolve("notice-a.xml")).doesNotExist();
        assertThat(FORCE.resolve("done").resolve("notice-a.xml")).exists();

        // The same notice dropped again under another name is the same message: accepted once, delivered once.
        drop("child-concern.xml", "notice-a-again.xml");
        JsonNode again = awaitReceipt("done", "notice-a-again.xml");
        assertThat(again.get("outcome").asText()).isEqualTo("already-accepted");
        assertThat(again.get("messageId").asText()).isEqualTo(messageId);
        await().atMost(WAIT).until(() -> HubApi.inInbox(AgencyStubs.CARDIFF, messageId));
        assertThat(HubApi.inboxCopies(AgencyStubs.CARDIFF, messageId)).hasSize(1);
    }

    @Test
    void should_move_a_notice_that_breaks_the_contract_to_error_with_the_reason() throws Exception {
        drop("several-errors.xml", "broken.xml");
        JsonNode receipt = awaitReceipt("error", "broken.xml");
        assertThat(receipt.get("outcome").asText()).isEqualTo("refused");
        assertThat(receipt.at("/problem/violations").size()).isGreaterThan(1);
        assertThat(FORCE.resolve("error").resolve("broken.xml")).exists();
    }

    @Test
    void should_refuse_a_hostile_file_without_reading_what_it_points_at() throws Exception {
        drop("xxe-file.xml", "hostile.xml");
        JsonNode receipt = awaitReceipt("error", "hostile.xml");
        assertThat(receipt.toString()).doesNotContain("root:");
    }

    private static void drop(String fixture, String name) throws IOException {
        try (InputStream in = PoliceDropFolderFlowTest.class.getResourceAsStream("/ppn/" + fixture)) {
            Path partial = FORCE.resolve(name + ".part");
            Files.write(partial, in.readAllBytes());
            Files.move(partial, FORCE.resolve("inbox").resolve(name));
        }
    }

    /** The receipt is written first, then the file itself moves beside it when the hub has finished with it. */
    private static JsonNode awaitReceipt(String folder, String name) throws IOException {
        Path receipt = FORCE.resolve(folder).resolve(name + ".receipt.json");
        await().atMost(WAIT).until(() -> Files.exists(receipt) && Files.size(receipt) > 0
                && Files.exists(FORCE.resolve(folder).resolve(name)));
        return CanonicalJson.mapper().readTree(Files.readAllBytes(receipt));
    }
}
