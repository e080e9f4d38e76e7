package wales.safeguarding.hub.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.smallrye.config.SmallRyeConfigBuilder;
import wales.safeguarding.hub.delivery.AgencySecrets;
import wales.safeguarding.hub.support.TestClock;

/** What an adapter receives: a file wins over configuration; the old value rides along as {@code <name>.previous}. */
class AgencySecretsTest {

    private static final String SCHOOL = "school-6699001";
    private static final Set<String> WEBHOOK = Set.of("webhook-secret");
    private static final Instant WRITTEN = Instant.parse("2026-12-01T09:00:00Z");
    private static final Duration OVERLAP = Duration.ofDays(7);

    @TempDir
    Path folder;

    private final Map<String, String> config = new HashMap<>();
    private final TestClock clock = new TestClock();

    private AgencySecrets secrets(boolean withFolder) {
        clock.set(WRITTEN.plusSeconds(60));
        return new AgencySecrets(key -> Optional.ofNullable(config.get(key)),
                withFolder ? Optional.of(new SecretFolder(folder, OVERLAP, Duration.ZERO, clock, System::nanoTime))
                        : Optional.empty(), OVERLAP, clock);
    }

    private void write(String name, String value) throws IOException {
        Files.writeString(folder.resolve(name), value);
        Files.setLastModifiedTime(folder.resolve(name), FileTime.from(WRITTEN));
    }

    @Test
    void should_take_the_secret_from_its_file_before_configuration() throws IOException {
        config.put("hub.agencies.school-6699001.webhook-secret", "from-configuration");
        write("school-6699001.webhook-secret", "from-the-file");
        assertThat(secrets(true).of(SCHOOL, WEBHOOK)).containsExactly(Map.entry("webhook-secret", "from-the-file"));
    }

    @Test
    void should_fall_back_to_configuration_for_a_secret_with_no_file_and_give_nothing_without_either() {
        config.put("hub.agencies.school-6699001.webhook-secret", "from-configuration");
        assertThat(secrets(true).of(SCHOOL, WEBHOOK)).containsExactly(Map.entry("webhook-secret", "from-configuration"));
        assertThat(secrets(false).of(SCHOOL, WEBHOOK)).containsExactly(Map.entry("webhook-secret", "from-configuration"));
        assertThat(secrets(true).of("school-6699002", WEBHOOK)).isEmpty();
        assertThat(secrets(true).of(SCHOOL, Set.of())).isEmpty();
    }

    @Test
    void should_pass_the_old_file_secret_as_name_previous_during_the_overlap_and_not_after() throws IOException {
        write("school-6699001.webhook-secret", "new-secret");
        write("school-6699001.webhook-secret.previous", "old-secret");
        AgencySecrets secrets = secrets(true);

        clock.set(WRITTEN.plus(Duration.ofDays(3)));
        assertThat(secrets.of(SCHOOL, WEBHOOK)).containsExactly(Map.entry("webhook-secret", "new-secret"),
                Map.entry("webhook-secret.previous", "old-secret"));

        clock.set(WRITTEN.plus(OVERLAP));
        assertThat(secrets.of(SCHOOL, WEBHOOK)).containsExactly(Map.entry("webhook-secret", "new-secret"));
    }

    @Test
    void should_rotate_a_configured_secret_with_previous_until_and_never_mix_file_and_configuration() throws IOException {
        config.put("hub.agencies.school-6699001.webhook-secret", "new-secret");
        config.put("hub.agencies.school-6699001.webhook-secret.previous", "old-secret");
        config.put("hub.agencies.school-6699001.webhook-secret.previous-until", "2026-12-02T00:00:00Z");
        AgencySecrets secrets = secrets(true);

        clock.set(Instant.parse("2026-12-01T23:59:59Z"));
        assertThat(secrets.of(SCHOOL, WEBHOOK)).containsEntry("webhook-secret.previous", "old-secret");
        clock.set(Instant.parse("2026-12-02T00:00:00Z"));
        assertThat(secrets.of(SCHOOL, WEBHOOK)).doesNotContainKey("webhook-secret.previous");

        // A file for the current secret brings its own previous (none here): the configured old one is not used.
        clock.set(Instant.parse("2026-12-01T12:00:00Z"));
        write("school-6699001.webhook-secret", "file-secret");
        assertThat(secrets.of(SCHOOL, WEBHOOK)).containsExactly(Map.entry("webhook-secret", "file-secret"));
    }

    @Test
    void should_count_a_configured_overlap_without_an_end_from_the_hubs_first_use_of_the_new_secret() {
        config.put("hub.agencies.school-6699001.webhook-secret", "new-secret");
        config.put("hub.agencies.school-6699001.webhook-secret.previous", "old-secret");
        AgencySecrets secrets = secrets(false);

        clock.set(WRITTEN);
        assertThat(secrets.of(SCHOOL, WEBHOOK)).containsKey("webhook-secret.previous");
        clock.set(WRITTEN.plus(OVERLAP).minusSeconds(1));
        assertThat(secrets.of(SCHOOL, WEBHOOK)).containsKey("webhook-secret.previous");
        clock.set(WRITTEN.plus(OVERLAP));
        assertThat(secrets.of(SCHOOL, WEBHOOK)).doesNotContainKey("webhook-secret.previous");
    }

    @Test
    void should_name_the_key_of_a_configured_previous_until_that_is_not_an_instant() {
        config.put("hub.agencies.school-6699001.webhook-secret", "new-secret");
        config.put("hub.agencies.school-6699001.webhook-secret.previous", "old-secret");
        config.put("hub.agencies.school-6699001.webhook-secret.previous-until", "soon");
        assertThatThrownBy(() -> secrets(false).of(SCHOOL, WEBHOOK)).isInstanceOf(UnusableSecretException.class)
                .hasMessage("hub.agencies.school-6699001.webhook-secret.previous-until must be an ISO-8601 instant such "
                        + "as 2027-01-31T00:00:00Z");
    }

    @Test
    void should_say_which_file_is_unusable_and_never_its_value() throws IOException {
        config.put("hub.agencies.school-6699001.webhook-secret", "from-configuration");
        write("school-6699001.webhook-secret", "  \n");
        assertThatThrownBy(() -> secrets(true).of(SCHOOL, WEBHOOK)).isInstanceOf(UnusableSecretException.class)
                .hasMessage("the secret file " + folder.resolve("school-6699001.webhook-secret") + " is empty");
    }

    @Test
    void should_refuse_to_start_when_the_secrets_folder_is_missing() {
        Path missing = folder.resolve("not-mounted");
        var config = new SmallRyeConfigBuilder().build();
        assertThatThrownBy(() -> new AgencySecrets(config, Optional.of(missing.toString()), OVERLAP,
                Duration.ofSeconds(5), clock)).isInstanceOf(IllegalStateException.class)
                .hasMessage("hub.agencies.secrets-dir names " + missing + ", which is not a folder");
        assertThat(new AgencySecrets(config, Optional.of(""), OVERLAP, Duration.ofSeconds(5), clock).of(SCHOOL, WEBHOOK))
                .as("empty: off").isEmpty();
    }
}
