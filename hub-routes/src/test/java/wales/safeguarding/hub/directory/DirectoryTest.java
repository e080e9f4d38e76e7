package wales.safeguarding.hub.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import wales.safeguarding.schemas.envelope.LanguagePreference;

class DirectoryTest {

    private static Agency agency(String id, AgencyKind kind, String la, String ods, String school, String force,
            String... clients) {
        return new Agency(id, kind, Map.of("en", id), la, ods, school, force, null,
                new Agency.Endpoint("http://127.0.0.1/" + id, "rest-json"), LanguagePreference.UNKNOWN, List.of(clients),
                List.of());
    }

    private final Directory directory = new Directory(List.of(
            agency("carmarthenshire-childrens-services", AgencyKind.COUNCIL, "W06000010", null, null, "dyfed-powys-police",
                    "carmarthenshire"),
            agency("dyfed-powys-police", AgencyKind.POLICE, null, null, null, null, "dpp"),
            agency("gp-z99001", AgencyKind.GP_PRACTICE, null, "Z99001", null, null),
            agency("school-6699001", AgencyKind.SCHOOL, null, null, "6699001", null)));

    @Test
    void should_find_childrens_services_gp_practice_school_and_police_force_by_their_codes() {
        assertThat(directory.childrensServicesFor("W06000010")).map(Agency::id).hasValue("carmarthenshire-childrens-services");
        assertThat(directory.byOdsCode("Z99001")).map(Agency::id).hasValue("gp-z99001");
        assertThat(directory.bySchoolNumber("6699001")).map(Agency::id).hasValue("school-6699001");
        assertThat(directory.policeForceFor("W06000010")).map(Agency::id).hasValue("dyfed-powys-police");
        assertThat(directory.forClient("dpp")).map(Agency::id).hasValue("dyfed-powys-police");
    }

    @Test
    void should_find_nothing_for_unknown_or_missing_codes() {
        assertThat(directory.childrensServicesFor("W06000001")).isEmpty();
        assertThat(directory.childrensServicesFor(null)).isEmpty();
        assertThat(directory.byOdsCode("A00000")).isEmpty();
        assertThat(directory.policeForceFor("W06000015")).isEmpty();
    }

    @Test
    void should_refuse_two_councils_for_one_local_authority() {
        assertThatThrownBy(() -> new Directory(List.of(
                agency("a", AgencyKind.COUNCIL, "W06000010", null, null, null),
                agency("b", AgencyKind.COUNCIL, "W06000010", null, null, null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("W06000010");
    }

    @Test
    void should_refuse_one_client_acting_for_two_agencies() {
        assertThatThrownBy(() -> new Directory(List.of(
                agency("a", AgencyKind.POLICE, null, null, null, null, "shared"),
                agency("b", AgencyKind.POLICE, null, null, null, null, "shared"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shared");
    }

    @Test
    void should_find_the_education_service_of_a_local_authority_and_refuse_two() {
        Directory withEducation = new Directory(List.of(
                agency("carmarthenshire-childrens-services", AgencyKind.COUNCIL, "W06000010", null, null, null),
                agency("carmarthenshire-education-service", AgencyKind.EDUCATION_SERVICE, "W06000010", null, null, null)));

        assertThat(withEducation.educationServiceFor("W06000010")).map(Agency::id)
                .hasValue("carmarthenshire-education-service");
        assertThat(withEducation.childrensServicesFor("W06000010")).map(Agency::id)
                .hasValue("carmarthenshire-childrens-services");
        assertThat(withEducation.educationServiceFor("W06000015")).isEmpty();
        assertThat(withEducation.educationServiceFor(null)).isEmpty();
        assertThatThrownBy(() -> new Directory(List.of(
                agency("a", AgencyKind.EDUCATION_SERVICE, "W06000010", null, null, null),
                agency("b", AgencyKind.EDUCATION_SERVICE, "W06000010", null, null, null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("W06000010");
        assertThat(AgencyKind.fromWireName("education-service")).isEqualTo(AgencyKind.EDUCATION_SERVICE);
    }
}
