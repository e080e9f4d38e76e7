package wales.safeguarding.schemas.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class DerivedIdsTest {

    private static final String KEY = "a-test-only-message-id-key-of-32-bytes-or-more";
    private static final String OTHER_KEY = "another-test-only-message-id-key-32-bytes-long";

    private final DerivedIds ids = new DerivedIds(KEY);

    @Test
    void should_give_the_same_notice_the_same_id_every_time() {
        assertThat(ids.policeNotice("south-wales-police", "SWP/PPN/2025/0042"))
                .isEqualTo(new DerivedIds(KEY).policeNotice("south-wales-police", "SWP/PPN/2025/0042"));
    }

    @Test
    void should_give_another_notice_or_force_or_purpose_another_id() {
        UUID id = ids.policeNotice("south-wales-police", "PPN-1");
        assertThat(ids.policeNotice("south-wales-police", "PPN-2")).isNotEqualTo(id);
        assertThat(ids.policeNotice("gwent-police", "PPN-1")).isNotEqualTo(id);
        assertThat(ids.of("gp-report", "south-wales-police", "PPN-1")).isNotEqualTo(id);
    }

    @Test
    void should_not_let_parts_run_into_each_other() {
        assertThat(ids.policeNotice("a:b", "c")).isNotEqualTo(ids.policeNotice("a", "b:c"));
        assertThat(ids.of("p", "ab", "c")).isNotEqualTo(ids.of("p", "a", "bc"));
    }

    @Test
    void should_give_another_id_under_another_key() {
        assertThat(new DerivedIds(OTHER_KEY).policeNotice("south-wales-police", "PPN-1"))
                .isNotEqualTo(ids.policeNotice("south-wales-police", "PPN-1"));
    }

    @Test
    void should_not_be_computable_from_the_old_unkeyed_formulas() {
        UUID invitation = UUID.fromString("3f1c2a9e-5b7d-4e8a-9c21-0d6f4b8a1e07");
        assertThat(ids.policeNotice("south-wales-police", "PPN-1"))
                .isNotEqualTo(unkeyed("ppn:south-wales-police:PPN-1"));
        assertThat(ids.gpReport("gp-z99002", invitation))
                .isNotEqualTo(unkeyed("gp-report:gp-z99002:" + invitation));
        assertThat(ids.gpAcknowledgement("gp-z99002", invitation, "ok"))
                .isNotEqualTo(unkeyed("gp-ack:gp-z99002:" + invitation + ":ok"));
        assertThat(ids.registerChange(invitation, "child-1"))
                .isNotEqualTo(unkeyed(invitation + "/register-change/child-1"));
    }

    @Test
    void should_mark_the_id_as_an_rfc_9562_version_8_uuid() {
        UUID id = ids.policeNotice("south-wales-police", "PPN-1");
        assertThat(id.version()).isEqualTo(8);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void should_recognise_an_id_derived_under_the_previous_key_during_a_rotation() {
        UUID before = ids.policeNotice("south-wales-police", "PPN-1");
        DerivedIds rotated = new DerivedIds(OTHER_KEY, KEY);

        assertThat(rotated.policeNotice("south-wales-police", "PPN-1")).isNotEqualTo(before);
        assertThat(rotated.candidates(DerivedIds.POLICE_NOTICE, "south-wales-police", "PPN-1"))
                .containsExactly(rotated.policeNotice("south-wales-police", "PPN-1"), before);
        assertThat(new DerivedIds(OTHER_KEY).candidates(DerivedIds.POLICE_NOTICE, "south-wales-police", "PPN-1"))
                .hasSize(1);
    }

    @Test
    void should_refuse_a_short_key_and_show_no_key() {
        assertThatThrownBy(() -> new DerivedIds("too-short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("too-short");
        assertThat(new DerivedIds(OTHER_KEY, KEY).toString()).doesNotContain(KEY).doesNotContain(OTHER_KEY);
    }

    private static UUID unkeyed(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
