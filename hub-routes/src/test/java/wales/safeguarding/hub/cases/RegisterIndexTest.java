package wales.safeguarding.hub.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import wales.safeguarding.hub.rules.ChildFingerprints;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.Language;
import wales.safeguarding.schemas.envelope.MessageType;

/** What the register index reads from a register message: the child it names and the day it is registered from. */
class RegisterIndexTest {

    private static final String NHS = "9990000018";
    private static final String ONE = "test-only-child-key-number-one-never-in-production";

    @Test
    void the_child_a_register_message_names_is_found_under_the_key_the_case_stores() throws Exception {
        ChildFingerprints keys = ChildFingerprints.of("one", Map.of("one", ONE));
        JsonNode body = CanonicalJson.mapper().readTree("""
                {"change": "added", "child": {"name": "Alys Enghraifft", "dateOfBirth": "2016-04-12",
                 "nhsNumber": "9990000018", "localAuthority": "W06000010"}}""");
        String key = keys.of("Alys Enghraifft", LocalDate.parse("2016-04-12"));
        var child = RegisterIndex.childNamed(body, key, keys);
        assertThat(child).isPresent();
        assertThat(child.get().nhsNumber()).isEqualTo(NHS);
        assertThat(child.get().localAuthority()).isEqualTo("W06000010");
        assertThat(RegisterIndex.childNamed(body, "another", keys)).isEmpty();
        JsonNode siblings = CanonicalJson.mapper().readTree("""
                {"children": [{"name": "Alys", "dateOfBirth": "2016-04-12", "childReference": "C-1"},
                              {"name": "Bryn", "dateOfBirth": "2018-01-02", "childReference": "C-2",
                               "nhsNumber": "9990000026"}]}""");
        assertThat(RegisterIndex.childNamed(siblings, "C-2", keys).map(c -> c.name())).contains("Bryn");
        assertThat(RegisterIndex.childNamed(siblings, "", keys)).isEmpty();
    }

    private static Envelope message(MessageType type, String body) throws Exception {
        return new Envelope(UUID.randomUUID(), type, "1.0", "carmarthenshire-childrens-services", List.of(), "CCS-1",
                null, null, Language.EN, "OFFICIAL-SENSITIVE", OffsetDateTime.now(), null,
                CanonicalJson.mapper().readTree(body));
    }

    @Test
    void a_child_is_on_the_register_since_the_changes_effective_day_or_the_day_the_conference_was_held()
            throws Exception {
        assertThat(RegisterIndex.effectiveOn(message(MessageType.REGISTER_CHANGE, "{\"effectiveOn\": \"2025-06-24\"}")))
                .contains(LocalDate.parse("2025-06-24"));
        assertThat(RegisterIndex.effectiveOn(message(MessageType.OUTLINE_PLAN, "{\"heldOn\": \"2025-06-20\"}")))
                .contains(LocalDate.parse("2025-06-20"));
        assertThat(RegisterIndex.effectiveOn(message(MessageType.OUTLINE_PLAN, "{}"))).isEmpty();
        assertThat(RegisterIndex.effectiveOn(message(MessageType.PLAN_UPDATE, "{\"heldOn\": \"2025-06-20\"}")))
                .isEmpty();
    }
}
