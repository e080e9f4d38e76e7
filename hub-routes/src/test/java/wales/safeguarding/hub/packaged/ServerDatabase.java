package wales.safeguarding.hub.packaged;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import wales.safeguarding.hub.database.EmbeddedDatabase;

/**
 * A database of the test's own on the PostgreSQL server on 127.0.0.1:5432 (trust authentication, as on the CI
 * machine; {@code hub.it.postgres.url} and {@code .user} change where), made fresh for one test class and dropped
 * after. On a machine without that server (a newcomer's {@code ./mvnw verify}) the test starts an embedded PostgreSQL
 * server of its own instead and says so; the hubs connect to it over TCP just the same.
 */
final class ServerDatabase implements AutoCloseable {

    private static final String SERVER = System.getProperty("hub.it.postgres.url", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = System.getProperty("hub.it.postgres.user", "postgres");

    private final String server;
    private final String name;
    private final EmbeddedDatabase embedded;

    private ServerDatabase(String server, String name, EmbeddedDatabase embedded) {
        this.server = server;
        this.name = name;
        this.embedded = embedded;
    }

    static ServerDatabase create(Path root) throws Exception {
        String server = SERVER;
        EmbeddedDatabase embedded = null;
        try (Connection c = DriverManager.getConnection(server + "postgres", USER, null)) {
            c.isValid(5);
        } catch (SQLException e) {
            System.out.printf("no PostgreSQL server at %s (%s): starting an embedded one for this test%n", server,
                    e.getMessage());
            embedded = EmbeddedDatabase.start(root.resolve("postgres-server"));
            server = "jdbc:postgresql://127.0.0.1:" + embedded.port() + "/";
        }
        String name = "hub_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(server + "postgres", USER, null); Statement s = c.createStatement()) {
            s.execute("create database " + name + " encoding 'UTF8'");
        }
        return new ServerDatabase(server, name, embedded);
    }

    String jdbcUrl() {
        return server + name;
    }

    /** The server's JDBC URL without a database ({@code jdbc:postgresql://host:port/}). */
    String serverUrl() {
        return server;
    }

    String name() {
        return name;
    }

    static String user() {
        return USER;
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
    public void close() throws Exception {
        try (Connection c = DriverManager.getConnection(server + "postgres", USER, null); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
