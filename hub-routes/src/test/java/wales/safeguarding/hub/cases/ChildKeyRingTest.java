package wales.safeguarding.hub.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import wales.safeguarding.hub.rules.ChildFingerprints;

/** How the hub reads the keys of the children's fingerprints, and refuses to start without a usable one. */
class ChildKeyRingTest {

    private static final String KEY_2026 = "test-only-child-key-of-2026-never-in-production";
    private static final String KEY_2025 = "test-only-child-key-of-2025-never-in-production";

    @Test
    @DisplayName("No child's identifier stored where it can be read back: production without a child key does not start, and says what to set")
    void should_refuse_to_start_without_a_current_key() {
        assertThatThrownBy(() -> ChildKeyRing.fingerprints(Optional.empty(), Optional.empty(), id -> Optional.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("hub.child-keys.current-key").hasMessageContaining("HUB_CHILD_KEYS_CURRENT_KEY");
        assertThatThrownBy(() -> ChildKeyRing.fingerprints(Optional.of("2026"), Optional.empty(),
                id -> Optional.empty()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("the child key 2026 is not there");
        assertThatThrownBy(() -> ChildKeyRing.fingerprints(Optional.of("2026"), Optional.empty(),
                id -> Optional.of("too-short")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least 32 bytes")
                .hasMessageNotContaining("too-short");
        assertThatThrownBy(() -> ChildKeyRing.fingerprints(Optional.of("2026"), Optional.of("not/an/id"),
                id -> Optional.of(KEY_2026)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not 'not/an/id'");
    }

    @Test
    @DisplayName("No child's identifier stored where it can be read back: the current key from the configuration, previous ones still recognised")
    void should_read_the_current_and_previous_keys_from_the_configuration() {
        Map<String, String> config = Map.of("2026", KEY_2026, "2025", KEY_2025);
        ChildFingerprints keys = ChildKeyRing.fingerprints(Optional.of(" 2026 "), Optional.of("2025, 2026,"),
                id -> Optional.ofNullable(config.get(id)));

        assertThat(keys.currentId()).isEqualTo("2026");
        assertThat(keys.ids()).containsExactly("2026", "2025");
        assertThat(keys.forms("Alys Enghraifft", LocalDate.parse("2016-04-12"))).hasSize(3)
                .first().asString().startsWith("ck1-2026-");
    }

    @Test
    @DisplayName("No child's identifier stored where it can be read back: the keys as files child-key.<id> of a mounted Secret")
    void should_read_the_keys_from_a_secret_folder(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("child-key.2026-12"), KEY_2026 + "\n");

        ChildKeyRing ring = new ChildKeyRing(Optional.of("2026-12"), Optional.empty(), Optional.of(folder.toString()),
                null, Clock.systemUTC());

        assertThat(ring.fingerprints().of("Alys Enghraifft", LocalDate.parse("2016-04-12")))
                .isEqualTo(ChildFingerprints.of("2026-12", Map.of("2026-12", KEY_2026))
                        .of("Alys Enghraifft", LocalDate.parse("2016-04-12")));
        assertThat(ring.toString()).doesNotContain(KEY_2026);
    }
}
