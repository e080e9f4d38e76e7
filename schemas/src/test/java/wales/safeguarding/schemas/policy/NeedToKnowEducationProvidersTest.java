package wales.safeguarding.schemas.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import wales.safeguarding.schemas.Examples;
import wales.safeguarding.schemas.envelope.MessageType;

/**
 * Issue 15 item 3: pupil referral units, EOTAS providers, youth justice and youth support services take part in a case
 * as the child's school does, and receive what a school receives, of every message type.
 */
class NeedToKnowEducationProvidersTest {

    private static final List<String> PROVIDERS =
            List.of("pupil-referral-unit", "eotas-provider", "youth-justice", "youth-support");
    private static final JsonNode FILE = Examples.tree(NeedToKnowPolicy.RESOURCE);

    private final NeedToKnowPolicy policy = NeedToKnowPolicy.fromClasspath();

    private static List<String> listOf(MessageType type, String kind) {
        List<String> pointers = new ArrayList<>();
        FILE.path("messageTypes").path(type.wireName()).path("receives").path(kind)
                .forEach(p -> pointers.add(p.asText()));
        return pointers;
    }

    @ParameterizedTest
    @EnumSource(MessageType.class)
    @DisplayName("issue 15 item 3: each education provider has its own entry, the school's list, for every type")
    void should_give_every_education_provider_an_explicit_entry_equal_to_the_schools(MessageType type) {
        for (String kind : PROVIDERS) {
            assertThat(NeedToKnowPolicy.RECIPIENT_KINDS).contains(kind);
            assertThat(FILE.path("messageTypes").path(type.wireName()).path("receives").path(kind).isArray())
                    .as("%s has an entry for %s", type, kind).isTrue();
            assertThat(listOf(type, kind)).as("%s / %s", type, kind).isEqualTo(listOf(type, "school"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"pupil-referral-unit", "eotas-provider", "youth-justice", "youth-support"})
    void should_give_a_provider_the_schools_part_of_a_plan_update_and_withhold_the_nhs_number(String kind) {
        ObjectNode body = (ObjectNode) Examples.valid(MessageType.PLAN_UPDATE).get("body").deepCopy();
        ((ObjectNode) body.get("child")).putArray("otherProvision").addObject()
                .put("agencyId", "carmarthenshire-youth-justice");

        JsonNode delivered = policy.bodyFor(MessageType.PLAN_UPDATE, kind, body);

        assertThat(delivered).isEqualTo(policy.bodyFor(MessageType.PLAN_UPDATE, "school", body));
        assertThat(delivered.at("/child/nhsNumber").isMissingNode()).isTrue();
        assertThat(delivered.at("/child/name").asText()).isEqualTo("Alys Enghraifft");
        // who else educates the child is the council's to tell: no pointer lists otherProvision
        assertThat(delivered.at("/child/otherProvision").isMissingNode()).isTrue();
    }
}
