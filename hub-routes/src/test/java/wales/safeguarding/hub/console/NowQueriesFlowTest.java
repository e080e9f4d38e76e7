package wales.safeguarding.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.OwnSchema;
import wales.safeguarding.hub.support.TrackingDatabaseResource;

/**
 * The Now view's delivery latencies with the newest deliveries taken before the join to their messages
 * ({@link ConsoleMetricsRepository#LATENCY_PERCENTILES}) are those of the query that joined first
 * ({@link ConsoleMetricsRepository#LATENCY_PERCENTILES_JOIN_FIRST}): over an hour with more deliveries than the sample,
 * other state changes and other events, deliveries before the hour, and a sample larger than the hour holds. And the
 * state changes per minute counted in one read ({@link ConsoleMetricsRepository#deliveredAndFailedPerMinute}) are those
 * of the query per kind ({@link ConsoleMetricsRepository#statesPerMinute}).
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class NowQueriesFlowTest {

    private static final String SCHEMA = "now_queries";
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final int[] PERCENTS = {50, 90, 99};

    @Inject
    DataSource suite;

    private DataSource own;

    @BeforeEach
    void an_hour_of_deliveries() throws SQLException {
        own = OwnSchema.fresh(suite, SCHEMA);
        OwnSchema.migrate(own, SCHEMA, null);
        OwnSchema.execute(own, """
                insert into message (message_id, message_type, schema_version, sender, language, security_label,
                    created_at, accepted_at, payload_sha256, payload_key)
                select md5('m' || n)::uuid, 'information-share', '1.0', 'police', 'en', 'OFFICIAL-SENSITIVE', ts, ts,
                       'x', 'plain'
                from generate_series(1, 3000) n,
                     lateral (select timestamptz '2026-06-01 10:00Z' + n * interval '2 seconds' as ts) t""", """
                insert into audit_event (message_id, recipient, event, from_state, to_state, actor, at)
                select md5('m' || n)::uuid, 'council', 'state-changed', 'queued',
                       case when n % 9 = 0 then 'failed' when n % 151 = 0 then 'dead-lettered'
                            when n % 7 = 0 then 'queued' else 'delivered' end, 'hub',
                       timestamptz '2026-06-01 10:00Z' + n * interval '2 seconds' + (n % 37) * interval '1 second'
                           + n * interval '1 millisecond'
                from generate_series(1, 3000) n""", """
                insert into audit_event (message_id, recipient, event, actor, at)
                select md5('m' || n)::uuid, null, 'accepted', 'hub',
                       timestamptz '2026-06-01 10:00Z' + n * interval '2 seconds'
                from generate_series(1, 3000) n""");
    }

    @Test
    void should_count_delivered_and_failed_per_minute_as_the_query_per_kind_did() throws SQLException {
        ConsoleMetricsRepository metrics = new ConsoleMetricsRepository();
        try (Connection c = own.getConnection()) {
            for (Instant since : List.of(NOW.minusSeconds(1800), NOW.minusSeconds(7200), NOW.plusSeconds(60))) {
                ConsoleMetricsRepository.StatesPerMinute once = metrics.deliveredAndFailedPerMinute(c, since);

                assertThat(once.delivered()).isEqualTo(metrics.statesPerMinute(c, since, "('delivered')"));
                assertThat(once.failed()).isEqualTo(metrics.statesPerMinute(c, since, "('failed', 'dead-lettered')"));
            }
            ConsoleMetricsRepository.StatesPerMinute hours = metrics.deliveredAndFailedPerMinute(c,
                    NOW.minusSeconds(7200));
            assertThat(hours.delivered()).isNotEmpty();
            assertThat(hours.failed()).isNotEmpty();
        }
    }

    @Test
    void should_give_the_latencies_the_join_first_query_gave() throws SQLException {
        try (Connection c = own.getConnection()) {
            for (int limit : List.of(1, 100, 1000, 5000)) {
                Instant since = NOW.minusSeconds(3600);
                List<Long> newestFirst = ConsoleMetricsRepository.latencyPercentilesMs(c,
                        ConsoleMetricsRepository.LATENCY_PERCENTILES, since, limit, PERCENTS);
                List<Long> joinFirst = ConsoleMetricsRepository.latencyPercentilesMs(c,
                        ConsoleMetricsRepository.LATENCY_PERCENTILES_JOIN_FIRST, since, limit, PERCENTS);

                assertThat(newestFirst).as("limit " + limit).isEqualTo(joinFirst).doesNotContainNull();
            }
            assertThat(ConsoleMetricsRepository.latencyPercentilesMs(c, ConsoleMetricsRepository.LATENCY_PERCENTILES,
                    NOW.plusSeconds(3600), 1000, PERCENTS)).containsOnlyNulls();
            List<Long> sample = ConsoleMetricsRepository.latencyPercentilesMs(c,
                    ConsoleMetricsRepository.LATENCY_PERCENTILES, NOW.minusSeconds(3600), 1000, PERCENTS);
            assertThat(sample.get(0)).isLessThan(sample.get(2));
        }
    }
}
