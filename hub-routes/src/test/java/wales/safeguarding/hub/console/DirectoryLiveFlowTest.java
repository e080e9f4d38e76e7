package wales.safeguarding.hub.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.Directory;
import wales.safeguarding.hub.directory.DirectoryChanged;
import wales.safeguarding.hub.directory.DirectoryProducer;
import wales.safeguarding.hub.directory.DirectoryRefresher;
import wales.safeguarding.hub.directory.DirectoryStore;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.Database;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.TrackingDatabaseResource;
import wales.safeguarding.schemas.envelope.CanonicalJson;

/**
 * The directory as data: an import shows what it adds, changes and removes and changes nothing on a dry run; applied,
 * it is audited and used at once; admins add and remove agencies; a change made through one hub instance reaches
 * another (a second refresher on the same database) within seconds.
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class DirectoryLiveFlowTest {

    private static final String PATH = Console.API + "/directory";
    private static final String NEW_SCHOOL = "school-6699777";
    private static final String RENAMED = AgencyStubs.GP;
    private static final String DROPPED = AgencyStubs.SECOND_SCHOOL;
    /** What the requirement allows: every instance uses a change within 5 seconds. */
    private static final Duration LIVE = Duration.ofSeconds(5);

    @Inject
    Directory directory;

    @Inject
    DirectoryStore store;

    @Inject
    DirectoryProducer running;

    @Inject
    DataSource dataSource;

    private JsonNode original;

    @BeforeEach
    void the_directory_as_the_file_has_it() throws Exception {
        String location = ConfigProvider.getConfig().getValue("hub.directory.location", String.class);
        original = CanonicalJson.mapper().readTree(Files.readString(Path.of(location)));
        importFile(original, false, "setup-admin").statusCode(200);
    }

    @AfterEach
    void back_to_the_file() {
        importFile(original, false, "setup-admin").statusCode(200);
        assertThat(directory.find(DROPPED)).isPresent();
        assertThat(directory.find(NEW_SCHOOL)).isEmpty();
    }

    @Test
    void should_show_what_an_import_adds_changes_and_removes_change_nothing_on_a_dry_run_then_apply_and_audit_it() {
        ObjectNode file = original.deepCopy();
        ArrayNode agencies = (ArrayNode) file.get("agencies");
        for (int i = 0; i < agencies.size(); i++) {
            if (agencies.get(i).path("id").asText().equals(RENAMED)) {
                ((ObjectNode) agencies.get(i).get("name")).put("en", "Renamed Surgery");
                ((ObjectNode) agencies.get(i)).put("language", "cy");
            }
        }
        removeAgency(agencies, DROPPED);
        agencies.add(newSchool());
        long version = version();

        JsonPath dryRun = importFile(file, true, "gwen").statusCode(200).extract().jsonPath();

        assertThat(dryRun.getBoolean("dryRun")).isTrue();
        assertThat(dryRun.getBoolean("applied")).isFalse();
        assertThat(dryRun.getList("added", String.class)).containsExactly(NEW_SCHOOL);
        assertThat(dryRun.getList("removed", String.class)).containsExactly(DROPPED);
        assertThat(dryRun.getList("changed.id", String.class)).containsExactly(RENAMED);
        assertThat(dryRun.getList("changed[0].changes", String.class)).containsExactly(
                "name.en: " + directory.find(RENAMED).orElseThrow().name().get("en") + " → Renamed Surgery",
                "language: " + directory.find(RENAMED).orElseThrow().language().code() + " → cy");
        assertThat(version()).isEqualTo(version);
        assertThat(directory.find(NEW_SCHOOL)).isEmpty();
        assertThat(directory.find(DROPPED)).isPresent();
        assertThat(trail("gwen")).isEmpty();

        JsonPath applied = importFile(file, false, "gwen").statusCode(200).extract().jsonPath();

        assertThat(applied.getBoolean("applied")).isTrue();
        assertThat(applied.getLong("version")).isEqualTo(version + 1);
        assertThat(version()).isEqualTo(version + 1);
        assertThat(directory.find(NEW_SCHOOL).orElseThrow().endpoint().url())
                .isEqualTo("https://school-6699777.example.org/hub");
        assertThat(directory.bySchoolNumber("6699777")).map(Agency::id).hasValue(NEW_SCHOOL);
        assertThat(directory.find(DROPPED)).isEmpty();
        assertThat(directory.find(RENAMED).orElseThrow().name().get("en")).isEqualTo("Renamed Surgery");
        JsonPath trail = Console.as("auditor").queryParam("actor", "gwen").get(Console.API + "/audit").then()
                .statusCode(200).extract().jsonPath();
        assertThat(trail.getList("action", String.class)).containsOnly("directory-import").hasSize(4);
        assertThat(trail.getString("find { it.target == '" + RENAMED + "' }.detail"))
                .contains("name.en: ").contains("→ Renamed Surgery").contains("language: ");
        assertThat(trail.getString("find { it.target == '" + NEW_SCHOOL + "' }.detail")).startsWith("added: ")
                .contains("schoolNumber: null → 6699777");
        assertThat(trail.getString("find { it.target == '" + DROPPED + "' }.detail")).startsWith("removed: ");
        assertThat(trail.getString("find { it.target == null }.detail")).contains("1 added, 1 changed, 1 removed");

        JsonPath again = importFile(file, false, "gwen").statusCode(200).extract().jsonPath();

        assertThat(again.getBoolean("applied")).isFalse();
        assertThat(again.getList("added")).isEmpty();
        assertThat(again.getList("changed")).isEmpty();
        assertThat(again.getList("removed")).isEmpty();
        assertThat(again.getInt("unchanged")).isEqualTo(agencies.size());
        assertThat(version()).isEqualTo(version + 1);
        assertThat(trail("gwen")).hasSize(4);
    }

    @Test
    void should_refuse_a_file_that_breaks_the_directory_naming_the_agency_and_rule_and_change_nothing() {
        ObjectNode file = original.deepCopy();
        ArrayNode agencies = (ArrayNode) file.get("agencies");
        ObjectNode twin = newSchool();
        twin.put("schoolNumber", "6699001");
        agencies.add(twin);
        removeAgency(agencies, AgencyStubs.DYFED_POWYS_POLICE);
        long version = version();

        importFile(file, false, "gareth").statusCode(400).contentType("application/problem+json")
                .body("violations.rule", hasItem("unique-school-number"))
                .body("violations.rule", hasItem("known-agency"))
                .body("violations.find { it.rule == 'unique-school-number' }.message",
                        equalTo("agency '" + NEW_SCHOOL + "': school number '6699001' is also given to '"
                                + AgencyStubs.SCHOOL + "'"))
                .body("violations.find { it.rule == 'known-agency' }.message",
                        equalTo("agency '" + AgencyStubs.CARMARTHENSHIRE + "': its police force '"
                                + AgencyStubs.DYFED_POWYS_POLICE + "' is not in the directory"));

        assertThat(version()).isEqualTo(version);
        assertThat(directory.find(NEW_SCHOOL)).isEmpty();
        assertThat(directory.find(AgencyStubs.DYFED_POWYS_POLICE)).isPresent();
        Console.as("operator").contentType("application/json").body(original.toString())
                .post(PATH + "/import").then().statusCode(403);
    }

    @Test
    void should_add_an_agency_give_it_an_endpoint_and_remove_it_but_not_one_another_names() {
        ObjectNode school = newSchool();
        school.remove("endpoint");
        Console.asUser("glenys", "admin").contentType("application/json").body(school.toString())
                .post(PATH + "/agencies").then().statusCode(201).body("id", equalTo(NEW_SCHOOL));
        assertThat(directory.find(NEW_SCHOOL).orElseThrow().receives()).isFalse();
        Console.as("admin").contentType("application/json").body(school.toString())
                .post(PATH + "/agencies").then().statusCode(400).body("violations.rule", hasItem("unique-id"));

        Console.asUser("glenys", "admin").contentType("application/json")
                .body("{\"endpoint\":{\"url\":\"https://new-school.example.org/hub\","
                        + "\"transport\":\"signed-webhook\"}}")
                .put(PATH + "/agencies/" + NEW_SCHOOL).then().statusCode(200)
                .body("endpoint.transport", equalTo("signed-webhook"));
        assertThat(directory.receivers()).extracting(Agency::id).contains(NEW_SCHOOL);

        Console.as("admin").delete(PATH + "/agencies/" + AgencyStubs.DYFED_POWYS_POLICE).then().statusCode(409)
                .body("violations[0].pointer", equalTo("/agencies/" + AgencyStubs.CARMARTHENSHIRE + "/policeForce"))
                .body("violations[0].rule", equalTo("still-named"));
        Console.asUser("glenys", "admin").delete(PATH + "/agencies/" + NEW_SCHOOL).then().statusCode(204);
        Console.as("admin").delete(PATH + "/agencies/" + NEW_SCHOOL).then().statusCode(404);
        Console.as("operator").delete(PATH + "/agencies/" + AgencyStubs.GP).then().statusCode(403);

        assertThat(directory.find(NEW_SCHOOL)).isEmpty();
        assertThat(trail("glenys")).containsExactly("directory-remove", "directory-edit", "directory-add");
    }

    @Test
    void should_bring_an_edit_made_through_one_instance_to_another_within_seconds() {
        List<DirectoryChanged> seen = new CopyOnWriteArrayList<>();
        try (DirectoryRefresher other = new DirectoryRefresher(new Directory(List.of()), 0, dataSource, store,
                running.resolver(), seen::add)) {
            other.start(Duration.ofMillis(200), "other-instance-directory");
            // the first load is told to the listener after the directory is swapped: wait for both before clearing
            await().atMost(LIVE).until(() -> other.directory().all().size() == directory.all().size()
                    && seen.stream().anyMatch(change -> !change.added().isEmpty()));
            seen.clear();
            long version = version();

            Console.as("admin").contentType("application/json").body("{\"language\":\"en\",\"name\":{\"cy\":\"Meddygfa"
                    + " Newydd\"}}").put(PATH + "/agencies/" + RENAMED).then().statusCode(200);

            assertThat(version()).isEqualTo(version + 1);
            await().atMost(LIVE).untilAsserted(() -> assertThat(other.directory().find(RENAMED).orElseThrow().name())
                    .containsEntry("cy", "Meddygfa Newydd"));
            assertThat(other.version()).isEqualTo(version + 1);
            assertThat(other.directory().find(RENAMED)).isEqualTo(directory.find(RENAMED));
            assertThat(seen).containsExactly(new DirectoryChanged(Set.of(), Set.of(RENAMED), Set.of()));
        }
    }

    private static io.restassured.response.ValidatableResponse importFile(JsonNode file, boolean dryRun, String user) {
        return Console.asUser(user, "admin").contentType("application/json").queryParam("dry-run", dryRun)
                .body(file.toString()).post(PATH + "/import").then();
    }

    private long version() {
        return new Database(dataSource).count("select version from directory_version");
    }

    /** The actions of {@code actor} in the console's audit trail, newest first. */
    private static List<String> trail(String actor) {
        return Console.as("auditor").queryParam("actor", actor).get(Console.API + "/audit").then().statusCode(200)
                .extract().jsonPath().getList("action", String.class);
    }

    private static void removeAgency(ArrayNode agencies, String id) {
        for (int i = 0; i < agencies.size(); i++) {
            if (agencies.get(i).path("id").asText().equals(id)) {
                agencies.remove(i);
                return;
            }
        }
        throw new IllegalArgumentException("no " + id + " in the test directory");
    }

    private static ObjectNode newSchool() {
        ObjectNode school = CanonicalJson.mapper().createObjectNode();
        school.put("id", NEW_SCHOOL).put("kind", "school").put("schoolNumber", "6699777").put("language", "en");
        school.putObject("name").put("en", "Synthetic Primary School").put("cy", "Ysgol Gynradd Synthetig");
        school.putObject("endpoint").put("url", "https://school-6699777.example.org/hub").put("transport", "rest-json");
        school.putArray("clientIds").add("school-6699777");
        school.putArray("contacts").addObject().put("role", "designated-safeguarding-person").put("name", "A Teacher")
                .put("email", "dsp@school-6699777.example.org");
        return school;
    }
}
