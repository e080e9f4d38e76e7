package wales.safeguarding.hub.metrics;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import wales.safeguarding.hub.clocks.EscalationStep;
import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.Directory;
import wales.safeguarding.hub.escalation.Escalator;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.Database;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.HubApi;
import wales.safeguarding.hub.support.InjectAgencyStubs;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.hub.support.TestClock;
import wales.safeguarding.hub.support.Tokens;
import wales.safeguarding.hub.support.TrackingDatabaseResource;
import wales.safeguarding.schemas.spi.HubHeaders;

/**
 * Issue 13: Prometheus scrapes {@code /q/metrics} with its monitoring token and the hub's series move by what a real
 * flow did (intake, a delivery, a retry, a dead letter, refusals, clocks); nobody else reads them; no label names an
 * agency or carries a child's data; the alert rules and the dashboard in {@code deploy/} use only series the hub has.
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class MetricsFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String POLICE = AgencyStubs.DYFED_POWYS_POLICE;
    private static final String COUNCIL = AgencyStubs.CARMARTHENSHIRE;
    private static final String CARMARTHENSHIRE_ONS = "W06000010";
    private static final String REPORT = "duty-to-report";
    /** Far enough ahead that a duty-to-report accepted today is overdue on all three of its clocks. */
    private static final Duration LATER = Duration.ofDays(60);
    private static final Path DEPLOY = Path.of("..", "deploy");

    @InjectAgencyStubs
    AgencyStubs agencies;

    @Inject
    HubGauges gauges;

    @Inject
    TestClock clock;

    @Inject
    Directory directory;

    @Inject
    Escalator escalator;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void fresh_stubs_and_real_time() {
        agencies.reset();
        clock.release();
    }

    @Test
    void should_move_the_hub_series_by_what_a_flow_did() {
        Scrape before = scrapeWithClocksRunOut();

        ObjectNode delivered = Messages.dutyToReport();
        ObjectNode retried = Messages.dutyToReport();
        ObjectNode refused = Messages.dutyToReport();
        var council = agencies.of(COUNCIL);
        council.stubFor(copyOf(retried).inScenario("down once").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        council.stubFor(copyOf(retried).inScenario("down once").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(201)));
        council.stubFor(copyOf(refused).willReturn(aResponse().withStatus(422)));
        for (ObjectNode report : List.of(delivered, retried, refused)) {
            HubApi.send(POLICE, report).statusCode(202);
        }
        // two refusals: no token at all, and a message that breaks the contract
        given().contentType("application/json").body("{}").post("/api/v1/messages").then().statusCode(401);
        HubApi.send(POLICE, "{}").statusCode(422);
        await().atMost(WAIT).until(() -> "delivered".equals(HubApi.state(POLICE, Messages.id(delivered), COUNCIL))
                && "delivered".equals(HubApi.state(POLICE, Messages.id(retried), COUNCIL))
                && "dead-lettered".equals(HubApi.state(POLICE, Messages.id(refused), COUNCIL)));

        // a counter moves just after its event's commit, which the tracking answer may show first: read until it moved
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertMovedByTheFlow(before, scrapeWithClocksRunOut()));
    }

    private void assertMovedByTheFlow(Scrape before, Scrape after) {
        String[] reportsToCouncils = {HubMetrics.TYPE, REPORT, HubMetrics.AGENCY_KIND, "council"};
        assertMoved(before, after, 3, "hub_messages_accepted_total", HubMetrics.TYPE, REPORT, HubMetrics.AGENCY_KIND,
                "police");
        assertMoved(before, after, 2, "hub_copies_delivered_total", reportsToCouncils);
        assertMoved(before, after, 1, "hub_copies_failed_total", reportsToCouncils);
        assertMoved(before, after, 1, "hub_copies_dead_lettered_total", reportsToCouncils);
        assertMoved(before, after, 2, "hub_delivery_latency_seconds_count", reportsToCouncils);
        assertMoved(before, after, 2, "hub_delivery_latency_seconds_bucket", HubMetrics.TYPE, REPORT,
                HubMetrics.AGENCY_KIND, "council", "le", "+Inf");
        assertMoved(before, after, 1, "hub_dead_letters_waiting", HubMetrics.AGENCY_KIND, "council");
        for (String clockName : List.of("report-acknowledgement", "report-outcome", "next-actions")) {
            assertMoved(before, after, 3, "hub_clocks_open", HubMetrics.CLOCK, clockName, HubMetrics.COUNCIL,
                    CARMARTHENSHIRE_ONS);
            assertMoved(before, after, 3, "hub_clocks_overdue", HubMetrics.CLOCK, clockName, HubMetrics.COUNCIL,
                    CARMARTHENSHIRE_ONS);
        }
        assertMoved(before, after, 1, "hub_refusals_total", HubMetrics.STATUS, "401", HubMetrics.REASON,
                "unauthenticated", HubMetrics.AGENCY_KIND, "unknown");
        assertMoved(before, after, 1, "hub_refusals_total", HubMetrics.STATUS, "422", HubMetrics.REASON,
                "schema-violation", HubMetrics.AGENCY_KIND, "police");

        // every series the docs, the rules and the dashboard name is there, with the pool, JVM, HTTP and Camel ones
        for (String name : HubMetrics.PROMETHEUS_NAMES) {
            String sample = name.endsWith("_seconds") && name.contains("latency") ? name + "_count" : name;
            assertThat(after.names()).as("the hub exposes " + name).contains(sample);
        }
        assertThat(after.has("hub_escalation_steps_total", HubMetrics.STEP, "board-notice")).isTrue();
        assertThat(after.has("hub_operational_alerts_open", HubMetrics.CONDITION, "escalation-failing")).isTrue();
        assertThat(after.names()).contains("jvm_memory_used_bytes", "http_server_requests_seconds_count",
                "agroal_active_count", "agroal_awaiting_count", "camel_exchanges_total");
    }

    @Test
    void should_count_each_escalation_notice_by_its_step_once_fired() {
        ObjectNode report = Messages.dutyToReport();
        HubApi.send(POLICE, report).statusCode(202);
        await().atMost(WAIT).until(() -> "delivered".equals(HubApi.state(POLICE, Messages.id(report), COUNCIL)));
        Scrape before = Scrape.now();

        // every clock still running in this database runs out at once, this report's three among them; at an instant
        // of its own, so that the notices fired now are told apart in the database by their acceptance time
        Instant at = Instant.now().plus(LATER).plusMillis(new Random().nextInt(1_000_000)).truncatedTo(ChronoUnit.MILLIS);
        clock.set(at);
        try {
            escalator.fireDue();
        } finally {
            clock.release();
        }
        Database db = new Database(dataSource);
        long notices = db.count("select count(*) from message where message_type = 'escalation' and accepted_at = ?",
                Timestamp.from(at));
        long reminders = db.count("select count(distinct escalation_message_id) from escalation"
                + " where step = 'reminder' and fired_at = ?", Timestamp.from(at));
        assertThat(reminders).as("this report's reminder at least").isPositive();
        // other tests' clocks in this database may fail to escalate (a step that already fired): each is one failure
        long failures = db.count("select count(*) from audit_event where event = 'escalation-failed' and at = ?",
                Timestamp.from(at));

        Scrape after = Scrape.now();
        double fired = 0;
        // every step, a challenge's step-up too: other tests' challenges in this database may step up at this instant
        for (EscalationStep step : EscalationStep.values()) {
            fired += after.value("hub_escalation_steps_total", HubMetrics.STEP, step.wireName())
                    - before.value("hub_escalation_steps_total", HubMetrics.STEP, step.wireName());
        }
        assertThat(fired).as("notices fired, by step").isEqualTo(notices);
        assertMoved(before, after, reminders, "hub_escalation_steps_total", HubMetrics.STEP, "reminder");
        assertMoved(before, after, notices, "hub_messages_accepted_total", HubMetrics.TYPE, "escalation",
                HubMetrics.AGENCY_KIND, HubMetrics.HUB);
        assertMoved(before, after, failures, "hub_escalation_failures_total");
    }

    @Test
    void should_count_a_copy_collected_from_a_pull_inbox_as_delivered_once() {
        // Cardiff's system polls: the copy waits in its inbox until Cardiff acknowledges it
        ObjectNode report = Messages.dutyToReport();
        report.put("sender", AgencyStubs.SOUTH_WALES_POLICE);
        report.with("body").with("reporter").put("agencyId", AgencyStubs.SOUTH_WALES_POLICE);
        ((ObjectNode) report.with("body").withArray("children").get(0)).put("localAuthority", "W06000015");
        String id = Messages.id(report);
        HubApi.send(AgencyStubs.SOUTH_WALES_POLICE, report).statusCode(202);
        await().atMost(WAIT).until(() -> HubApi.inInbox(AgencyStubs.CARDIFF, id));
        Scrape before = Scrape.now();

        for (int i = 0; i < 2; i++) {
            given().header("Authorization", Tokens.bearer(AgencyStubs.CARDIFF)).post("/api/v1/inbox/" + id + "/acknowledge")
                    .then().statusCode(200);
        }

        Scrape after = Scrape.now();
        String[] reportsToCouncils = {HubMetrics.TYPE, REPORT, HubMetrics.AGENCY_KIND, "council"};
        assertMoved(before, after, 1, "hub_copies_delivered_total", reportsToCouncils);
        assertMoved(before, after, 1, "hub_delivery_latency_seconds_count", reportsToCouncils);
    }

    @Test
    void should_give_the_metrics_only_to_monitoring_and_operators() {
        given().get("/q/metrics").then().statusCode(401);
        given().header("Authorization", Tokens.bearer(POLICE)).get("/q/metrics").then().statusCode(403);
        given().header("Authorization", Tokens.forRole("bethan", "board-viewer")).get("/q/metrics").then()
                .statusCode(403);
        given().header("Authorization", Tokens.forRole("hub-prometheus", "monitoring")).get("/q/metrics").then()
                .statusCode(200).body(org.hamcrest.Matchers.containsString("hub_messages_accepted"));
        given().header("Authorization", Tokens.operator("olwen")).get("/q/metrics").then().statusCode(200);
        // Prometheus' token reads the metrics and nothing else: not as an agency, not as an operator
        String prometheus = Tokens.forRole("hub-prometheus", "monitoring");
        given().header("Authorization", prometheus).contentType("application/json")
                .body(Messages.dutyToReport().toString()).post("/api/v1/messages").then().statusCode(403);
        given().header("Authorization", prometheus).get("/api/v1/operations/dead-letters").then().statusCode(403);
    }

    @Test
    void should_name_no_agency_and_carry_no_child_data_in_any_label() {
        ObjectNode report = Messages.dutyToReport();
        HubApi.send(POLICE, report).statusCode(202);
        HubApi.send(AgencyStubs.SCHOOL, "{}").statusCode(422);
        await().atMost(WAIT).until(() -> "delivered".equals(HubApi.state(POLICE, Messages.id(report), COUNCIL)));
        gauges.refresh();
        Scrape scrape = Scrape.now();

        Set<String> agencyIds = new TreeSet<>();
        directory.all().stream().map(Agency::id).forEach(agencyIds::add);
        List<String> childData = new ArrayList<>(List.of(Messages.id(report), report.get("childReference").asText()));
        JsonNode child = report.get("body").get("children").get(0);
        for (String field : List.of("name", "dateOfBirth", "nhsNumber")) {
            childData.add(child.get(field).asText());
        }
        childData.add(child.get("address").get("postcode").asText());
        child.get("address").get("lines").forEach(line -> childData.add(line.asText()));
        childData.add(child.get("school").get("schoolNumber").asText());
        childData.add(child.get("gpPractice").get("odsCode").asText());
        childData.add(report.get("body").get("householdMembers").get(0).get("name").asText());

        List<Scrape.Sample> hub = scrape.samples().stream().filter(s -> s.name().startsWith("hub_")).toList();
        assertThat(hub).as("the flow's series").isNotEmpty();
        // every series, not only the hub's own: the HTTP, pool and Camel series must not name an agency either
        for (Scrape.Sample sample : scrape.samples()) {
            for (String value : sample.labels().values()) {
                assertThat(agencyIds).as(sample.name() + " " + sample.labels()).doesNotContain(value);
                for (String datum : childData) {
                    assertThat(value.toLowerCase()).as(sample.name() + " " + sample.labels())
                            .doesNotContain(datum.toLowerCase());
                }
            }
        }
        // nor anywhere else in the scrape: no exemplar carries a trace id (the message id), no help text an agency
        assertThat(scrape.text()).doesNotContain("trace_id").doesNotContain(Messages.id(report));
        for (String id : agencyIds) {
            assertThat(scrape.text()).as("the scrape names agency " + id).doesNotContain("\"" + id + "\"");
        }
        // bounded: every hub_ label value is a word from a short list, never free text
        hub.forEach(s -> s.labels().forEach((label, value) -> assertThat(value).as(s.name() + " " + label)
                .matches("[a-z0-9+.-]{1,48}|W06[0-9]{6}|\\+Inf")));
    }

    @Test
    void should_use_in_the_alert_rules_and_the_dashboard_only_series_the_hub_has() throws IOException {
        Set<String> exposed = new TreeSet<>(Scrape.now().names());
        for (String name : HubMetrics.PROMETHEUS_NAMES) {
            // the flow test above proves each of these is exposed once its events happen
            exposed.addAll(List.of(name, name + "_bucket", name + "_count", name + "_sum"));
        }
        JsonNode rules = new YAMLMapper().readTree(DEPLOY.resolve("prometheus/hub-alerts.yaml").toFile());
        List<String> expressions = new ArrayList<>();
        rules.get("groups").forEach(group -> group.get("rules").forEach(rule -> {
            assertThat(rule.has("alert")).as("an alerting rule").isTrue();
            assertThat(rule.path("annotations").path("summary").asText()).as(rule.get("alert").asText()).isNotBlank();
            expressions.add(rule.get("expr").asText());
        }));
        assertThat(expressions).hasSizeGreaterThanOrEqualTo(6);
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DEPLOY.resolve("grafana/hub-dashboard.json")));
        List<String> queries = new ArrayList<>();
        dashboard.get("panels").forEach(panel -> panel.path("targets").forEach(t -> queries.add(t.get("expr").asText())));
        assertThat(queries).hasSizeGreaterThanOrEqualTo(10);

        Set<String> used = new TreeSet<>();
        for (String expression : concat(expressions, queries)) {
            Matcher m = SERIES.matcher(expression);
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        assertThat(used).as("series the rules and the dashboard use").contains("hub_dead_letters_waiting",
                "hub_copies_waiting_oldest_age_seconds", "hub_clocks_overdue", "hub_escalation_failures_total");
        assertThat(exposed).containsAll(used);
    }

    private static final Pattern SERIES = Pattern.compile(
            "\\b((?:hub|jvm|agroal|http_server|camel|process|system)_[a-zA-Z0-9_]+)");

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** A scrape with the hub's clock moved on {@link #LATER}: the database gauges count today's clocks as overdue. */
    private Scrape scrapeWithClocksRunOut() {
        clock.set(Instant.now().plus(LATER));
        try {
            gauges.refresh();
            return Scrape.now();
        } finally {
            clock.release();
        }
    }

    private static void assertMoved(Scrape before, Scrape after, double by, String name, String... labels) {
        assertThat(after.value(name, labels) - before.value(name, labels))
                .as(name + " " + String.join(",", labels) + " moved by").isEqualTo(by);
    }

    private static MappingBuilder copyOf(ObjectNode message) {
        return post(urlEqualTo("/hub/messages")).atPriority(1)
                .withHeader(HubHeaders.HTTP_MESSAGE_ID, WireMock.equalTo(Messages.id(message)));
    }
}
