package wales.safeguarding.hub.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import wales.safeguarding.schemas.envelope.CanonicalJson;

/**
 * The Wales-size reference directory ({@code deploy/directory/wales-directory.json}, written by
 * {@code benchmarks/WalesDirectory}) loads into the hub's {@link Directory} as {@code DirectoryProducer} reads it
 * (unique ids, codes and clients), has the agencies Wales has, and its schools and practices are visibly synthetic.
 */
class WalesDirectoryTest {

    static final Path FILE = Path.of("..", "deploy", "directory", "wales-directory.json");

    private static Directory directory;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = Files.newInputStream(FILE)) {
            // The same mapping as DirectoryProducer.directory(...).
            JsonNode root = CanonicalJson.mapper().readTree(in);
            List<Agency> agencies = CanonicalJson.mapper().convertValue(root.path("agencies"), new TypeReference<>() { });
            directory = new Directory(agencies);
        }
    }

    @Test
    void should_hold_every_council_education_service_force_health_board_and_board_of_wales_and_about_1900_in_all() {
        Map<AgencyKind, Long> byKind = directory.all().stream()
                .collect(Collectors.groupingBy(Agency::kind, Collectors.counting()));
        assertThat(byKind).containsExactlyInAnyOrderEntriesOf(Map.of(
                AgencyKind.COUNCIL, 22L,
                AgencyKind.EDUCATION_SERVICE, 22L,
                AgencyKind.POLICE, 4L,
                AgencyKind.HEALTH_BOARD, 7L,
                AgencyKind.SAFEGUARDING_BOARD, 6L,
                AgencyKind.SCHOOL, 1460L,
                AgencyKind.GP_PRACTICE, 380L));
        assertThat(directory.all()).hasSize(1901);
        assertThat(directory.receivers()).hasSize(1901);
    }

    @Test
    void should_give_every_council_a_police_force_and_a_safeguarding_board_that_exist_and_an_education_service() {
        List<Agency> councils = ofKind(AgencyKind.COUNCIL);
        for (Agency council : councils) {
            assertThat(directory.find(council.policeForce())).as("police force of " + council.id())
                    .map(Agency::kind).hasValue(AgencyKind.POLICE);
            assertThat(directory.safeguardingBoardOf(council)).as("board of " + council.id())
                    .map(Agency::kind).hasValue(AgencyKind.SAFEGUARDING_BOARD);
            assertThat(directory.childrensServicesFor(council.localAuthority())).as(council.localAuthority())
                    .map(Agency::id).hasValue(council.id());
            assertThat(directory.educationServiceFor(council.localAuthority())).as("education of " + council.id())
                    .isPresent();
            assertThat(council.localAuthority()).matches("W06\\d{6}");
        }
        // Every force and board covers at least one council.
        assertThat(councils.stream().map(Agency::policeForce).distinct()).hasSize(4);
        assertThat(councils.stream().map(Agency::safeguardingBoard).distinct()).hasSize(6);
        // The demo tokens' clients keep their agencies, so the benchmark can send as them.
        assertThat(directory.forClient("dyfed-powys-police")).map(Agency::id).hasValue("dyfed-powys-police");
        assertThat(directory.forClient("carmarthenshire-childrens-services")).map(Agency::localAuthority)
                .hasValue("W06000010");
    }

    @Test
    void should_have_synthetic_schools_and_practices_that_the_message_schemas_accept_and_cannot_be_real() {
        for (Agency school : ofKind(AgencyKind.SCHOOL)) {
            // Welsh school numbers start with the local authority's 3-digit code (660-682); 99 is none.
            assertThat(school.schoolNumber()).as(school.id()).matches("99\\d{5}");
            assertThat(directory.bySchoolNumber(school.schoolNumber())).map(Agency::id).hasValue(school.id());
        }
        for (Agency practice : ofKind(AgencyKind.GP_PRACTICE)) {
            // The schemas' pattern is a letter and five digits; Welsh practices start with W.
            assertThat(practice.odsCode()).as(practice.id()).matches("Z8\\d{4}");
            assertThat(practice.endpoint().transport()).as(practice.id()).isEqualTo("rest-json");
        }
        assertThat(ofKind(AgencyKind.SCHOOL)).extracting(Agency::language).extracting(Object::toString)
                .contains("cy", "en");
    }

    @Test
    void should_point_every_endpoint_at_an_example_org_host_with_a_client_and_contacts() {
        for (Agency agency : directory.all()) {
            URI url = URI.create(agency.endpoint().url());
            assertThat(url.getScheme()).as(agency.id()).isEqualTo("https");
            assertThat(url.getHost()).as(agency.id()).endsWith(".example.org");
            assertThat(agency.clientIds()).as(agency.id()).isNotEmpty();
            assertThat(agency.contacts()).as(agency.id()).isNotEmpty()
                    .allSatisfy(c -> assertThat(c.email()).endsWith(".example.org"));
            assertThat(agency.name()).as(agency.id()).containsKeys("en", "cy");
        }
        Map<String, Agency> byId = directory.all().stream().collect(Collectors.toMap(Agency::id, Function.identity()));
        assertThat(byId).hasSize(1901);
    }

    private static List<Agency> ofKind(AgencyKind kind) {
        return directory.all().stream().filter(a -> a.kind() == kind).toList();
    }
}
