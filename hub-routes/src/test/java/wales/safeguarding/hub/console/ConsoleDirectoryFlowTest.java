package wales.safeguarding.hub.console;

import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.database.Transactions;
import wales.safeguarding.hub.directory.Directory;
import wales.safeguarding.hub.directory.DirectoryStore;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.HubApi;
import wales.safeguarding.hub.support.InjectAgencyStubs;
import wales.safeguarding.hub.support.Messages;
import wales.safeguarding.hub.support.TrackingDatabaseResource;
import wales.safeguarding.schemas.spi.HubHeaders;

/** Admins edit the directory: validated, stored in the directory table, audited, and used by the next delivery. */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ConsoleDirectoryFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String POLICE = AgencyStubs.DYFED_POWYS_POLICE;
    private static final String COUNCIL = AgencyStubs.CARMARTHENSHIRE;
    private static final String PATH = Console.API + "/directory";

    @InjectAgencyStubs
    AgencyStubs agencies;

    @Inject
    Directory directory;

    @Inject
    DirectoryStore store;

    @Inject
    DataSource dataSource;

    private Agency original;

    @BeforeEach
    void fresh_stubs() {
        agencies.reset();
        original = directory.find(POLICE).orElseThrow();
    }

    @AfterEach
    void the_police_as_the_file_has_them() {
        Console.as("admin").contentType("application/json").body(Map.of("endpoint", Map.of("url",
                original.endpoint().url()), "language", original.language().code(), "name", original.name(),
                "contacts", original.contacts()))
                .put(PATH + "/agencies/" + POLICE).then().statusCode(200);
    }

    @Test
    void should_list_every_agency_with_kind_region_endpoint_language_and_contacts() {
        JsonPath list = Console.as("operator").get(PATH).then().statusCode(200).extract().jsonPath();
        String council = "find { it.id == '" + COUNCIL + "' }";
        assertThat(list.getString(council + ".kind")).isEqualTo("council");
        assertThat(list.getString(council + ".region")).isEqualTo(AgencyStubs.MID_AND_WEST_WALES_BOARD);
        assertThat(list.getString(council + ".name.cy")).isEqualTo("Gwasanaethau Plant Cyngor Sir Gâr");
        assertThat(list.getString(council + ".endpoint.transport")).isEqualTo("rest-json");
        assertThat(list.getString(council + ".endpoint.url")).isEqualTo(agencies.url(COUNCIL));
        assertThat(list.getString(council + ".language")).isEqualTo("cy");
        assertThat(list.getString(council + ".contacts[0].role")).isEqualTo("senior-safeguarding-manager");
        assertThat(list.getString("find { it.id == '" + AgencyStubs.CARDIFF + "' }.endpoint.transport")).isEqualTo("pull");
        assertThat(list.getList("kind", String.class)).contains("safeguarding-board", "police", "gp-practice", "school");
        assertThat(list.prettify()).doesNotContain("clientIds");
    }

    @Test
    void should_refuse_an_edit_naming_each_field_and_rule() {
        Console.as("admin").contentType("application/json").body("{\"language\":\"fr\",\"endpoint\":{\"url\":"
                + "\"ftp://example.org/x\"},\"name\":{\"en\":\" \"},\"contacts\":[{\"role\":\"lead\",\"name\":\"A\","
                + "\"email\":\"not-an-address\"}]}")
                .put(PATH + "/agencies/" + POLICE).then().statusCode(400).contentType("application/problem+json")
                .body("violations.pointer", hasItems("/language", "/endpoint/url", "/name/en", "/contacts/0/email"))
                .body("violations.find { it.pointer == '/endpoint/url' }.rule", equalTo("http-url"));
        Console.as("admin").contentType("application/json")
                .body("{\"endpoint\":{\"url\":\"https://user:secret@example.org/hub\"}}")
                .put(PATH + "/agencies/" + POLICE).then().statusCode(400)
                .body("violations[0].rule", equalTo("no-credentials"));
        Console.as("admin").contentType("application/json").body("{\"endpoint\":{\"url\":\"https://example.org/\"}}")
                .put(PATH + "/agencies/" + AgencyStubs.CARDIFF).then().statusCode(400)
                .body("violations[0].rule", equalTo("push-endpoint-only"));
        Console.as("operator").contentType("application/json").body("{\"language\":\"cy\"}")
                .put(PATH + "/agencies/" + POLICE).then().statusCode(403);
        assertThat(directory.find(POLICE).orElseThrow()).isEqualTo(original);
    }

    @Test
    void should_deliver_to_the_edited_endpoint_keep_the_edit_and_audit_who_changed_what() {
        String moved = agencies.url(POLICE).replace("/hub/messages", "/hub/v2/messages");
        Console.asUser("dafydd", "admin").contentType("application/json")
                .body("{\"endpoint\":{\"url\":\"" + moved + "\"},\"language\":\"cy\",\"contacts\":[{\"role\":"
                        + "\"designated-safeguarding-person\",\"name\":\"Sgt Jones\",\"email\":\"jones@example.org\"}]}")
                .put(PATH + "/agencies/" + POLICE).then().statusCode(200)
                .body("endpoint.url", equalTo(moved)).body("language", equalTo("cy"))
                .body("contacts[0].name", equalTo("Sgt Jones"));

        ObjectNode report = Messages.dutyToReport();
        String reportId = Messages.id(report);
        HubApi.send(POLICE, report).statusCode(202);
        await().atMost(WAIT).until(() -> "delivered".equals(HubApi.state(POLICE, reportId, COUNCIL)));
        ObjectNode outcome = Messages.outcomeOf(reportId);
        HubApi.send(COUNCIL, outcome).statusCode(202);
        await().atMost(WAIT).until(() -> "delivered".equals(HubApi.state(COUNCIL, Messages.id(outcome), POLICE)));
        agencies.of(POLICE).verify(exactly(1), postRequestedFor(urlEqualTo("/hub/v2/messages"))
                .withHeader(HubHeaders.HTTP_MESSAGE_ID, WireMock.equalTo(Messages.id(outcome))));

        JsonPath trail = Console.as("auditor").queryParam("actor", "dafydd").get(Console.API + "/audit").then()
                .statusCode(200).extract().jsonPath();
        assertThat(trail.getString("[0].action")).isEqualTo("directory-edit");
        assertThat(trail.getString("[0].target")).isEqualTo(POLICE);
        assertThat(trail.getString("[0].detail")).contains("endpoint.url: " + original.endpoint().url() + " → " + moved)
                .contains("language: unknown → cy").contains("contacts: ");

        // stored in the directory table, which every instance (and this one after a restart) reads; the file is not
        Agency stored = new Transactions(dataSource).inTransaction(c -> store.find(c, POLICE)).orElseThrow();
        assertThat(stored.endpoint().url()).isEqualTo(moved);
        assertThat(stored.contact("designated-safeguarding-person").orElseThrow().name()).isEqualTo("Sgt Jones");
    }
}
