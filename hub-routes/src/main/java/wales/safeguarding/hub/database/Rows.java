package wales.safeguarding.hub.database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the rows of a query, each mapped to a value. */
public final class Rows {

    /** Makes one value of the current row. */
    @FunctionalInterface
    public interface Mapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private Rows() {
    }

    public static <T> List<T> list(PreparedStatement ps, Mapper<T> mapper) throws SQLException {
        List<T> found = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.add(mapper.map(rs));
            }
        }
        return found;
    }

    /** Sets the parameters in order: an instant as a timestamp, anything else as it is (null as SQL null). */
    public static PreparedStatement bind(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i] instanceof Instant at ? Timestamp.from(at) : values[i];
            ps.setObject(i + 1, v);
        }
        return ps;
    }

    /** A timestamp column as an instant; null stays null. */
    public static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
