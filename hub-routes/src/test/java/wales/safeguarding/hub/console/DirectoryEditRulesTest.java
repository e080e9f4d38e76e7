package wales.safeguarding.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.AgencyKind;
import wales.safeguarding.schemas.envelope.LanguagePreference;
import wales.safeguarding.schemas.validation.Violation;

/** What an admin may change in the directory, and how the change is told in the audit trail. */
class DirectoryEditRulesTest {

    private static final Agency POLICE = new Agency("police-1", AgencyKind.POLICE, Map.of("en", "Police", "cy", "Heddlu"),
            null, null, null, null, null, new Agency.Endpoint("https://police.example.org/hub?key=abc", "rest-json"),
            LanguagePreference.UNKNOWN, List.of("police-client"),
            List.of(new Agency.Contact("dsp", "Sgt A", "a@example.org")));
    private static final Agency PULLING = new Agency("council-1", AgencyKind.COUNCIL, Map.of("en", "Council"), "W06000015",
            null, null, null, null, new Agency.Endpoint(null, "pull"), LanguagePreference.EN, List.of(), List.of());

    @Test
    void should_name_each_broken_field_and_rule() {
        var request = new DirectoryEditRules.Request(Map.of("en", "", "fr", "Police"),
                new DirectoryEditRules.EndpointChange("mailto:x@example.org"), "de",
                List.of(new Agency.Contact("", "B", "b@")));
        assertThat(DirectoryEditRules.violations(request, POLICE)).extracting(Violation::pointer, Violation::rule)
                .contains(org.assertj.core.groups.Tuple.tuple("/name/en", "non-blank-max-200"),
                        org.assertj.core.groups.Tuple.tuple("/name/fr", "language"),
                        org.assertj.core.groups.Tuple.tuple("/endpoint/url", "http-url"),
                        org.assertj.core.groups.Tuple.tuple("/language", "enum"),
                        org.assertj.core.groups.Tuple.tuple("/contacts/0/role", "required"),
                        org.assertj.core.groups.Tuple.tuple("/contacts/0/email", "email"));
        assertThat(DirectoryEditRules.violations(new DirectoryEditRules.Request(null, null, null, null), POLICE))
                .extracting(Violation::rule).containsExactly("at-least-one-field");
        assertThat(DirectoryEditRules.violations(new DirectoryEditRules.Request(null,
                new DirectoryEditRules.EndpointChange("https://u:p@example.org/"), null, null), POLICE))
                .extracting(Violation::rule).containsExactly("no-credentials");
        assertThat(DirectoryEditRules.violations(new DirectoryEditRules.Request(null,
                new DirectoryEditRules.EndpointChange("https://example.org/"), null, null), PULLING))
                .extracting(Violation::rule).containsExactly("push-endpoint-only");
    }

    @Test
    void should_apply_only_the_fields_given_and_tell_the_change_without_the_url_query() {
        var request = new DirectoryEditRules.Request(Map.of("cy", "Heddlu Newydd"),
                new DirectoryEditRules.EndpointChange("https://new.example.org/hub?key=def"), "cy", null);
        assertThat(DirectoryEditRules.violations(request, POLICE)).isEmpty();

        Agency after = DirectoryEditRules.apply(request, POLICE);

        assertThat(after.name()).containsEntry("en", "Police").containsEntry("cy", "Heddlu Newydd");
        assertThat(after.endpoint()).isEqualTo(new Agency.Endpoint("https://new.example.org/hub?key=def", "rest-json"));
        assertThat(after.language()).isEqualTo(LanguagePreference.CY);
        assertThat(after.contacts()).isEqualTo(POLICE.contacts());
        assertThat(after.clientIds()).containsExactly("police-client");
        List<String> changes = DirectoryEditRules.changes(POLICE, after);
        assertThat(changes).containsExactly("name.cy: Heddlu → Heddlu Newydd",
                "endpoint.url: https://police.example.org/hub?… → https://new.example.org/hub?…", "language: unknown → cy");
        assertThat(String.join(";", changes)).doesNotContain("abc", "def");
        assertThat(DirectoryEditRules.changes(POLICE, POLICE)).isEmpty();
    }

    @Test
    void should_change_the_transport_and_give_an_endpoint_to_an_agency_without_one() {
        Agency sendOnly = new Agency("board-1", AgencyKind.SAFEGUARDING_BOARD, Map.of("en", "Board"), null, null, null,
                null, null, null, LanguagePreference.EN, List.of(), List.of());
        var toPull = new DirectoryEditRules.Request(null, new DirectoryEditRules.EndpointChange(null, "pull"), null, null);
        var toPush = new DirectoryEditRules.Request(null,
                new DirectoryEditRules.EndpointChange("https://council.example.org/hub", "rest-json"), null, null);
        var transportOnly = new DirectoryEditRules.Request(null,
                new DirectoryEditRules.EndpointChange(null, "rest-json"), null, null);

        assertThat(DirectoryEditRules.violations(toPull, POLICE)).isEmpty();
        Agency pulling = DirectoryEditRules.apply(toPull, POLICE);
        assertThat(pulling.endpoint()).isEqualTo(new Agency.Endpoint(null, "pull"));
        assertThat(DirectoryEditRules.changes(POLICE, pulling)).containsExactly(
                "endpoint.url: https://police.example.org/hub?… → null", "endpoint.transport: rest-json → pull");

        assertThat(DirectoryEditRules.violations(toPush, PULLING)).isEmpty();
        assertThat(DirectoryEditRules.apply(toPush, PULLING).endpoint())
                .isEqualTo(new Agency.Endpoint("https://council.example.org/hub", "rest-json"));
        assertThat(DirectoryEditRules.violations(toPush, sendOnly)).isEmpty();
        assertThat(DirectoryEditRules.apply(toPush, sendOnly).receives()).isTrue();

        assertThat(DirectoryEditRules.violations(transportOnly, PULLING)).extracting(Violation::pointer, Violation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/endpoint/url", "required"));
        assertThat(DirectoryEditRules.violations(new DirectoryEditRules.Request(null,
                new DirectoryEditRules.EndpointChange("https://x.example.org/", "carrier-pigeon"), null, null), POLICE))
                .extracting(Violation::rule).containsExactly("transport");
        assertThat(DirectoryEditRules.violations(new DirectoryEditRules.Request(null,
                new DirectoryEditRules.EndpointChange("https://x.example.org/"), null, null), sendOnly))
                .extracting(Violation::rule).containsExactly("push-endpoint-only");
        assertThat(DirectoryEditRules.violations(new DirectoryEditRules.Request(null,
                new DirectoryEditRules.EndpointChange(null, null), null, null), POLICE))
                .extracting(Violation::pointer).containsExactly("/endpoint");
    }
}
