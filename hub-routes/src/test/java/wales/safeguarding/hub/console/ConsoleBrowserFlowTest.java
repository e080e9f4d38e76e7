package wales.safeguarding.hub.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import wales.safeguarding.schemas.spi.HubHeaders;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.Browser;
import wales.safeguarding.hub.support.CaseMessages;
import wales.safeguarding.hub.support.ConsoleSession;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.HubApi;
import wales.safeguarding.hub.support.InjectAgencyStubs;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.hub.support.TrackingDatabaseResource;

/**
 * The console in real headless Chromium: an operator signs in, watches a duty-to-report arrive live, reads its body
 * (giving a reason), replays a dead letter and sees it delivered, and switches to Welsh; a board viewer opens the
 * reports, downloads the CSV and cannot open a body. A screenshot of each view is kept under
 * {@code target/console-screenshots}.
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ConsoleBrowserFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String POLICE = AgencyStubs.DYFED_POWYS_POLICE;
    private static final String COUNCIL = AgencyStubs.CARMARTHENSHIRE;

    @TestHTTPResource("/")
    URI hub;

    @InjectAgencyStubs
    AgencyStubs agencies;

    private Browser browser;

    @BeforeEach
    void fresh_stubs() {
        agencies.reset();
    }

    @AfterEach
    void close_browser(TestInfo test) {
        if (browser != null) {
            // the page as the test left it: on a failure, what the person would have seen
            browser.screenshot("last-" + test.getTestMethod().map(m -> m.getName()).orElse("test"));
            browser.close();
        }
    }

    @Test
    void an_operator_watches_reads_with_a_reason_replays_and_switches_to_welsh() {
        browser = Browser.open("operator");
        browser.go(hub.resolve("/console/#now").toString());
        browser.signIn("rhys", ConsoleSession.TEST_PASSWORD);
        browser.waitFor(By.id("now-accepted"));
        // the console speaks Welsh first; this operator works in English until the end of the test
        assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("cy");
        browser.click(By.id("language-switch"));
        browser.waitForText(By.cssSelector("#views a[data-view='now']"), "Now");

        // a duty-to-report arrives while the operator watches: it appears without a reload
        ObjectNode report = new CaseMessages().of("duty-to-report");
        String reportId = Messages.id(report);
        HubApi.send(POLICE, report).statusCode(202);
        browser.waitFor(By.cssSelector("#live-messages-table tr[data-message-id='" + reportId + "']"));
        browser.screenshot("01-now-live");

        // opening the body asks why first
        browser.click(By.cssSelector("#live-messages-table tr[data-message-id='" + reportId + "'] a.open-message"));
        // every recipient's delivery is shown to a person who says why (issue 11 finding 5)
        browser.giveReason("Checking the deliveries for the strategy discussion");
        browser.click(By.id("open-body"));
        browser.giveReason("Checking the report for the strategy discussion");
        browser.waitForText(By.cssSelector("#message-body pre.body"), reportId);
        browser.screenshot("02-message-detail-with-body");

        // a refused delivery becomes a dead letter; once the council system is fixed the operator replays it
        ObjectNode refused = Messages.dutyToReport();
        String refusedId = Messages.id(refused);
        var refusal = agencies.of(COUNCIL).stubFor(post(urlEqualTo("/hub/messages")).atPriority(1)
                .withHeader(HubHeaders.HTTP_MESSAGE_ID, WireMock.equalTo(refusedId))
                .willReturn(aResponse().withStatus(400)));
        HubApi.send(POLICE, refused).statusCode(202);
        await().atMost(WAIT).until(() -> "dead-lettered".equals(HubApi.state(POLICE, refusedId, COUNCIL)));
        agencies.of(COUNCIL).removeStub(refusal);

        browser.go(hub.resolve("/console/#dead-letters").toString());
        browser.click(By.xpath("//table[@id='dead-letters-table']//tr[td[@data-col='messageId' and text()='" + refusedId
                + "']]//input[contains(@class,'select-row')]"));
        browser.screenshot("03-dead-letters");
        browser.click(By.id("replay-selected"));
        browser.giveReason("The council fixed the child reference lookup");
        await().atMost(WAIT).until(() -> "delivered".equals(HubApi.state(POLICE, refusedId, COUNCIL)));

        browser.go(hub.resolve("/console/#message/" + refusedId).toString());
        browser.giveReason("Checking that the replay reached the council");
        browser.waitForText(By.id("message-recipients"), "delivered");
        browser.screenshot("04-replayed-message-delivered");

        for (String view : new String[] {"endpoints", "alerts", "directory", "reports", "messages"}) {
            browser.go(hub.resolve("/console/#" + view).toString());
            browser.waitFor(By.cssSelector("main[data-view='" + view + "'][data-loaded='true'] h2"));
            browser.screenshot("05-" + view);
        }
        browser.go(hub.resolve("/console/#case/" + report.path("caseReference").asText()).toString());
        browser.waitFor(By.cssSelector("main[data-view='case'][data-loaded='true'] table"));
        browser.screenshot("06-case-timeline");

        // back to Welsh, remembered for this person after a reload
        browser.click(By.id("language-switch"));
        browser.waitForText(By.cssSelector("#views a[data-view='now']"), "Nawr");
        browser.driver().navigate().refresh();
        browser.waitFor(By.cssSelector("body[data-ready='true']"));
        browser.waitForText(By.cssSelector("#views a[data-view='now']"), "Nawr");
        assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("cy");
        browser.screenshot("07-welsh");
    }

    @Test
    void a_board_viewer_downloads_the_reports_and_cannot_open_a_body() throws Exception {
        ObjectNode report = Messages.dutyToReport();
        String reportId = Messages.id(report);
        HubApi.send(POLICE, report).statusCode(202);

        browser = Browser.open("board-viewer");
        browser.go(hub.resolve("/console/").toString());
        browser.signIn("bethan", ConsoleSession.TEST_PASSWORD);
        browser.waitFor(By.id("reports-chart"));
        assertThat(browser.driver().findElements(By.cssSelector("#views a[data-view='messages']:not([hidden])"))).isEmpty();
        browser.screenshot("08-board-viewer-reports");

        browser.click(By.id("download-csv"));
        Path csv = await().atMost(WAIT).until(() -> downloaded(browser.downloads()), p -> p != null);
        assertThat(Files.readString(csv).lines().findFirst().orElse("")).contains(",");

        // a board viewer sees aggregates only: no message, no body
        browser.go(hub.resolve("/console/#message/" + reportId).toString());
        browser.waitFor(By.id("view-error"));
        Object status = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch('/api/v1/console/messages/" + reportId + "/body', {method: 'POST', credentials: 'same-origin',"
                        + " headers: {'Content-Type': 'application/json', 'X-Requested-With': 'JavaScript'},"
                        + " body: JSON.stringify({reason: 'I would like to read this one'})}).then(r => done(r.status));");
        assertThat(((Number) status).intValue()).isEqualTo(403);
        browser.screenshot("09-board-viewer-no-body");
    }

    @Test
    void an_auditor_finds_their_own_body_read_in_the_audit_trail() {
        ObjectNode report = Messages.dutyToReport();
        String reportId = Messages.id(report);
        HubApi.send(POLICE, report).statusCode(202);

        browser = Browser.open("auditor");
        // a link to one message (as an alert or a colleague would send it) survives the sign-in
        browser.go(hub.resolve("/console/?view=message/" + reportId).toString());
        browser.signIn("aled", ConsoleSession.TEST_PASSWORD);
        assertThat(browser.driver().getCurrentUrl()).endsWith("#message/" + reportId);
        browser.giveReason("Quarterly audit sample, deliveries of item 12");
        browser.click(By.id("open-body"));
        browser.giveReason("Quarterly audit sample, item 12");
        browser.waitForText(By.cssSelector("#message-body pre.body"), reportId);

        browser.go(hub.resolve("/console/#audit?actor=aled").toString());
        browser.waitForText(By.id("audit-table"), "Quarterly audit sample, item 12");
        assertThat(browser.driver().findElement(By.id("audit-table")).getText()).contains(reportId).contains("body-read")
                .contains("lifecycle-read");
        browser.screenshot("10-auditor-audit-trail");
    }

    private static Path downloaded(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".csv")).findFirst().orElse(null);
        }
    }
}
