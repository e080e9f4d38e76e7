package wales.safeguarding.hub.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The overlap rule: the old secret is valid strictly before previous-until, or before appeared + overlap. */
class SecretVersionsTest {

    private static final Instant APPEARED = Instant.parse("2026-12-01T09:00:00Z");
    private static final Duration OVERLAP = Duration.ofDays(7);

    @ParameterizedTest(name = "{0}, until {1}: old valid = {2}")
    @CsvSource(nullValues = "-", textBlock = """
            2026-12-01T08:59:59Z, -,                    true
            2026-12-01T09:00:00Z, -,                    true
            2026-12-08T08:59:59Z, -,                    true
            2026-12-08T09:00:00Z, -,                    false
            2027-01-01T00:00:00Z, -,                    false
            2026-12-01T09:00:00Z, 2026-12-02T00:00:00Z, true
            2026-12-01T23:59:59Z, 2026-12-02T00:00:00Z, true
            2026-12-02T00:00:00Z, 2026-12-02T00:00:00Z, false
            2026-12-10T00:00:00Z, 2026-12-31T00:00:00Z, true
            2026-12-31T00:00:01Z, 2026-12-31T00:00:00Z, false
            """)
    void should_keep_the_old_secret_before_the_end_of_the_overlap_only(Instant now, Instant until, boolean oldValid) {
        SecretVersions versions = SecretVersions.of("new", "old", until, APPEARED, OVERLAP, now);
        assertThat(versions.current()).isEqualTo("new");
        assertThat(versions.newestFirst()).isEqualTo(oldValid ? java.util.List.of("new", "old") : java.util.List.of("new"));
    }

    @ParameterizedTest(name = "previous {0}")
    @CsvSource(nullValues = "-", textBlock = """
            -
            new
            """)
    void should_have_only_the_current_secret_without_a_distinct_previous_one(String previous) {
        assertThat(SecretVersions.of("new", previous, null, APPEARED, OVERLAP, APPEARED).newestFirst())
                .containsExactly("new");
    }
}
