package wales.safeguarding.hub.console;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/** Each console user's remembered preferences. */
@ApplicationScoped
public class ConsoleUserRepository {

    public Optional<String> language(Connection c, String user) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select language from console_user where user_name = ?")) {
            ps.setString(1, user);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public void setLanguage(Connection c, String user, String language, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into console_user (user_name, language, updated_at) values (?, ?, ?)
                on conflict (user_name) do update set language = excluded.language, updated_at = excluded.updated_at""")) {
            ps.setString(1, user);
            ps.setString(2, language);
            ps.setTimestamp(3, Timestamp.from(at));
            ps.executeUpdate();
        }
    }
}
