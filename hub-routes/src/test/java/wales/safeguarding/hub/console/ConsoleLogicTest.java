package wales.safeguarding.hub.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import wales.safeguarding.hub.problems.ProblemException;

/** The console's small rules: percentiles and the median, the minute series, filters, languages, following. */
class ConsoleLogicTest {

    @Test
    void should_take_nearest_rank_percentiles_and_nothing_of_nothing() {
        List<Long> values = new ArrayList<>();
        for (long i = 100; i >= 1; i--) {
            values.add(i);
        }
        assertThat(Percentiles.nearestRank(values, 50)).isEqualTo(50);
        assertThat(Percentiles.nearestRank(values, 90)).isEqualTo(90);
        assertThat(Percentiles.nearestRank(values, 99)).isEqualTo(99);
        assertThat(Percentiles.nearestRank(List.of(7L), 99)).isEqualTo(7);
        assertThat(Percentiles.nearestRank(List.of(), 50)).isNull();
    }

    @Test
    void should_take_the_middle_value_or_the_mean_of_the_two_middle_values_as_median() {
        assertThat(Percentiles.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(Percentiles.median(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
        assertThat(Percentiles.median(List.of())).isNull();
    }

    @Test
    void should_fill_thirty_minutes_oldest_first_with_zero_where_nothing_happened() {
        Instant now = Instant.parse("2026-11-26T10:15:42Z");
        Instant busy = Instant.parse("2026-11-26T10:10:00Z");
        var series = MinuteSeries.fill(now, 30, Map.of(busy, 3L), Map.of(busy, 2L), Map.of(busy, 1L));
        assertThat(series).hasSize(30);
        assertThat(series.get(0).minute()).isEqualTo(Instant.parse("2026-11-26T09:46:00Z"));
        assertThat(series.get(29).minute()).isEqualTo(Instant.parse("2026-11-26T10:15:00Z"));
        assertThat(series).filteredOn(m -> m.minute().equals(busy)).singleElement()
                .isEqualTo(new MinuteSeries.Minute(busy, 3, 2, 1));
        assertThat(series.stream().mapToLong(MinuteSeries.Minute::accepted).sum()).isEqualTo(3);
    }

    @Test
    void should_read_a_message_filter_and_refuse_each_bad_parameter_by_name() {
        MessageFilter f = MessageFilter.parse("duty-to-report", "x", "delivered", "C-1", "true", "2026-11-01",
                "2026-11-02T00:00:00Z", 20, UUID.randomUUID().toString());
        assertThat(f.overdueOnly()).isTrue();
        assertThat(f.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(f.limit()).isEqualTo(20);
        List<Object> params = new ArrayList<>();
        assertThat(f.where(params, Instant.now())).contains("m.message_type = ?", "m.sender = ?",
                "d.state = 'delivered'",
                "k.due_at < ?", "m.accepted_at >= ?", "m.accepted_at < ?", "b.message_id = ?");
        // the state is written as a literal (V19's partial index), so it is not among the parameters
        assertThat(params).hasSize(8);
        assertThat(MessageFilter.parse(null, null, null, null, null, null, null, null, null).limit())
                .isEqualTo(MessageFilter.DEFAULT_LIMIT);
        assertRefused(() -> MessageFilter.parse(null, null, "lost", null, null, null, null, null, null), "state");
        assertRefused(() -> MessageFilter.parse(null, null, null, null, "yes", null, null, null, null), "overdue");
        assertRefused(() -> MessageFilter.parse(null, null, null, null, null, null, null, 501, null), "limit");
        assertRefused(() -> MessageFilter.parse(null, null, null, null, null, null, null, null, "nope"), "before");
        assertRefused(() -> MessageFilter.parse(null, null, null, null, null, "2026-11-02", "2026-11-01", null, null), "to");
    }

    @Test
    void should_speak_the_chosen_language_else_the_token_locale_else_welsh() {
        assertThat(ConsoleLanguage.choose(Optional.of("en"), "cy")).isEqualTo("en");
        assertThat(ConsoleLanguage.choose(Optional.empty(), "en-GB")).isEqualTo("en");
        assertThat(ConsoleLanguage.choose(Optional.empty(), "fr")).isEqualTo("cy");
        assertThat(ConsoleLanguage.choose(Optional.empty(), null)).isEqualTo("cy");
        assertThat(ConsoleLanguage.requireSupported("cy")).isEqualTo("cy");
        assertRefused(() -> ConsoleLanguage.requireSupported("fr"), "/language");
        assertRefused(() -> ConsoleLanguage.requireSupported(null), "/language");
    }

    @Test
    void should_ask_for_a_reason_of_at_least_ten_characters() {
        assertThat(ConsoleMessages.requireReason("  complaint 77  ")).isEqualTo("complaint 77");
        assertRefused(() -> ConsoleMessages.requireReason("too short"), "/reason");
        assertRefused(() -> ConsoleMessages.requireReason(null), "/reason");
    }

    @Test
    void should_give_each_new_message_once_even_when_committed_after_a_later_one() {
        Instant start = Instant.parse("2026-11-26T10:00:00Z");
        NewMessages follower = new NewMessages(start, Duration.ofSeconds(10));
        var before = summary(start.minusSeconds(1));
        var a = summary(start.plusSeconds(5));
        var b = summary(start.plusSeconds(3));
        // nothing from before the stream opened is asked for
        assertThat(follower.pollFrom().at()).isEqualTo(start);
        Instant now = start.plusSeconds(6);
        assertThat(follower.unseen(List.of(before, a), 200, now)).containsExactly(a);
        assertThat(follower.pollFrom().at()).isEqualTo(start);
        // b was accepted before a but committed after it: the look-back finds it, and a is not given twice
        assertThat(follower.unseen(List.of(b, a), 200, now)).containsExactly(b);
        assertThat(follower.unseen(List.of(b, a), 200, now)).isEmpty();
        // one dated ahead of the hub's clock is given, but the look-back stays at now
        var ahead = summary(start.plusSeconds(3600));
        Instant later = start.plusSeconds(30);
        assertThat(follower.unseen(List.of(ahead), 200, later)).containsExactly(ahead);
        assertThat(follower.pollFrom().at()).isEqualTo(later.minusSeconds(10));
    }

    @Test
    void should_page_past_a_burst_larger_than_a_page_rather_than_poll_the_same_page_again() {
        // CI stalled here: 200 messages within the look-back filled every poll, so the stream never saw a newer one
        Instant start = Instant.parse("2026-11-26T10:00:00Z");
        NewMessages follower = new NewMessages(start, Duration.ofSeconds(10));
        var first = summary(start.plusMillis(1));
        var second = summary(start.plusMillis(2));
        assertThat(follower.unseen(List.of(first, second), 2, start.plusSeconds(1))).containsExactly(first, second);
        // the page was full: the next poll starts after its last row, not at the look-back
        assertThat(follower.pollFrom()).isEqualTo(new NewMessages.Cursor(second.acceptedAt(), second.messageId()));
        var third = summary(start.plusMillis(3));
        assertThat(follower.unseen(List.of(third), 2, start.plusSeconds(1))).containsExactly(third);
        // a short page: back to the look-back for late commits, with what was given remembered
        assertThat(follower.pollFrom().at()).isEqualTo(start);
        assertThat(follower.unseen(List.of(first, second), 2, start.plusSeconds(1))).isEmpty();
    }

    private static ConsoleMessages.Summary summary(Instant at) {
        return new ConsoleMessages.Summary(UUID.randomUUID(), "duty-to-report", "p", List.of(), null, at, false);
    }

    static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.problem().status()).isEqualTo(400);
            assertThat(e.problem().violations()).extracting(v -> v.pointer()).contains(field);
        });
    }
}
