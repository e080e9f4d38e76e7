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
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import wales.safeguarding.schemas.spi.HubHeaders;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.Axe;
import wales.safeguarding.hub.support.Browser;
import wales.safeguarding.hub.support.CaseMessages;
import wales.safeguarding.hub.support.Database;
import wales.safeguarding.hub.support.ConsoleSession;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.HubApi;
import wales.safeguarding.hub.support.InjectAgencyStubs;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.hub.support.TrackingDatabaseResource;

/**
 * The console in real headless Chromium: an operator signs in, watches a duty-to-report arrive live, reads its body
 * (giving a reason), replays a dead letter and sees it delivered, and switches to Welsh; a board viewer opens the
 * reports, downloads the CSV and cannot open a body. Every view is checked with axe-core in English and in Welsh (no
 * serious or critical violation), the Welsh views must show no English or machine value, and the page works from the
 * keyboard. A screenshot of each view is kept under {@code target/console-screenshots}.
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
    private static final String[] VIEWS = {"now", "messages", "dead-letters", "endpoints", "alerts", "directory", "reports",
        "accessibility"};

    @TestHTTPResource("/")
    URI hub;

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

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
        // GOV.UK Frontend's styles came from the hub's WebJar under the console's Content-Security-Policy
        assertThat(browser.driver().findElement(By.id("language-switch")).getCssValue("box-shadow")).contains("rgb(");
        assertThat(script("const done = arguments[arguments.length - 1];"
                + "fetch('index.html', {credentials: 'same-origin'}).then(r => done(r.headers.get('Content-Security-Policy')));"))
                .asString().contains("script-src 'self'").doesNotContain("unsafe-inline");

        // without a mouse: the first Tab reaches the skip link, Enter takes the focus to the view's heading
        browser.driver().findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(focused().getAttribute("id")).isEqualTo("skip-link");
        focused().sendKeys(Keys.ENTER);
        assertThat(focused().getTagName()).isEqualTo("h1");
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("#view");
        Axe.assertNoSeriousViolations(browser, "now (cy)");

        browser.click(By.id("language-switch"));
        browser.waitForText(By.cssSelector("#views a[data-view='now']"), "Now");
        Axe.assertNoSeriousViolations(browser, "now (en)");

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
        Axe.assertNoSeriousViolations(browser, "message (en)");

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
        Axe.assertNoSeriousViolations(browser, "dead-letters (en)");
        browser.click(By.id("replay-selected"));
        browser.giveReason("The council fixed the child reference lookup");
        await().atMost(WAIT).until(() -> "delivered".equals(HubApi.state(POLICE, refusedId, COUNCIL)));

        browser.go(hub.resolve("/console/#message/" + refusedId).toString());
        browser.giveReason("Checking that the replay reached the council");
        browser.waitForText(By.id("message-recipients"), "delivered");
        browser.screenshot("04-replayed-message-delivered");

        for (String view : VIEWS) {
            open(view);
            browser.screenshot("05-" + view);
            Axe.assertNoSeriousViolations(browser, view + " (en)");
        }
        String caseReference = report.path("caseReference").asText();
        browser.go(hub.resolve("/console/#case/" + caseReference).toString());
        browser.waitFor(By.cssSelector("main[data-view='case'][data-loaded='true'] table"));
        browser.screenshot("06-case-timeline");
        Axe.assertNoSeriousViolations(browser, "case (en)");
        // due times are the end of a UK day, in words
        assertThat(browser.driver().findElement(By.id("view")).getText()).containsPattern(
                "end of (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \\d{1,2} [A-Z][a-z]{2} \\d{4}");

        // back to Welsh, remembered for this person after a reload
        // an alert's details hold times and field names: the alerts view gives them in words
        new Database(dataSource).update("insert into operational_alert (agency, condition, raised_at, details) "
                + "values (?, ?, now(), cast(? as jsonb)) on conflict do nothing", AgencyStubs.CARDIFF, "endpoint-failing", "{\"threshold\": 3, \"lastFailureAt\": "
                + "\"2026-12-05T16:47:51.834986Z\", \"lastSuccessAt\": \"2026-12-05T16:47:50.338886Z\", "
                + "\"consecutiveFailures\": 4}");
        // a request without a valid token is refused for the agency "unknown": the Now view names it in words
        io.restassured.RestAssured.given().get("/api/v1/messages/" + java.util.UUID.randomUUID()).then().statusCode(401);
        browser.click(By.id("language-switch"));
        browser.waitForText(By.cssSelector("#views a[data-view='now']"), "Nawr");
        browser.driver().navigate().refresh();
        browser.waitFor(By.cssSelector("body[data-ready='true']"));
        browser.waitForText(By.cssSelector("#views a[data-view='now']"), "Nawr");
        assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("cy");
        browser.screenshot("07-welsh");

        // every view again in Welsh: accessible, and not one English word or machine value in what the hub shows
        for (String view : VIEWS) {
            open(view);
            browser.screenshot("07-welsh-" + view);
            Axe.assertNoSeriousViolations(browser, view + " (cy)");
            assertNoEnglishLeft(view);
            if (view.equals("endpoints") || view.equals("directory")) {
                // an agency with a Welsh name is named in Welsh
                assertThat(browser.driver().findElement(By.id("view")).getText())
                        .as("agency names on the Welsh %s view", view)
                        .contains("Gwasanaethau Plant Cyngor Sir Gâr").doesNotContain("Carmarthenshire Children's Services");
            }
        }
        browser.go(hub.resolve("/console/#case/" + caseReference).toString());
        browser.waitFor(By.cssSelector("main[data-view='case'][data-loaded='true'] table"));
        browser.screenshot("07-welsh-case-timeline");
        Axe.assertNoSeriousViolations(browser, "case (cy)");
        assertNoEnglishLeft("case");
        assertThat(browser.driver().findElement(By.id("view")).getText()).containsPattern(
                "diwedd (Llun|Maw|Mer|Iau|Gwe|Sad|Sul) \\d{1,2} (Ion|Chwef|Maw|Ebr|Mai|Meh|Gorff|Awst|Medi|Hyd|Tach|Rhag) \\d{4}");

        // a message opened from the keyboard: the reason typed, Tab to Continue, Enter
        browser.go(hub.resolve("/console/#message/" + refusedId).toString());
        browser.waitFor(By.id("reason-input")).sendKeys("Gwirio bod yr ailchwarae wedi cyrraedd y cyngor", Keys.TAB);
        assertThat(focused().getAttribute("id")).isEqualTo("reason-confirm");
        focused().sendKeys(Keys.ENTER);
        browser.waitForText(By.id("message-recipients"), "danfonwyd");
        browser.screenshot("07-welsh-message");
        Axe.assertNoSeriousViolations(browser, "message (cy)");
        assertNoEnglishLeft("message");
    }

    @Test
    void a_board_viewer_downloads_the_reports_and_cannot_open_a_body() throws Exception {
        ObjectNode report = Messages.dutyToReport();
        String reportId = Messages.id(report);
        HubApi.send(POLICE, report).statusCode(202);
        ObjectNode cardiff = Messages.dutyToReport();
        ((ObjectNode) cardiff.with("body").withArray("children").get(0)).put("localAuthority", "W06000015");
        HubApi.send(POLICE, cardiff).statusCode(202);

        browser = Browser.open("board-viewer");
        browser.go(hub.resolve("/console/").toString());
        browser.signIn("bethan", ConsoleSession.TEST_PASSWORD);
        browser.waitFor(By.id("reports-chart"));
        // bethan sits for Mid and West Wales's board: Carmarthenshire's row, not Cardiff's (issue 15 item 5)
        browser.waitFor(By.cssSelector("main[data-view='reports'][data-loaded='true'] table"));
        assertThat(browser.driver().findElement(By.id("view")).getText()).as("a regional board viewer's report")
                .contains("Carmarthenshire").doesNotContain("Cardiff");
        assertThat(browser.driver().findElements(By.cssSelector("#views a[data-view='messages']:not([hidden])"))).isEmpty();
        browser.screenshot("08-board-viewer-reports");
        Axe.assertNoSeriousViolations(browser, "reports (board viewer)");
        // the accessibility statement is linked from every page, for every role
        browser.click(By.id("accessibility-link"));
        browser.waitFor(By.cssSelector("main[data-view='accessibility'][data-loaded='true'] h1"));
        assertThat(browser.driver().findElement(By.id("view")).getText()).contains("WCAG").contains("axe-core");
        Axe.assertNoSeriousViolations(browser, "accessibility (board viewer)");
        browser.go(hub.resolve("/console/#reports").toString());
        browser.waitFor(By.id("download-csv"));

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

        // the national viewer (the National Independent Safeguarding Board) has the Reports view, for all of Wales
        browser.close();
        browser = Browser.open("national-viewer");
        browser.go(hub.resolve("/console/").toString());
        browser.signIn("nia", ConsoleSession.TEST_PASSWORD);
        browser.waitFor(By.cssSelector("main[data-view='reports'][data-loaded='true'] table"));
        assertThat(browser.driver().findElement(By.id("view")).getText()).as("the national viewer's report")
                .contains("Carmarthenshire").contains("Cardiff");
        assertThat(browser.driver().findElements(By.cssSelector("#views a[data-view='messages']:not([hidden])"))).isEmpty();
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
        assertThat(browser.driver().findElement(By.id("audit-table")).getText()).contains(reportId)
                .contains(text("event.body-read")).contains(text("event.lifecycle-read"));
        browser.screenshot("10-auditor-audit-trail");
        Axe.assertNoSeriousViolations(browser, "audit");
        browser.click(By.id("language-switch"));
        browser.waitFor(By.cssSelector("main[data-view='audit'][data-loaded='true'] h1"));
        Axe.assertNoSeriousViolations(browser, "audit (other language)");
        if (!"cy".equals(browser.driver().findElement(By.tagName("html")).getAttribute("lang"))) {
            browser.click(By.id("language-switch"));
            browser.waitFor(By.cssSelector("html[lang='cy'] main[data-view='audit'][data-loaded='true'] h1"));
        }
        assertNoEnglishLeft("audit");

        // the register enquiries (issue 15 item 3): who asked, why and the answer, never the child
        io.restassured.RestAssured.given().header("Authorization", wales.safeguarding.hub.support.Tokens.bearer(AgencyStubs.GP))
                .contentType("application/json")
                .body("{\"name\": \"Nobody Known\", \"dateOfBirth\": \"2016-04-12\", \"localAuthority\": \"W06000010\","
                        + " \"reason\": \"Ymholiad prawf yn y feddygfa\"}")
                .when().post("/api/v1/register-enquiries").then().statusCode(200);
        open("register-enquiries");
        browser.waitForText(By.id("register-enquiries-table"), "Ymholiad prawf yn y feddygfa");
        assertThat(browser.driver().findElement(By.id("register-enquiries-table")).getText())
                .contains(AgencyStubs.GP).contains("heb ei ganfod").doesNotContain("Nobody Known");
        browser.screenshot("11-auditor-register-enquiries");
        Axe.assertNoSeriousViolations(browser, "register enquiries (cy)");
        assertNoEnglishLeft("register-enquiries");
    }

    private void open(String view) {
        browser.go(hub.resolve("/console/#" + view).toString());
        browser.waitFor(By.cssSelector("main[data-view='" + view + "'][data-loaded='true'] h1"));
    }

    private WebElement focused() {
        return browser.driver().switchTo().activeElement();
    }

    private Object script(String asyncScript) {
        return ((JavascriptExecutor) browser.driver()).executeAsyncScript(asyncScript);
    }

    /** The text the page shows for a key in its current language. */
    private String text(String key) {
        return String.valueOf(script("const done = arguments[arguments.length - 1];"
                + "fetch('i18n/' + document.documentElement.lang + '.json').then(r => r.json()).then(d => done(d['" + key + "']));"));
    }

    /**
     * In the Welsh view no heading, label, button, link or cell shows an English text (a value of en.json that cy.json
     * says otherwise), a machine name the files translate (a state, event, clock, message type...), true or false, an
     * ISO time or milliseconds.
     */
    @SuppressWarnings("unchecked")
    private void assertNoEnglishLeft(String view) {
        List<String> left = (List<String>) script("""
                const done = arguments[arguments.length - 1];
                Promise.all(['en', 'cy'].map(l => fetch('i18n/' + l + '.json').then(r => r.json()))).then(([en, cy]) => {
                  // English texts that are no Welsh text ("Cymraeg" names the language switch in English and Welsh in Welsh)
                  const welsh = new Set(Object.values(cy).map(v => v.trim()));
                  const english = new Set(Object.keys(en).filter(k => en[k] !== cy[k]).map(k => en[k].trim()).filter(v => !welsh.has(v)));
                  const machine = new Set(Object.keys(en).filter(k => /^(state|event|clock|type|step|kind|condition|language|role)\\./.test(k))
                    .map(k => k.substring(k.indexOf('.') + 1)));
                  const shown = Array.from(document.querySelectorAll('main h1, main h2, main th, main td, main label, main button, main a, main p, main option, nav a, footer a, #user-roles'))
                    .filter(e => !e.closest('pre'));
                  // a machine name standing as a word in a cell ("carmarthenshire-childrens-services delivered"), except
                  // in what people and agencies wrote (a reason, an error text)
                  const free = e => ['detail', 'reason', 'lastError', 'lastFailureReason'].includes(e.dataset.col);
                  const words = x => x.split(/[\\s,()]+/).filter(Boolean);
                  done(shown.filter(e => {
                    const x = e.textContent.trim();
                    return x && (english.has(x) || machine.has(x) || (!free(e) && words(x).some(w => machine.has(w)))
                      || /^(true|false)$/.test(x) || /\\d{4}-\\d\\d-\\d\\dT\\d\\d:/.test(x) || /\\d ms\\b/.test(x));
                  }).map(e => e.textContent.trim()));
                });
                """);
        assertThat(left).as("English or machine values on the Welsh %s view", view).isEmpty();
    }

    private static Path downloaded(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".csv")).findFirst().orElse(null);
        }
    }
}
