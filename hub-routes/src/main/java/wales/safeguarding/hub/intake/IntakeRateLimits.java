package wales.safeguarding.hub.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import wales.safeguarding.hub.database.Transactions;
import wales.safeguarding.hub.problems.ProblemException;

/**
 * Each agency's rate on {@code POST /api/v1/messages} (issue 11 finding 6): {@code hub.intake.rate-limit.per-agency}
 * messages a minute with bursts of {@code hub.intake.rate-limit.burst}, one {@link TokenBucket} per agency kept in
 * PostgreSQL ({@code intake_rate}), so the limit is the same whatever the number of hub instances and however the
 * load balancer spreads an agency's requests. The bucket is read with its row locked and written back in one short
 * transaction, timed by the database's clock (instances' clocks may differ). Over the rate: a 429 problem with
 * {@code Retry-After}.
 */
@ApplicationScoped
public class IntakeRateLimits {

    private final Transactions transactions;
    private final TokenBucket bucket;

    @Inject
    public IntakeRateLimits(Transactions transactions,
            @ConfigProperty(name = "hub.intake.rate-limit.per-agency") long perMinute,
            @ConfigProperty(name = "hub.intake.rate-limit.burst") long burst) {
        this.transactions = transactions;
        this.bucket = new TokenBucket(perMinute, burst); // a bad setting fails at start, not at a first message
    }

    /** Lets the agency's message in, or refuses it with a 429 problem saying when to try again. */
    public void admit(String agencyId) {
        long wait = transactions.inTransaction(c -> take(c, "intake_rate", bucket, agencyId));
        if (wait > 0) {
            throw ProblemException.rateLimited(bucket.perMinute(), bucket.capacity(), retryAfterSeconds(wait));
        }
    }

    /** {@code Retry-After} in whole seconds, rounded up, at least 1. */
    public static long retryAfterSeconds(long waitNanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999L));
    }

    /**
     * Takes a token from the agency's bucket in {@code table} (a table shaped as {@code intake_rate}: agency, tokens,
     * refilled_at), row locked, timed by the database's clock; returns how long to wait in nanoseconds (0: admitted).
     * Register enquiries keep their own buckets this way ({@code register_enquiry_rate}).
     */
    public static long take(Connection c, String table, TokenBucket bucket, String agencyId) throws SQLException {
        TokenBucket.State state;
        long now;
        // the row locked (made full if new) and the database's time, in one statement
        try (PreparedStatement ps = c.prepareStatement("""
                insert into %s as r (agency, tokens, refilled_at) values (?, ?, clock_timestamp())
                on conflict (agency) do update set agency = r.agency
                returning r.tokens, r.refilled_at, clock_timestamp()""".formatted(table))) {
            ps.setString(1, agencyId);
            ps.setDouble(2, bucket.capacity());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                state = new TokenBucket.State(rs.getDouble(1), nanos(rs.getTimestamp(2)));
                now = nanos(rs.getTimestamp(3));
            }
        }
        TokenBucket.Taken taken = bucket.take(state, now);
        if (!taken.next().equals(state)) {
            try (PreparedStatement ps = c.prepareStatement(
                    "update " + table + " set tokens = ?, refilled_at = ? where agency = ?")) {
                ps.setDouble(1, taken.next().tokens());
                ps.setTimestamp(2, timestamp(taken.next().atNanos()));
                ps.setString(3, agencyId);
                ps.executeUpdate();
            }
        }
        return taken.waitNanos();
    }

    private static long nanos(Timestamp t) {
        Instant at = t.toInstant();
        return TimeUnit.SECONDS.toNanos(at.getEpochSecond()) + at.getNano();
    }

    private static Timestamp timestamp(long nanos) {
        return Timestamp.from(Instant.ofEpochSecond(0, nanos));
    }
}
