package wales.safeguarding.hub.packaged;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A database of the test's own on the PostgreSQL server on 127.0.0.1:5432 (trust authentication, as on the CI
 * machine; {@code hub.it.postgres.url} and {@code .user} change where), made fresh for one test class and dropped after.
 */
final class ServerDatabase implements AutoCloseable {

    private static final String SERVER = System.getProperty("hub.it.postgres.url", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = System.getProperty("hub.it.postgres.user", "postgres");

    private final String name;

    private ServerDatabase(String name) {
        this.name = name;
    }

    static ServerDatabase create() throws SQLException {
        String name = "hub_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, null); Statement s = c.createStatement()) {
            s.execute("create database " + name + " encoding 'UTF8'");
        }
        return new ServerDatabase(name);
    }

    String jdbcUrl() {
        return SERVER + name;
    }

    /** What a hub needs to use this database instead of an embedded one. */
    Map<String, String> hubProperties() {
        return Map.of("quarkus.datasource.jdbc.url", jdbcUrl(), "quarkus.datasource.username", USER);
    }

    long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), USER, null); Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, null); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
        }
    }
}
