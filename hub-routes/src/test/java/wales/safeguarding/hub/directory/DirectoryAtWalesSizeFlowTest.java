package wales.safeguarding.hub.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import wales.safeguarding.hub.database.Transactions;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.OwnSchema;
import wales.safeguarding.hub.support.TrackingDatabaseResource;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.LanguagePreference;

/**
 * 2,000 synthetic agencies (fake ids and codes, {@code example.org} addresses) in a schema of their own: loaded on a
 * first start, polled while nothing changes (one query, no swap; its cost measured on an open connection), and
 * reloaded after a change while another thread keeps looking agencies up, none of which goes missing. The times are
 * printed for the README, not asserted.
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class DirectoryAtWalesSizeFlowTest {

    private static final Logger LOG = Logger.getLogger(DirectoryAtWalesSizeFlowTest.class);
    private static final String SCHEMA = "directory_wales_size";
    private static final int COUNCILS = 22;
    private static final int PRACTICES = 380;
    private static final int SCHOOLS = 1_588;
    private static final int POLLS = 200;

    @Inject
    DataSource suite;

    private DataSource schema;

    @BeforeEach
    void an_empty_directory_in_its_own_schema() throws SQLException {
        schema = OwnSchema.fresh(suite, SCHEMA);
        Flyway.configure().dataSource(schema).schemas(SCHEMA).locations("filesystem:src/main/resources/db/migration")
                .load().migrate();
    }

    @AfterEach
    void drop_the_schema() throws SQLException {
        execute(suite, "drop schema if exists " + SCHEMA + " cascade");
    }

    @Test
    void should_load_poll_and_reload_two_thousand_agencies_without_a_lookup_going_missing() throws Exception {
        List<Agency> agencies = walesSize();
        Path file = Path.of("target", "directory-wales-size-" + ProcessHandle.current().pid() + ".json");
        ObjectNode root = CanonicalJson.mapper().createObjectNode();
        root.set("agencies", CanonicalJson.mapper().valueToTree(agencies));
        Files.writeString(file, root.toString());
        DirectoryStore store = new DirectoryStore();
        Transactions transactions = new Transactions(schema);

        long t0 = System.nanoTime();
        DirectoryLoader.Loaded loaded = new DirectoryLoader(transactions, store, Optional.of(file.toString()),
                KnownTransports.onClasspath(), Clock.systemUTC()).load();
        long firstStartMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(loaded.agencies()).hasSize(agencies.size());

        Directory directory = new Directory(loaded.agencies());
        List<DirectoryChanged> changes = new ArrayList<>();
        try (DirectoryRefresher refresher = new DirectoryRefresher(directory, loaded.version(), schema, store,
                DirectoryFile.resolvingAgainst("http://127.0.0.1"), changes::add)) {
            assertThat(refresher.refresh()).isFalse();
            long pollMicros;
            try (Connection c = schema.getConnection()) {
                t0 = System.nanoTime();
                for (int i = 0; i < POLLS; i++) {
                    assertThat(store.version(c)).isEqualTo(loaded.version());
                }
                pollMicros = (System.nanoTime() - t0) / 1_000 / POLLS;
            }

            Agency school = directory.find("school-000001").orElseThrow();
            Agency moved = school.withEndpoint(new Agency.Endpoint("https://moved.school-000001.example.org/hub",
                    "rest-json"));
            transactions.inTransaction(c -> {
                store.lockVersion(c);
                store.put(c, List.of(moved), "test", Instant.now());
                return store.bump(c, "test", Instant.now());
            });

            AtomicBoolean reading = new AtomicBoolean(true);
            AtomicLong lookups = new AtomicLong();
            AtomicLong missing = new AtomicLong();
            Thread reader = new Thread(() -> {
                int i = 0;
                while (reading.get()) {
                    String number = String.format("%07d", 6_600_000 + i % SCHOOLS);
                    if (directory.bySchoolNumber(number).isEmpty() || directory.forClient("gp-" + (i % PRACTICES))
                            .isEmpty()) {
                        missing.incrementAndGet();
                    }
                    lookups.incrementAndGet();
                    i++;
                }
            }, "lookups-during-reload");
            reader.start();
            t0 = System.nanoTime();
            boolean swapped = refresher.refresh();
            long reloadMs = (System.nanoTime() - t0) / 1_000_000;
            long lookupsDuringReload = lookups.get();
            reading.set(false);
            reader.join();

            assertThat(swapped).isTrue();
            assertThat(missing.get()).isZero();
            assertThat(directory.find("school-000001")).contains(moved);
            assertThat(changes).containsExactly(new DirectoryChanged(Set.of(), Set.of("school-000001"),
                    Set.of()));

            t0 = System.nanoTime();
            List<Agency> edited = new ArrayList<>(agencies);
            edited.replaceAll(a -> a.id().equals(moved.id()) ? moved : a);
            DirectoryRules.Diff diff = DirectoryRules.diff(agencies, edited);
            List<?> violations = DirectoryRules.violations(edited, KnownTransports.onClasspath());
            long rulesMs = (System.nanoTime() - t0) / 1_000_000;
            assertThat(violations).isEmpty();
            assertThat(diff.changed()).containsOnlyKeys("school-000001");

            transactions.inTransaction(c -> {
                store.lockVersion(c);
                store.put(c, List.of(school), "test", Instant.now());
                return store.bump(c, "test", Instant.now());
            });
            t0 = System.nanoTime();
            assertThat(refresher.refresh()).isTrue();
            long secondReloadMs = (System.nanoTime() - t0) / 1_000_000;
            assertThat(directory.find("school-000001")).contains(school);

            LOG.infof("directory at %d agencies: first start (read, validate, store) %d ms; the poll's query (no"
                    + " change) %d µs; reload and swap after a change %d ms (again: %d ms), %d lookups meanwhile, none"
                    + " missing; validate and diff %d ms", agencies.size(), firstStartMs, pollMicros, reloadMs,
                    secondReloadMs, lookupsDuringReload, rulesMs);
        }
    }

    /** 22 councils, 4 forces, 6 boards, 380 practices, 1,588 schools: 2,000, all synthetic. */
    private static List<Agency> walesSize() {
        List<Agency> agencies = new ArrayList<>();
        String[] forces = {"force-north", "force-dyfed", "force-south", "force-gwent"};
        for (String force : forces) {
            agencies.add(agency(force, AgencyKind.POLICE, null, null, null, null, null));
        }
        for (int b = 0; b < 6; b++) {
            agencies.add(agency("board-" + b, AgencyKind.SAFEGUARDING_BOARD, null, null, null, null, null));
        }
        for (int c = 0; c < COUNCILS; c++) {
            agencies.add(agency("council-" + c, AgencyKind.COUNCIL, String.format("W060000%02d", c + 1), null, null,
                    forces[c % 4], "board-" + c % 6));
        }
        for (int p = 0; p < PRACTICES; p++) {
            agencies.add(agency("gp-" + p, AgencyKind.GP_PRACTICE, null, String.format("X%05d", p), null, null, null));
        }
        for (int s = 0; s < SCHOOLS; s++) {
            agencies.add(agency(String.format("school-%06d", s), AgencyKind.SCHOOL, null, null,
                    String.format("%07d", 6_600_000 + s), null, null));
        }
        return agencies;
    }

    private static Agency agency(String id, AgencyKind kind, String la, String ods, String school, String force,
            String board) {
        return new Agency(id, kind, Map.of("en", "Synthetic " + id, "cy", "Synthetig " + id), la, ods, school, force,
                board, new Agency.Endpoint("https://" + id + ".example.org/hub", "rest-json"),
                LanguagePreference.UNKNOWN, List.of(id),
                List.of(new Agency.Contact("designated-safeguarding-person", "Synthetic Person",
                        "dsp@" + id + ".example.org")));
    }

    private static void execute(DataSource dataSource, String... statements) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
