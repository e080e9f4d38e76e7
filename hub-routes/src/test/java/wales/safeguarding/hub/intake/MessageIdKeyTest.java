package wales.safeguarding.hub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import wales.safeguarding.hub.secrets.UnusableSecretException;
import wales.safeguarding.hub.support.TestClock;
import wales.safeguarding.schemas.envelope.DerivedIds;

/** The key of the derived message ids: required, from the secret file or configuration, rotated with an overlap. */
class MessageIdKeyTest {

    private static final String OLD = "the-old-test-only-message-id-key-32-bytes-or-more";
    private static final String NEW = "the-new-test-only-message-id-key-32-bytes-or-more";

    @TempDir
    Path folder;

    private final TestClock clock = new TestClock();

    @Test
    void should_refuse_to_start_without_a_key() {
        assertThatThrownBy(() -> key(Optional.empty(), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("hub.message-ids.secret-file").hasMessageContaining("hub.message-ids.secret");
    }

    @Test
    void should_refuse_a_key_shorter_than_32_bytes_without_quoting_it() {
        MessageIdKey key = key(Optional.of("short-key"), Optional.empty(), Optional.empty());

        assertThatThrownBy(key::ids).isInstanceOf(UnusableSecretException.class).hasMessageNotContaining("short-key");
    }

    @Test
    void should_derive_with_the_configured_key_and_recognise_the_previous_one() {
        DerivedIds ids = key(Optional.of(NEW), Optional.of(OLD), Optional.empty()).ids();

        assertThat(ids.policeNotice("south-wales-police", "PPN-1"))
                .isEqualTo(new DerivedIds(NEW).policeNotice("south-wales-police", "PPN-1"));
        assertThat(ids.candidates(DerivedIds.POLICE_NOTICE, "south-wales-police", "PPN-1")).containsExactly(
                new DerivedIds(NEW).policeNotice("south-wales-police", "PPN-1"),
                new DerivedIds(OLD).policeNotice("south-wales-police", "PPN-1"));
    }

    @Test
    void should_take_the_key_from_its_file_and_the_previous_one_until_the_overlap_ends() throws IOException {
        clock.set(Instant.parse("2026-12-04T09:00:00Z"));
        Files.writeString(folder.resolve("message-id-key"), NEW + "\n");
        Files.writeString(folder.resolve("message-id-key.previous"), OLD);
        Files.writeString(folder.resolve("message-id-key.previous-until"), "2026-12-11T00:00:00Z");
        MessageIdKey key = key(Optional.of("ignored-when-there-is-a-file-of-32-bytes"), Optional.empty(),
                Optional.of(folder.resolve("message-id-key").toString()));

        assertThat(key.ids().candidates(DerivedIds.GP_REPORT, "gp-z99002", "x")).containsExactly(
                new DerivedIds(NEW).of(DerivedIds.GP_REPORT, "gp-z99002", "x"),
                new DerivedIds(OLD).of(DerivedIds.GP_REPORT, "gp-z99002", "x"));

        clock.set(Instant.parse("2026-12-11T00:00:00Z"));
        assertThat(key.ids().candidates(DerivedIds.GP_REPORT, "gp-z99002", "x")).containsExactly(
                new DerivedIds(NEW).of(DerivedIds.GP_REPORT, "gp-z99002", "x"));
    }

    @Test
    void should_refuse_a_key_file_that_is_missing() {
        MessageIdKey key = key(Optional.empty(), Optional.empty(), Optional.of(folder.resolve("absent").toString()));

        assertThatThrownBy(key::ids).isInstanceOf(UnusableSecretException.class).hasMessageContaining("absent");
    }

    private MessageIdKey key(Optional<String> secret, Optional<String> previous, Optional<String> file) {
        return new MessageIdKey(secret, previous, file, Duration.ofDays(7), Duration.ZERO, clock, null, null);
    }
}
