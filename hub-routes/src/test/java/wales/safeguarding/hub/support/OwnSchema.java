package wales.safeguarding.hub.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.postgresql.ds.PGSimpleDataSource;

/** A schema of a test's own on the suite's database, for a test that plays another hub instance or an older version. */
public final class OwnSchema {

    private OwnSchema() {
    }

    /** Drops and creates {@code schema}; returns a data source whose connections use it. */
    public static DataSource fresh(DataSource suite, String schema) throws SQLException {
        try (Connection c = suite.getConnection(); Statement st = c.createStatement()) {
            st.execute("drop schema if exists " + schema + " cascade");
            st.execute("create schema " + schema);
        }
        Config config = ConfigProvider.getConfig();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(config.getValue("quarkus.datasource.jdbc.url", String.class));
        ds.setUser(config.getValue("quarkus.datasource.username", String.class));
        ds.setPassword(config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
        ds.setCurrentSchema(schema);
        return ds;
    }

    /** Migrates {@code schema} with the hub's migrations, up to {@code target} (a version) or all when null. */
    public static void migrate(DataSource dataSource, String schema, String target) {
        var configuration = org.flywaydb.core.Flyway.configure().dataSource(dataSource).schemas(schema)
                .locations("filesystem:src/main/resources/db/migration");
        if (target != null) {
            configuration.target(target);
        }
        configuration.load().migrate();
    }

    /** Runs each statement in turn. */
    public static void execute(DataSource dataSource, String... statements) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
