package wales.safeguarding.hub.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import wales.safeguarding.hub.support.TestClock;

/** The secrets folder: reading, caching, change detection (plain files and Kubernetes' ..data swap), the overlap. */
class SecretFolderTest {

    private static final String KEY = "school-6699001.webhook-secret";
    private static final Duration CHECK = Duration.ofSeconds(5);
    private static final Duration OVERLAP = Duration.ofDays(7);
    private static final Instant WRITTEN = Instant.parse("2026-12-01T09:00:00Z");

    @TempDir
    Path folder;

    private final AtomicLong ticker = new AtomicLong();
    private final TestClock clock = new TestClock();
    private SecretFolder secrets;

    SecretFolderTest() {
        clock.set(WRITTEN.plusSeconds(60));
    }

    private SecretFolder secrets() {
        if (secrets == null) {
            secrets = new SecretFolder(folder, OVERLAP, CHECK, clock, ticker::get);
        }
        return secrets;
    }

    private Path write(String name, String value, Instant modified) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, value);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }

    private void afterTheCheckInterval() {
        ticker.addAndGet(CHECK.toNanos());
    }

    private Optional<SecretVersions> read() {
        return secrets().read(KEY);
    }

    @Test
    void should_read_a_secret_from_its_file_without_the_trailing_line_break() throws IOException {
        write(KEY, "s3cret-from-a-file\n", WRITTEN);
        assertThat(read()).contains(new SecretVersions("s3cret-from-a-file", null));
    }

    @Test
    void should_have_no_secret_when_there_is_no_file() {
        assertThat(read()).isEmpty();
        assertThat(secrets().read("school-6699002.webhook-secret")).isEmpty();
    }

    @Test
    void should_look_at_a_changed_file_only_after_the_check_interval() throws IOException {
        write(KEY, "first", WRITTEN);
        assertThat(read().orElseThrow().current()).isEqualTo("first");

        write(KEY, "second-value", WRITTEN.plusSeconds(30));
        ticker.addAndGet(CHECK.toNanos() - 1);
        assertThat(read().orElseThrow().current()).as("within the interval: the kept value").isEqualTo("first");

        ticker.addAndGet(1);
        assertThat(read().orElseThrow().current()).isEqualTo("second-value");
    }

    @Test
    void should_not_read_a_file_again_while_its_time_size_and_identity_are_unchanged() throws IOException {
        write(KEY, "value-one", WRITTEN);
        assertThat(read().orElseThrow().current()).isEqualTo("value-one");

        // Same length, same inode, time put back: nothing tells the hub the file changed, so it is not read again.
        write(KEY, "value-two", WRITTEN);
        afterTheCheckInterval();
        assertThat(read().orElseThrow().current()).isEqualTo("value-one");

        Files.setLastModifiedTime(folder.resolve(KEY), FileTime.from(WRITTEN.plusSeconds(1)));
        afterTheCheckInterval();
        assertThat(read().orElseThrow().current()).isEqualTo("value-two");
    }

    @Test
    void should_see_a_kubernetes_secret_update_that_swaps_the_data_link_even_with_the_same_time_and_size()
            throws IOException {
        // The layout of a Secret volume: <key> -> ..data/<key>, ..data -> ..<timestamp>/
        Path first = Files.createDirectory(folder.resolve("..2026_12_01_09_00_00.1"));
        write(first.getFileName() + "/" + KEY, "old-value", WRITTEN);
        Files.createSymbolicLink(folder.resolve("..data"), first.getFileName());
        Files.createSymbolicLink(folder.resolve(KEY), Path.of("..data", KEY));
        assertThat(read().orElseThrow().current()).isEqualTo("old-value");

        Path second = Files.createDirectory(folder.resolve("..2026_12_02_09_00_00.2"));
        write(second.getFileName() + "/" + KEY, "new-value", WRITTEN);
        Files.createSymbolicLink(folder.resolve("..data_tmp"), second.getFileName());
        Files.move(folder.resolve("..data_tmp"), folder.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);
        afterTheCheckInterval();

        assertThat(read().orElseThrow().current()).isEqualTo("new-value");
    }

    @Test
    void should_fall_back_to_nothing_when_the_file_is_removed() throws IOException {
        write(KEY, "value", WRITTEN);
        assertThat(read()).isPresent();
        Files.delete(folder.resolve(KEY));
        afterTheCheckInterval();
        assertThat(read()).isEmpty();
    }

    @Test
    void should_refuse_an_empty_file_naming_the_file() throws IOException {
        write(KEY, "\n", WRITTEN);
        assertThatThrownBy(this::read).isInstanceOf(UnusableSecretException.class)
                .hasMessage("the secret file " + folder.resolve(KEY) + " is empty");
        write("school-6699002.webhook-secret", "", WRITTEN);
        assertThatThrownBy(() -> secrets().read("school-6699002.webhook-secret"))
                .hasMessageEndingWith("school-6699002.webhook-secret is empty");
    }

    @Test
    void should_refuse_an_unreadable_file_naming_the_file_and_use_it_once_mended() throws IOException {
        // A symbolic link to itself cannot be read by anyone, root included.
        Files.createSymbolicLink(folder.resolve(KEY), Path.of(KEY));
        assertThatThrownBy(this::read).isInstanceOf(UnusableSecretException.class)
                .hasMessage("the secret file " + folder.resolve(KEY) + " cannot be read (FileSystemException)");

        Files.delete(folder.resolve(KEY));
        write(KEY, "mended", WRITTEN);
        assertThatThrownBy(this::read).as("the failure is kept for the check interval").hasMessageContaining(KEY);
        afterTheCheckInterval();
        assertThat(read().orElseThrow().current()).isEqualTo("mended");
    }

    @Test
    void should_refuse_a_folder_or_an_oversized_file_in_place_of_a_secret() throws IOException {
        Files.createDirectory(folder.resolve(KEY));
        assertThatThrownBy(this::read).hasMessage("the secret file " + folder.resolve(KEY) + " is a folder, not a file");

        write("school-6699002.webhook-secret", "x".repeat(64 * 1024 + 1), WRITTEN);
        assertThatThrownBy(() -> secrets().read("school-6699002.webhook-secret"))
                .hasMessageEndingWith("school-6699002.webhook-secret is larger than 64 KiB");
    }

    @Test
    void should_refuse_a_key_that_is_not_a_plain_file_name() {
        for (String key : new String[] {"../etc.passwd", "a/b", ".hidden", "..data", "a..b", "", "x y"}) {
            assertThatThrownBy(() -> secrets().read(key)).as(key).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void should_keep_the_previous_secret_for_the_overlap_after_the_current_file_appeared() throws IOException {
        write(KEY, "new-secret", WRITTEN);
        write(KEY + ".previous", "old-secret", WRITTEN);

        clock.set(WRITTEN.plusSeconds(1));
        assertThat(read().orElseThrow().newestFirst()).containsExactly("new-secret", "old-secret");

        clock.set(WRITTEN.plus(OVERLAP).minusSeconds(1));
        assertThat(read().orElseThrow().newestFirst()).as("the last second of the overlap")
                .containsExactly("new-secret", "old-secret");

        clock.set(WRITTEN.plus(OVERLAP));
        assertThat(read().orElseThrow().newestFirst()).as("the overlap is over").containsExactly("new-secret");
    }

    @Test
    void should_keep_the_previous_secret_until_previous_until_when_given() throws IOException {
        write(KEY, "new-secret", WRITTEN);
        write(KEY + ".previous", "old-secret", WRITTEN);
        write(KEY + ".previous-until", "2026-12-03T17:00:00Z\n", WRITTEN);

        clock.set(Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(read().orElseThrow().newestFirst()).containsExactly("new-secret", "old-secret");
        clock.set(Instant.parse("2026-12-03T16:59:59Z"));
        assertThat(read().orElseThrow().newestFirst()).containsExactly("new-secret", "old-secret");
        clock.set(Instant.parse("2026-12-03T17:00:00Z"));
        assertThat(read().orElseThrow().newestFirst()).containsExactly("new-secret");
    }

    @Test
    void should_not_restart_the_overlap_when_an_update_of_another_key_rewrites_the_file_with_the_same_value()
            throws IOException {
        write(KEY, "new-secret", WRITTEN);
        write(KEY + ".previous", "old-secret", WRITTEN);
        clock.set(WRITTEN.plus(Duration.ofDays(6)));
        assertThat(read().orElseThrow().previous()).isEqualTo("old-secret");

        // Kubernetes writes every key of the Secret again when any one changes: a new time, the same value.
        write(KEY, "new-secret", WRITTEN.plus(Duration.ofDays(6)));
        afterTheCheckInterval();
        clock.set(WRITTEN.plus(OVERLAP));
        assertThat(read().orElseThrow().previous()).isNull();
    }

    @Test
    void should_refuse_a_previous_until_that_is_not_an_instant_without_quoting_it() throws IOException {
        write(KEY, "new-secret", WRITTEN);
        write(KEY + ".previous", "old-secret", WRITTEN);
        write(KEY + ".previous-until", "next tuesday, old-secret", WRITTEN);
        assertThatThrownBy(this::read).isInstanceOf(UnusableSecretException.class)
                .hasMessage("the secret file " + folder.resolve(KEY + ".previous-until")
                        + " must hold an ISO-8601 instant such as 2027-01-31T00:00:00Z")
                .message().doesNotContain("old-secret", "new-secret", "tuesday");
    }

    @Test
    void should_ignore_a_previous_secret_equal_to_the_current_one_and_a_previous_without_a_current() throws IOException {
        write(KEY, "same", WRITTEN);
        write(KEY + ".previous", "same", WRITTEN);
        assertThat(read().orElseThrow().newestFirst()).containsExactly("same");

        write("school-6699002.webhook-secret.previous", "orphan", WRITTEN);
        assertThat(secrets().read("school-6699002.webhook-secret")).isEmpty();
    }

    @Test
    void should_name_no_value_in_any_string() throws IOException {
        write(KEY, "new-secret", WRITTEN);
        write(KEY + ".previous", "old-secret", WRITTEN);
        SecretVersions versions = read().orElseThrow();
        assertThat(versions.toString() + secrets()).doesNotContain("new-secret", "old-secret");
    }
}
