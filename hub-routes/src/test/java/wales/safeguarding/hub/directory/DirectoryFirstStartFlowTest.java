package wales.safeguarding.hub.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import wales.safeguarding.hub.database.Transactions;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.Database;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.OwnSchema;
import wales.safeguarding.hub.support.TrackingDatabaseResource;
import wales.safeguarding.schemas.envelope.LanguagePreference;

/**
 * An upgrade to V12 in a schema of its own: the console's edits kept before V12 are applied once into the directory
 * table, and two hub instances starting at the same moment load the directory file once.
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class DirectoryFirstStartFlowTest {

    private static final String SCHEMA = "directory_first_start";
    private static final String POLICE = AgencyStubs.DYFED_POWYS_POLICE;

    @Inject
    DataSource suite;

    private DataSource upgraded;
    private String location;

    @BeforeEach
    void a_schema_at_v11_with_a_console_edit() throws SQLException {
        upgraded = OwnSchema.fresh(suite, SCHEMA);
        Config config = ConfigProvider.getConfig();
        location = config.getValue("hub.directory.location", String.class);
        migrate("11");
        execute(upgraded, """
                insert into directory_edit (agency_id, name_en, name_cy, endpoint_url, language, contacts, updated_at,
                    updated_by)
                values ('%s', 'Legacy Police', null, 'https://moved.example.org/hub', 'cy',
                    '[{"role":"dsp","name":"Sgt Jones","email":"jones@example.org"}]', now(), 'dafydd'),
                    ('an-agency-no-longer-in-the-file', 'Gone', null, null, 'en', '[]', now(), 'dafydd')"""
                .formatted(POLICE));
    }

    @AfterEach
    void drop_the_schema() throws SQLException {
        execute(suite, "drop schema if exists " + SCHEMA + " cascade");
    }

    @Test
    void should_load_the_file_once_with_the_old_edits_applied_when_two_instances_start_together() throws Exception {
        migrate(null);
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        List<DirectoryLoader.Loaded> loaded;
        try {
            List<CompletableFuture<DirectoryLoader.Loaded>> starts = List.of(start(together, instances),
                    start(together, instances));
            loaded = starts.stream().map(f -> f.orTimeout(60, TimeUnit.SECONDS).join()).toList();
        } finally {
            instances.shutdownNow();
        }

        assertThat(loaded).extracting(DirectoryLoader.Loaded::fromFile).containsExactlyInAnyOrder(true, false);
        assertThat(loaded).extracting(DirectoryLoader.Loaded::version).containsOnly(1L);
        assertThat(loaded.get(0).agencies()).containsExactlyInAnyOrderElementsOf(loaded.get(1).agencies());
        Database db = new Database(upgraded);
        assertThat(db.count("select count(*) from directory_agency"))
                .isEqualTo(AgencyStubs.ALL.length + AgencyStubs.CARDIFF_HEALTH.length
                        + AgencyStubs.EDUCATION_PROVIDERS.length + 1 /* AgencyStubs.NATIONAL_BOARD */
                        + AgencyStubs.CARDIFF_EDUCATION.length);
        assertThat(db.count("select version from directory_version")).isEqualTo(1);
        assertThat(db.count("select count(*) from directory_edit_before_v12")).isZero();

        Agency police = new Directory(loaded.get(0).agencies()).find(POLICE).orElseThrow();
        assertThat(police.name()).containsEntry("en", "Legacy Police");
        assertThat(police.endpoint()).isEqualTo(new Agency.Endpoint("https://moved.example.org/hub", "rest-json"));
        assertThat(police.language()).isEqualTo(LanguagePreference.CY);
        assertThat(police.contact("dsp").orElseThrow().name()).isEqualTo("Sgt Jones");

        DirectoryLoader.Loaded restart = loader().load();
        assertThat(restart.fromFile()).isFalse();
        assertThat(restart.version()).isEqualTo(1);
        assertThat(restart.agencies()).containsExactlyInAnyOrderElementsOf(loaded.get(0).agencies());
    }

    private CompletableFuture<DirectoryLoader.Loaded> start(CyclicBarrier together, ExecutorService instances) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                together.await(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return loader().load();
        }, instances);
    }

    private DirectoryLoader loader() {
        return new DirectoryLoader(new Transactions(upgraded), new DirectoryStore(), Optional.of(location),
                KnownTransports.onClasspath(), Clock.systemUTC());
    }

    private void migrate(String target) {
        OwnSchema.migrate(upgraded, SCHEMA, target);
    }

    private static void execute(DataSource dataSource, String... statements) throws SQLException {
        OwnSchema.execute(dataSource, statements);
    }
}
