package wales.safeguarding.hub.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import wales.safeguarding.schemas.envelope.LanguagePreference;
import wales.safeguarding.schemas.validation.Violation;

/**
 * Issue 15 item 3: the directory's education providers other than schools (pupil referral units, EOTAS providers,
 * youth justice and youth support services), each serving a local authority.
 */
class DirectoryRulesEducationProvidersTest {

    private static final Set<String> TRANSPORTS = Set.of("rest-json", "pull");

    private static Agency agency(String id, AgencyKind kind, String la, String school) {
        return new Agency(id, kind, Map.of("en", id, "cy", id), la, null, school, null, null,
                new Agency.Endpoint(null, "pull"), LanguagePreference.UNKNOWN, List.of(id),
                List.of(new Agency.Contact("designated-safeguarding-person", "A Person", "a@example.org")));
    }

    @Test
    @DisplayName("issue 15 item 3: the four kinds have the names a practitioner recognises")
    void should_read_and_write_the_four_kinds_by_their_wire_names() {
        assertThat(AgencyKind.EDUCATION_PROVIDERS).extracting(AgencyKind::wireName).containsExactlyInAnyOrder(
                "pupil-referral-unit", "eotas-provider", "youth-justice", "youth-support");
        for (AgencyKind kind : AgencyKind.EDUCATION_PROVIDERS) {
            assertThat(AgencyKind.fromWireName(kind.wireName())).isEqualTo(kind);
            assertThat(kind.educationProvider()).isTrue();
        }
        assertThat(AgencyKind.SCHOOL.educationProvider()).isFalse();
        assertThat(AgencyKind.EDUCATION_SERVICE.educationProvider()).isFalse();
    }

    @Test
    void should_accept_a_pupil_referral_unit_with_a_school_number_and_providers_naming_their_local_authority() {
        List<Agency> agencies = List.of(agency("pru", AgencyKind.PUPIL_REFERRAL_UNIT, "W06000010", "6691100"),
                agency("eotas", AgencyKind.EOTAS_PROVIDER, "W06000010", null),
                agency("yjs", AgencyKind.YOUTH_JUSTICE, "W06000010", null),
                agency("yss", AgencyKind.YOUTH_SUPPORT, "W06000010", null),
                // a local authority may have several of each (two PRUs, several EOTAS providers)
                agency("pru-2", AgencyKind.PUPIL_REFERRAL_UNIT, "W06000010", null));

        assertThat(DirectoryRules.violations(agencies, TRANSPORTS)).isEmpty();
        Directory directory = new Directory(agencies);
        assertThat(directory.bySchoolNumber("6691100")).map(Agency::id).hasValue("pru");
    }

    @ParameterizedTest
    @EnumSource(value = AgencyKind.class, names = {"PUPIL_REFERRAL_UNIT", "EOTAS_PROVIDER", "YOUTH_JUSTICE",
        "YOUTH_SUPPORT"})
    void should_refuse_a_provider_that_names_no_local_authority_or_a_malformed_one(AgencyKind kind) {
        List<Agency> agencies = List.of(agency("none", kind, null, null), agency("bad", kind, "Carmarthenshire", null));

        List<Violation> found = DirectoryRules.violations(agencies, TRANSPORTS);

        assertThat(found).extracting(Violation::pointer, Violation::rule).containsExactly(
                tuple("/agencies/0/localAuthority", "provider-local-authority"),
                tuple("/agencies/1/localAuthority", "provider-local-authority"));
        assertThat(found.get(0).message()).startsWith("agency 'none': ").contains(kind.wireName());
    }

    @ParameterizedTest
    @EnumSource(value = AgencyKind.class, names = {"EOTAS_PROVIDER", "YOUTH_JUSTICE", "YOUTH_SUPPORT"})
    void should_refuse_a_school_number_on_a_provider_other_than_a_pupil_referral_unit(AgencyKind kind) {
        List<Violation> found = DirectoryRules.violations(List.of(agency("p", kind, "W06000010", "6691101")),
                TRANSPORTS);

        assertThat(found).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/agencies/0/schoolNumber", "school-number-kind"));
    }

    @Test
    void should_refuse_a_pupil_referral_unit_whose_school_number_a_school_has() {
        List<Agency> agencies = new ArrayList<>();
        agencies.add(agency("school", AgencyKind.SCHOOL, null, "6691100"));
        agencies.add(agency("pru", AgencyKind.PUPIL_REFERRAL_UNIT, "W06000010", "6691100"));

        assertThat(DirectoryRules.violations(agencies, TRANSPORTS)).extracting(Violation::pointer, Violation::rule)
                .containsExactly(tuple("/agencies/1/schoolNumber", "unique-school-number"));
    }
}
