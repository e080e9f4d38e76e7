package wales.safeguarding.adapters.gpfhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.validation.CanonicalValidator;

/** Canonical example → the exact FHIR message sent to the practice, one golden file per mapped type. */
class GpOutboundGoldenTest {

    private final GpFhirAdapter adapter = new GpFhirAdapter(Examples.CLOCK);

    @ParameterizedTest
    @ValueSource(strings = {"conference-invitation", "outline-plan", "conference-minutes", "register-change",
            "section-47-determination", "conference-cancellation"})
    void should_map_each_canonical_example_to_its_golden_fhir_message(String type) {
        String sent = sentJson(Examples.valid(type));
        Golden.assertMatches("outbound/" + type + ".json", sent);
    }

    @Test
    void should_map_a_removal_from_the_register_to_its_golden_fhir_message() throws Exception {
        byte[] removal = Examples.resource("/canonical/register-change-removed.json");
        JsonNode tree = CanonicalJson.mapper().readTree(removal);
        assertThat(CanonicalValidator.fromClasspath().validate(tree)).as("the fixture is a valid canonical message").isEmpty();
        Golden.assertMatches("outbound/register-change-removed.json", sentJson(removal));
    }

    private String sentJson(byte[] canonical) {
        return new String(adapter.toAgencyRequest(canonical, Examples.GP).body(), StandardCharsets.UTF_8);
    }
}
