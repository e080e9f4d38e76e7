package wales.safeguarding.hub.bodies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import wales.safeguarding.hub.secrets.UnusableSecretException;

class KeyRingTest {

    private static final String KEY_A = "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=";
    private static final String KEY_B = "QkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkI=";

    @TempDir
    Path folder;

    private BodyKeys configured(String dir, String current, String fixed, String... profiles) {
        return BodyVault.keys(Optional.ofNullable(dir), Optional.ofNullable(current), Optional.ofNullable(fixed),
                Duration.ZERO, Clock.systemUTC(), List.of(profiles));
    }

    @Test
    void should_refuse_to_start_on_the_production_profile_without_a_key() {
        assertThatThrownBy(() -> configured(null, null, null, "prod")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no key is configured: set hub.bodies.keys-dir");
    }

    @Test
    void should_refuse_the_fixed_key_outside_demo_and_test() {
        assertThatThrownBy(() -> configured(null, null, KEY_A, "prod")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("hub.bodies.fixed-key is for the demo and tests only");
        assertThat(configured(null, null, KEY_A, "test").currentId()).isEqualTo(BodyVault.FIXED_ID);
    }

    @Test
    void should_refuse_to_start_when_the_current_key_file_is_missing_or_not_named() throws Exception {
        Files.writeString(folder.resolve("body-key.2026-12"), KEY_A + "\n");

        assertThatThrownBy(() -> configured(folder.toString(), "2027-06", null, "prod"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("put the file body-key.2027-06");
        assertThatThrownBy(() -> configured(folder.toString(), null, null, "prod"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("hub.bodies.current-key must name");
        assertThatThrownBy(() -> configured(folder.toString(), "plain", null, "prod"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not 'plain'");
    }

    @Test
    void should_refuse_a_key_that_is_not_256_bits_without_showing_it() throws Exception {
        Files.writeString(folder.resolve("body-key.short"), "c2hvcnQ=");

        assertThatThrownBy(() -> configured(folder.toString(), "short", null, "prod"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("must be 32 bytes")
                .hasMessageNotContaining("c2hvcnQ");
    }

    @Test
    void should_read_every_key_in_the_folder_by_id_so_old_rows_stay_readable() throws Exception {
        Files.writeString(folder.resolve("body-key.2026-12"), KEY_A);
        Files.writeString(folder.resolve("body-key.2027-06"), KEY_B);

        BodyKeys keys = configured(folder.toString(), "2027-06", null, "prod");

        assertThat(keys.currentId()).isEqualTo("2027-06");
        assertThat(keys.key("2026-12")).isPresent();
        assertThat(keys.key("2025-01")).isEmpty();
        assertThat(keys.key("../etc/passwd")).isEmpty();
        assertThat(keys.key("plain")).isEmpty();
    }

    @Test
    void should_say_which_file_is_unusable_when_an_older_key_is_not_256_bits() throws Exception {
        Files.writeString(folder.resolve("body-key.2026-12"), KEY_A);
        Files.writeString(folder.resolve("body-key.old"), "c2hvcnQ=");
        BodyKeys keys = configured(folder.toString(), "2026-12", null, "prod");

        assertThatThrownBy(() -> keys.key("old")).isInstanceOf(UnusableSecretException.class)
                .hasMessageContaining("body-key.old").hasMessageNotContaining("c2hvcnQ");
    }
}
