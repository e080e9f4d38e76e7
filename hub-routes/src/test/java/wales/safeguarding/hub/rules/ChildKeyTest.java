package wales.safeguarding.hub.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import wales.safeguarding.schemas.childprotection.ChildRef;

/** How the hub tells the children of a sibling group apart, and finds a child recorded before sibling groups. */
class ChildKeyTest {

    private static ChildRef child(String name, String born, String reference) {
        return new ChildRef(name, LocalDate.parse(born), null, "W06000010", null, null, reference);
    }

    @Test
    @DisplayName("issue 10 defect 1: the council's childReference names the child")
    void should_use_the_councils_reference() {
        assertThat(ChildKey.of(child("Alys Enghraifft", "2016-04-12", "CCS-CHILD-7"))).isEqualTo("CCS-CHILD-7");
    }

    @Test
    @DisplayName("issue 10 defect 1: without a reference, siblings differ by name and date of birth, whatever the spacing or case")
    void should_fingerprint_name_and_date_of_birth() {
        String alys = ChildKey.of(child("Alys Enghraifft", "2016-04-12", null));
        assertThat(ChildKey.of(child("  alys   ENGHRAIFFT ", "2016-04-12", null))).isEqualTo(alys);
        assertThat(ChildKey.of(child("Osian Enghraifft", "2019-02-03", null))).isNotEqualTo(alys);
        assertThat(ChildKey.of(child("Alys Enghraifft", "2016-04-13", null))).isNotEqualTo(alys);
        assertThat(alys).startsWith("child-").doesNotContain("Alys").hasSize(22);
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
