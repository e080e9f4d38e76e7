package wales.safeguarding.hub.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import wales.safeguarding.schemas.childprotection.ChildRef;

/** How the hub tells the children of a sibling group apart, and finds a child recorded before sibling groups. */
class ChildKeyTest {

    /** The key of the plain tests (not a secret), and the same key after a rotation to "two". */
    private static final String ONE = "test-only-child-key-number-one-never-in-production";
    private static final String TWO = "test-only-child-key-number-two-never-in-production";
    private static final ChildFingerprints KEYS = ChildFingerprints.of("one", Map.of("one", ONE));
    private static final ChildFingerprints ROTATED = ChildFingerprints.of("two", Map.of("one", ONE, "two", TWO));

    private static ChildRef child(String name, String born, String reference) {
        return new ChildRef(name, LocalDate.parse(born), null, "W06000010", null, null, reference);
    }

    @Test
    @DisplayName("issue 10 defect 1: the council's childReference names the child")
    void should_use_the_councils_reference() {
        assertThat(ChildKey.of(child("Alys Enghraifft", "2016-04-12", "CCS-CHILD-7"), KEYS)).isEqualTo("CCS-CHILD-7");
        assertThat(ChildKey.forms(child("Alys Enghraifft", "2016-04-12", "CCS-CHILD-7"), KEYS))
                .containsExactly("CCS-CHILD-7");
    }

    @Test
    @DisplayName("No child's identifier stored where it can be read back: without a reference the key is an HMAC under the hub's key, ck1-<key id>-<16 bytes in hex>")
    void should_fingerprint_name_and_date_of_birth_with_the_hubs_key() {
        String alys = ChildKey.of(child("Alys Enghraifft", "2016-04-12", null), KEYS);

        assertThat(alys).matches("ck1-one-[0-9a-f]{32}");
        assertThat(alys).isNotEqualTo(ChildFingerprints.unkeyed("Alys Enghraifft", LocalDate.parse("2016-04-12")));
        // another hub (another key) gets another value: the key cannot be worked out from the name and birthday alone
        assertThat(ChildFingerprints.of("one", Map.of("one", TWO)).of("Alys Enghraifft", LocalDate.parse("2016-04-12")))
                .isNotEqualTo(alys);
    }

    @Test
    @DisplayName("No child's identifier stored where it can be read back: no part of the name or date of birth is in the key")
    void should_hold_nothing_of_the_name_or_date_of_birth() {
        for (String key : List.of(ChildKey.of(child("Alys Enghraifft", "2016-04-12", null), KEYS),
                ChildKey.of(child("Osian Enghraifft", "2019-02-03", null), ROTATED))) {
            assertThat(key.toLowerCase(java.util.Locale.ROOT)).doesNotContain("alys", "osian", "enghraifft", "2016",
                    "2019", "04-12", "02-03", "0412", "0203");
        }
    }

    @Test
    @DisplayName("issue 10 defect 1: without a reference, siblings differ by name and date of birth, whatever the spacing or case")
    void should_fingerprint_name_and_date_of_birth() {
        String alys = ChildKey.of(child("Alys Enghraifft", "2016-04-12", null), KEYS);
        assertThat(ChildKey.of(child("  alys   ENGHRAIFFT ", "2016-04-12", null), KEYS)).isEqualTo(alys);
        assertThat(ChildKey.of(child("Alys\tEnghraifft", "2016-04-12", null), KEYS)).isEqualTo(alys);
        assertThat(ChildKey.of(child("Osian Enghraifft", "2019-02-03", null), KEYS)).isNotEqualTo(alys);
        assertThat(ChildKey.of(child("Alys Enghraifft", "2016-04-13", null), KEYS)).isNotEqualTo(alys);
        // a Welsh name typed with a combining circumflex is the same child as with the precomposed letter
        assertThat(ChildKey.of(child("Gwenll\u0177an Enghraifft", "2016-04-12", null), KEYS))
                .isEqualTo(ChildKey.of(child("Gwenlly\u0302an Enghraifft", "2016-04-12", null), KEYS));
    }

    @Test
    @DisplayName("No child's identifier stored where it can be read back: a rotated key makes new keys under its own id, and the old key and the unkeyed form are still recognised")
    void should_recognise_the_previous_key_and_the_unkeyed_form_after_a_rotation() {
        ChildRef alys = child("Alys Enghraifft", "2016-04-12", null);
        String underOne = ChildKey.of(alys, KEYS);
        String underTwo = ChildKey.of(alys, ROTATED);
        String unkeyed = ChildFingerprints.unkeyed("Alys Enghraifft", LocalDate.parse("2016-04-12"));

        assertThat(underTwo).matches("ck1-two-[0-9a-f]{32}").isNotEqualTo(underOne);
        assertThat(ChildKey.forms(alys, ROTATED)).containsExactly(underTwo, underOne, unkeyed);
        assertThat(unkeyed).matches("child-[0-9a-f]{16}");
        assertThat(ROTATED.isStale(underOne)).isTrue();
        assertThat(ROTATED.isStale(unkeyed)).isTrue();
        assertThat(ROTATED.isStale(underTwo)).isFalse();
        assertThat(ROTATED.isStale("CCS-CHILD-7")).isFalse();
        assertThat(ROTATED.toString()).doesNotContain(ONE, TWO);
    }

    @Test
    @DisplayName("No child's identifier stored where it can be read back: a case recorded under the unkeyed form finds its child, and the stored key is to be rewritten to the current form")
    void should_match_a_child_recorded_under_the_unkeyed_form_and_rekey_them() {
        ChildRef alys = child("Alys Enghraifft", "2016-04-12", null);
        ChildRef osian = child("Osian Enghraifft", "2019-02-03", null);
        String unkeyed = ChildFingerprints.unkeyed("Alys Enghraifft", LocalDate.parse("2016-04-12"));
        String osianNow = ChildKey.of(osian, ROTATED);
        CaseRecord recorded = new CaseRecord("CCS-1", "carmarthenshire-childrens-services", List.of(
                new ChildRecord(unkeyed, "gp-z99001", null, null, true, false),
                new ChildRecord(osianNow, null, null, null, false, false)));

        assertThat(recorded.recordedAs(ChildKey.forms(alys, ROTATED))).contains(unkeyed);
        assertThat(recorded.recordedAs(ChildKey.forms(osian, ROTATED))).contains(osianNow);
        assertThat(ChildKey.rekeys(List.of(alys, osian, child("Alys Enghraifft", "2016-04-12", "CCS-CHILD-7")),
                List.of(unkeyed, osianNow), ROTATED)).containsExactly(Map.entry(unkeyed, ChildKey.of(alys, ROTATED)));
    }

    @Test
    @DisplayName("No child's identifier stored where it can be read back: the children a message names are found wherever its body has them")
    void should_find_the_children_a_body_names() {
        var body = wales.safeguarding.schemas.envelope.CanonicalJson.mapper().createObjectNode();
        body.putObject("child").put("name", "Alys Enghraifft").put("dateOfBirth", "2016-04-12");
        body.putArray("decisions").addObject().putObject("child").put("name", "Osian Enghraifft")
                .put("dateOfBirth", "2019-02-03").put("childReference", "CCS-CHILD-8");
        body.put("name", "not a child: no date of birth");

        assertThat(ChildKey.named(body)).extracting(ChildRef::name, ChildRef::childReference).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Alys Enghraifft", null),
                org.assertj.core.groups.Tuple.tuple("Osian Enghraifft", "CCS-CHILD-8"));
    }

    @Test
    @DisplayName("No child's identifier stored where it can be read back: a key too short, or no current key, is refused naming the id only")
    void should_refuse_an_unusable_key() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ChildFingerprints.of("one", Map.of("one", "short")))
                .hasMessageContaining("child key one").hasMessageNotContaining("short");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ChildFingerprints.of("two", Map.of("one", ONE)))
                .hasMessageContaining("no child key two");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ChildFingerprints.of("", Map.of("one", ONE)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("issue 10, migration: a case recorded before sibling groups has one child; the first child named is that child")
    void should_find_the_child_recorded_before_sibling_groups() {
        ChildRecord before = new ChildRecord(ChildKey.BEFORE_SIBLING_GROUPS, "gp-z99001", "school-6699001",
                "dyfed-powys-police", true, false);
        CaseRecord legacy = new CaseRecord("CCS-1", "carmarthenshire-childrens-services", List.of(before));

        assertThat(legacy.keysFor(List.of("alys", "osian"))).containsExactly("", "osian");
        assertThat(legacy.keyFor("alys")).isEmpty();
    }

    @Test
    @DisplayName("issue 10 defect 1: once the children are known by their keys, each message names them by those keys")
    void should_use_the_known_keys_once_the_children_are_known() {
        CaseRecord known = new CaseRecord("CCS-1", "carmarthenshire-childrens-services", List.of(
                new ChildRecord("alys", null, null, null, true, false),
                new ChildRecord("osian", null, null, null, false, false)));

        assertThat(known.keysFor(List.of("osian", "alys"))).containsExactly("osian", "alys");
        assertThat(known.child("osian")).map(ChildRecord::registered).contains(false);
        assertThat(known.anyRegistered()).isTrue();
    }
}
