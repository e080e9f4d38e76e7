package wales.safeguarding.hub.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.Period;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Issue 11 finding 7: what the hub keeps, and for how long (plain rules, no Quarkus). */
class RetentionRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final RetentionPolicy POLICY = new RetentionPolicy(Period.ofDays(90),
            Map.of("conference-minutes", Period.ofYears(1)), Period.ofYears(6), Period.ofDays(90));

    private static RetentionRules.BodyFacts settled(String type, Instant lastActivity) {
        return new RetentionRules.BodyFacts(type, lastActivity, false, false, false);
    }

    @Test
    void a_body_goes_once_its_period_has_passed_since_its_last_activity_and_nothing_needs_it() {
        assertThat(RetentionRules.removeBody(settled("duty-to-report", Instant.parse("2026-09-05T12:00:00Z")), POLICY,
                NOW)).isTrue();
        assertThat(RetentionRules.removeBody(settled("duty-to-report", Instant.parse("2026-09-05T12:00:01Z")), POLICY,
                NOW)).as("one second short of 90 days").isFalse();
    }

    @Test
    void a_body_is_kept_while_a_copy_is_still_to_be_delivered_however_old() {
        var facts = new RetentionRules.BodyFacts("duty-to-report", Instant.parse("2020-01-01T00:00:00Z"), true, false,
                false);
        assertThat(RetentionRules.removeBody(facts, POLICY, NOW)).isFalse();
    }

    @Test
    void a_body_is_kept_while_a_clock_it_started_runs() {
        var facts = new RetentionRules.BodyFacts("duty-to-report", Instant.parse("2020-01-01T00:00:00Z"), false, true,
                false);
        assertThat(RetentionRules.removeBody(facts, POLICY, NOW)).isFalse();
    }

    @Test
    void a_body_is_kept_while_its_case_is_open_a_clock_running_or_a_child_on_the_register() {
        var facts = new RetentionRules.BodyFacts("conference-invitation", Instant.parse("2020-01-01T00:00:00Z"), false,
                false, true);
        assertThat(RetentionRules.removeBody(facts, POLICY, NOW)).isFalse();
    }

    @Test
    void a_message_type_may_have_its_own_period() {
        Instant fourMonthsAgo = Instant.parse("2026-08-04T12:00:00Z");
        assertThat(RetentionRules.removeBody(settled("conference-minutes", fourMonthsAgo), POLICY, NOW)).isFalse();
        assertThat(RetentionRules.removeBody(settled("outline-plan", fourMonthsAgo), POLICY, NOW)).isTrue();
        assertThat(POLICY.oldestBodyCutoff(NOW)).as("the walk looks at everything older than the shortest period")
                .isEqualTo(Instant.parse("2026-09-05T12:00:00Z"));
    }

    @Test
    void an_audit_month_is_dropped_only_when_all_of_it_is_older_than_the_audit_period() {
        List<YearMonth> months = List.of(YearMonth.of(2020, 11), YearMonth.of(2020, 12), YearMonth.of(2021, 1),
                YearMonth.of(2026, 12));
        // six years before 4 December 2026 is 4 December 2020: November 2020 ended before it, December 2020 did not
        assertThat(RetentionRules.auditMonthsToDrop(months, POLICY, NOW)).containsExactly(YearMonth.of(2020, 11));
    }

    @Test
    void audit_months_are_made_for_this_month_and_the_months_ahead() {
        assertThat(RetentionRules.auditMonthsAhead(NOW, 2)).containsExactly(YearMonth.of(2026, 12),
                YearMonth.of(2027, 1), YearMonth.of(2027, 2));
    }

    @Test
    void a_period_of_zero_or_a_bad_setting_is_refused_naming_it() {
        assertThatThrownBy(() -> new RetentionPolicy(Period.ZERO, Map.of(), Period.ofYears(6), Period.ofDays(90)))
                .hasMessageContaining("longer than zero");
        assertThatThrownBy(() -> RetentionPolicy.parseByType("duty-to-report=ninety days"))
                .hasMessageContaining("'ninety days' for duty-to-report is not an ISO-8601 period");
        assertThatThrownBy(() -> RetentionPolicy.parseByType("P90D")).hasMessageContaining("'P90D' is not <message type>");
        assertThat(RetentionPolicy.parseByType(" duty-to-report=P180D, conference-minutes=P1Y "))
                .containsEntry("duty-to-report", Period.ofDays(180)).containsEntry("conference-minutes", Period.ofYears(1));
        assertThat(RetentionPolicy.parseByType(" ")).isEmpty();
    }

    @Test
    void only_the_months_of_the_table_itself_are_read_from_partition_names() {
        assertThat(RetentionPurge.monthOf("audit_event", "audit_event_p202011")).contains(YearMonth.of(2020, 11));
        assertThat(RetentionPurge.monthOf("audit_event", "audit_event_default")).isEmpty();
        assertThat(RetentionPurge.monthOf("audit_event", "console_audit_p202011")).isEmpty();
    }
}
