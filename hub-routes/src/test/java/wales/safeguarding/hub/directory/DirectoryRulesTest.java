package wales.safeguarding.hub.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.LanguagePreference;
import wales.safeguarding.schemas.validation.Violation;

/** What makes a directory valid, and what an import would add, change and remove. */
class DirectoryRulesTest {

    private static final Set<String> TRANSPORTS = Set.of("rest-json", "signed-webhook", "pull");

    private static Agency agency(String id, AgencyKind kind, String la, String ods, String school, String force,
            String board, String... clients) {
        return new Agency(id, kind, Map.of("en", id), la, ods, school, force, board,
                new Agency.Endpoint("https://" + id + ".example.org/hub", "rest-json"), LanguagePreference.UNKNOWN,
                List.of(clients), List.of(new Agency.Contact("dsp", "A Person", "a@example.org")));
    }

    private static final Agency COUNCIL = agency("council-a", AgencyKind.COUNCIL, "W06000010", null, null, "police-a",
            "board-a", "council-a");
    private static final Agency POLICE = agency("police-a", AgencyKind.POLICE, null, null, null, null, null,
            "police-a");
    private static final Agency BOARD = agency("board-a", AgencyKind.SAFEGUARDING_BOARD, null, null, null, null, null);
    private static final Agency SCHOOL = agency("school-1", AgencyKind.SCHOOL, null, null, "6699001", null, null);
    private static final List<Agency> DIRECTORY = List.of(COUNCIL, POLICE, BOARD, SCHOOL);

    @Test
    void should_accept_a_consistent_directory_with_relative_and_pull_endpoints() {
        List<Agency> agencies = new ArrayList<>(DIRECTORY);
        agencies.add(agency("gp-1", AgencyKind.GP_PRACTICE, null, "Z1", null, null, null)
                .withEndpoint(new Agency.Endpoint("/demo/inbox/gp-1", "rest-json")));
        agencies.add(agency("council-b", AgencyKind.COUNCIL, "W06000015", null, null, null, null)
                .withEndpoint(new Agency.Endpoint(null, "pull")));

        assertThat(DirectoryRules.violations(agencies, TRANSPORTS)).isEmpty();
    }

    @Test
    void should_refuse_an_unknown_health_board_and_two_health_visiting_or_school_nursing_services_for_one_area() {
        Agency council = new Agency("council-h", AgencyKind.COUNCIL, Map.of("en", "council-h"), "W06000015", null,
                null, null, null, null, LanguagePreference.UNKNOWN, List.of(), List.of(), "health-board-x");
        List<Agency> agencies = new ArrayList<>(DIRECTORY);
        agencies.add(council);
        agencies.add(agency("hv-1", AgencyKind.HEALTH_VISITING, "W06000015", null, null, null, null));
        agencies.add(agency("hv-2", AgencyKind.HEALTH_VISITING, "W06000015", null, null, null, null));
        agencies.add(agency("sn-1", AgencyKind.SCHOOL_NURSING, "W06000015", null, null, null, null));
        agencies.add(agency("sn-2", AgencyKind.SCHOOL_NURSING, "W06000015", null, null, null, null));

        assertThat(DirectoryRules.violations(agencies, TRANSPORTS)).extracting(Violation::pointer, Violation::rule)
                .containsExactlyInAnyOrder(tuple("/agencies/6/localAuthority", "unique-health-visiting"),
                        tuple("/agencies/8/localAuthority", "unique-school-nursing"),
                        tuple("/agencies/4/healthBoard", "known-agency"));
        assertThat(DirectoryRules.namedBy("health-board-x", agencies)).extracting(Violation::rule)
                .containsExactly("still-named");
    }

    @Test
    void should_name_the_agency_and_rule_of_each_duplicate_and_unknown_reference() {
        List<Agency> agencies = List.of(COUNCIL, POLICE, BOARD, SCHOOL,
                agency("police-a", AgencyKind.POLICE, null, null, null, null, null),
                agency("council-b", AgencyKind.COUNCIL, "W06000010", null, null, "police-x", null, "police-a"),
                agency("school-2", AgencyKind.SCHOOL, null, null, "6699001", null, "board-x"),
                agency("gp-1", AgencyKind.GP_PRACTICE, null, "Z1", null, null, null),
                agency("gp-2", AgencyKind.GP_PRACTICE, null, "Z1", null, null, null));

        List<Violation> found = DirectoryRules.violations(agencies, TRANSPORTS);

        assertThat(found).extracting(Violation::pointer, Violation::rule).containsExactlyInAnyOrder(
                tuple("/agencies/4/id", "unique-id"),
                tuple("/agencies/5/localAuthority", "unique-local-authority"),
                tuple("/agencies/5/clientIds/0", "unique-client-id"),
                tuple("/agencies/6/schoolNumber", "unique-school-number"),
                tuple("/agencies/8/odsCode", "unique-ods-code"),
                tuple("/agencies/5/policeForce", "known-agency"),
                tuple("/agencies/6/safeguardingBoard", "known-agency"));
        assertThat(found).filteredOn(v -> v.rule().equals("unique-client-id")).extracting(Violation::message)
                .containsExactly("agency 'council-b': client 'police-a' is also given to 'police-a'");
    }

    @Test
    void should_refuse_bad_fields_of_an_agency() {
        Agency bad = new Agency("bad id", null, Map.of("fr", "Nom"), null, null, null, null, null,
                new Agency.Endpoint("https://user:pw@example.org/", "rest-json"), null, List.of(),
                List.of(new Agency.Contact("", "B", "b@")));
        Agency noUrl = agency("gp-1", AgencyKind.GP_PRACTICE, null, null, null, null, null)
                .withEndpoint(new Agency.Endpoint(null, "rest-json"));
        Agency badTransport = agency("gp-2", AgencyKind.GP_PRACTICE, null, null, null, null, null)
                .withEndpoint(new Agency.Endpoint("https://gp.example.org/", "carrier-pigeon"));

        assertThat(DirectoryRules.violations(List.of(bad, noUrl, badTransport), TRANSPORTS))
                .extracting(Violation::pointer, Violation::rule).containsExactlyInAnyOrder(
                        tuple("/agencies/0/id", "id-pattern"),
                        tuple("/agencies/0/kind", "required"),
                        tuple("/agencies/0/name", "required"),
                        tuple("/agencies/0/name/fr", "language"),
                        tuple("/agencies/0/endpoint/url", "no-credentials"),
                        tuple("/agencies/0/contacts/0/role", "required"),
                        tuple("/agencies/0/contacts/0/email", "email"),
                        tuple("/agencies/1/endpoint/url", "required"),
                        tuple("/agencies/2/endpoint/transport", "transport"));
    }

    @Test
    void should_report_what_an_import_adds_changes_field_by_field_and_removes() {
        Agency movedPolice = POLICE.withEndpoint(new Agency.Endpoint("https://new.example.org/hub?key=s3cret",
                "signed-webhook"));
        Agency school2 = agency("school-2", AgencyKind.SCHOOL, null, null, "6699002", null, null);

        DirectoryRules.Diff diff = DirectoryRules.diff(DIRECTORY, List.of(COUNCIL, movedPolice, BOARD, school2));

        assertThat(diff.added()).containsExactly("school-2");
        assertThat(diff.removed()).containsExactly("school-1");
        assertThat(diff.unchanged()).isEqualTo(2);
        assertThat(diff.changed()).containsOnlyKeys("police-a");
        assertThat(diff.changed().get("police-a")).containsExactly(
                "endpoint.url: https://police-a.example.org/hub → https://new.example.org/hub?…",
                "endpoint.transport: rest-json → signed-webhook");
        assertThat(String.join(";", diff.changed().get("police-a"))).doesNotContain("s3cret");
        assertThat(DirectoryRules.diff(DIRECTORY, DIRECTORY).isEmpty()).isTrue();
    }

    @Test
    void should_tell_a_change_of_only_the_url_query_without_showing_it() {
        Agency before = POLICE.withEndpoint(new Agency.Endpoint("https://p.example.org/hub?key=a", "rest-json"));
        Agency after = POLICE.withEndpoint(new Agency.Endpoint("https://p.example.org/hub?key=b", "rest-json"));

        assertThat(DirectoryRules.changes(before, after))
                .containsExactly("endpoint.url: the query changed (not shown)");
    }

    @Test
    void should_name_each_agency_that_still_names_one_being_removed() {
        assertThat(DirectoryRules.namedBy("police-a", DIRECTORY)).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/agencies/council-a/policeForce", "still-named"));
        assertThat(DirectoryRules.namedBy("board-a", DIRECTORY)).extracting(Violation::message)
                .containsExactly("agency 'council-a' names 'board-a' as its safeguarding board");
        assertThat(DirectoryRules.namedBy("school-1", DIRECTORY)).isEmpty();
    }

    @Test
    void should_read_each_agency_of_a_file_on_its_own_and_name_the_unreadable_one() throws Exception {
        JsonNode file = CanonicalJson.mapper().readTree("""
                {"agencies": [
                  {"id": "police-a", "kind": "police", "name": {"en": "Police"}},
                  {"id": "odd-1", "kind": "spaceship", "name": {"en": "Odd"}}
                ]}""");

        DirectoryFile.Parsed parsed = DirectoryFile.parse(file);

        assertThat(parsed.agencies()).extracting(Agency::id).containsExactly("police-a");
        assertThat(parsed.violations()).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/agencies/1", "agency"));
        assertThat(parsed.violations().get(0).message()).startsWith("agency 'odd-1' cannot be read");
        assertThat(DirectoryFile.parse(CanonicalJson.mapper().readTree("{}")).violations())
                .extracting(Violation::rule).containsExactly("required");
    }

    @Test
    void should_resolve_only_relative_push_urls_against_the_base_url() {
        var resolve = DirectoryFile.resolvingAgainst("http://127.0.0.1:8480");
        Agency relative = POLICE.withEndpoint(new Agency.Endpoint("/demo/inbox/police-a", "rest-json"));
        Agency pull = POLICE.withEndpoint(new Agency.Endpoint(null, "pull"));

        assertThat(resolve.apply(relative).endpoint().url()).isEqualTo("http://127.0.0.1:8480/demo/inbox/police-a");
        assertThat(resolve.apply(POLICE)).isEqualTo(POLICE);
        assertThat(resolve.apply(pull)).isEqualTo(pull);
    }

    @Test
    void should_tell_observers_which_agencies_were_added_changed_and_removed() {
        Agency renamed = new Agency(BOARD.id(), BOARD.kind(), Map.of("en", "New board"), null, null, null, null, null,
                BOARD.endpoint(), BOARD.language(), BOARD.clientIds(), BOARD.contacts());
        Agency school2 = agency("school-2", AgencyKind.SCHOOL, null, null, "6699002", null, null);

        DirectoryChanged change = DirectoryChanged.between(DIRECTORY, List.of(COUNCIL, POLICE, renamed, school2));

        assertThat(change.added()).containsExactly("school-2");
        assertThat(change.changed()).containsExactly("board-a");
        assertThat(change.removed()).containsExactly("school-1");
        assertThat(DirectoryChanged.between(DIRECTORY, DIRECTORY).isEmpty()).isTrue();
    }

    @Test
    void should_swap_a_whole_new_version_and_keep_the_old_one_when_the_new_one_is_refused() {
        Directory directory = new Directory(DIRECTORY);

        directory.replaceAll(List.of(COUNCIL, POLICE, BOARD));
        assertThat(directory.bySchoolNumber("6699001")).isEmpty();
        assertThat(directory.all()).hasSize(3);

        assertThatThrownBy(() -> directory.replaceAll(List.of(POLICE, POLICE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("police-a");
        assertThat(directory.all()).extracting(Agency::id).containsExactly("council-a", "police-a", "board-a");
    }
}
