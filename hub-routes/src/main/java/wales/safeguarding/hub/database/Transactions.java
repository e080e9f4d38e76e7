package wales.safeguarding.hub.database;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Runs a unit of work in one database transaction: all of it is stored, or none of it.
 */
@ApplicationScoped
public class Transactions {

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    public Transactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> T inTransaction(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new TrackingStoreException(e);
        }
    }

    /** A failure of the tracking database: transient from the caller's point of view. */
    public static final class TrackingStoreException extends RuntimeException {
        public TrackingStoreException(SQLException cause) {
            super("tracking database failed: " + cause.getMessage() + " (SQLState " + cause.getSQLState() + ")", cause);
        }
    }
}
