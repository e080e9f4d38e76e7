package wales.safeguarding.hub.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.LanguagePreference;
import wales.safeguarding.schemas.validation.Violation;

/** The intake's check of a child's otherProvision ("refuse at intake what cannot be delivered later"). */
class EducationProvidersTest {

    private static Agency agency(String id, AgencyKind kind, Agency.Endpoint endpoint) {
        return new Agency(id, kind, Map.of("en", id), "W06000010", null, null, null, null, endpoint,
                LanguagePreference.UNKNOWN, List.of(id), List.of());
    }

    private static final Agency.Endpoint PULL = new Agency.Endpoint(null, "pull");
    private static final Directory DIRECTORY = new Directory(List.of(
            agency("pru", AgencyKind.PUPIL_REFERRAL_UNIT, PULL), agency("yjs", AgencyKind.YOUTH_JUSTICE, PULL),
            agency("yss", AgencyKind.YOUTH_SUPPORT, null), agency("school", AgencyKind.SCHOOL, PULL)));

    private static JsonNode body(String json) {
        try {
            return CanonicalJson.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void should_accept_providers_of_the_four_kinds_with_an_endpoint_wherever_the_child_is() {
        JsonNode body = body("""
                {"child": {"otherProvision": [{"agencyId": "pru"}, {"agencyId": "yjs"}]},
                 "children": [{"child": {"otherProvision": [{"agencyId": "pru"}]}}]}""");

        assertThat(EducationProviders.violations(body, DIRECTORY::find)).isEmpty();
    }

    @Test
    @DisplayName("refuse at intake what cannot be delivered later: unknown, not a provider, or no endpoint")
    void should_refuse_an_unknown_provider_a_school_and_one_without_endpoint_naming_each_pointer() {
        JsonNode body = body("""
                {"children": [{"name": "A"}, {"otherProvision": [{"agencyId": "pru"}, {"agencyId": "nobody"},
                  {"agencyId": "school"}, {"agencyId": "yss"}]}]}""");

        List<Violation> found = EducationProviders.violations(body, DIRECTORY::find);

        assertThat(found).extracting(Violation::pointer, Violation::rule).containsExactly(
                tuple("/body/children/1/otherProvision/1/agencyId", "education-provider"),
                tuple("/body/children/1/otherProvision/2/agencyId", "education-provider"),
                tuple("/body/children/1/otherProvision/3/agencyId", "education-provider"));
        assertThat(found.get(0).message()).contains("'nobody' is not in the directory");
        assertThat(found.get(1).message()).contains("is a school").contains("named in school");
        assertThat(found.get(2).message()).contains("no endpoint");
    }

    @Test
    void should_route_only_the_known_providers_each_once() {
        assertThat(EducationProviders.known(List.of("yjs", "school", "gone", "yjs", "pru"), DIRECTORY::find))
                .containsExactly("yjs", "pru");
        assertThat(EducationProviders.known(null, DIRECTORY::find)).isEmpty();
    }
}
