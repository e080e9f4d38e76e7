package wales.safeguarding.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * A sampling profile of the database: every 20 ms, which statements the other sessions of this database are running
 * (pg_stat_activity, state active). The share of samples a statement has is its share of the database's busy time.
 * Statement texts only: the hub binds every value, so no message content shows.
 */
final class ActivitySampler implements AutoCloseable {

    private static final long INTERVAL_MS = 20;
    private static final long MAX_SAMPLES = 60_000;

    private final Connection connection;
    private final Map<String, Integer> counts = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private int samples;

    private ActivitySampler(Connection connection) {
        this.connection = connection;
        this.thread = new Thread(this::sample, "activity-sampler");
        this.thread.setDaemon(true);
    }

    static ActivitySampler start(Connection connection) {
        ActivitySampler s = new ActivitySampler(connection);
        s.thread.start();
        return s;
    }

    private void sample() {
        try (PreparedStatement ps = connection.prepareStatement("""
                select query from pg_stat_activity
                where datname = current_database() and state = 'active' and pid <> pg_backend_pid()""")) {
            while (running && samples < MAX_SAMPLES) {
                try (ResultSet rs = ps.executeQuery()) {
                    synchronized (counts) {
                        samples++;
                        while (rs.next()) {
                            String q = rs.getString(1).replaceAll("\\s+", " ").trim();
                            counts.merge(q.length() > 150 ? q.substring(0, 150) : q, 1, Integer::sum);
                        }
                    }
                }
                Thread.sleep(INTERVAL_MS);
            }
        } catch (SQLException e) {
            System.err.println("activity sampler stopped: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5000);
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing a read-only session
        }
    }

    /** The statements seen most, with their share of the samples (1.0 = one session busy all the time). */
    void print() {
        synchronized (counts) {
            ScaleBenchmark.line("  busiest statements (%d samples of pg_stat_activity every %d ms; share = sessions busy "
                    + "with it on average):", samples, INTERVAL_MS);
            counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(10)
                    .forEach(e -> ScaleBenchmark.line("    %5.2f  %s", e.getValue() / (double) Math.max(1, samples),
                            e.getKey()));
        }
    }
}
