package wales.safeguarding.hub.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import wales.safeguarding.hub.metrics.HubGauges;
import wales.safeguarding.hub.metrics.HubMetrics;
import wales.safeguarding.hub.rules.ChildFingerprints;
import wales.safeguarding.hub.support.AgencyStubs;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.CaseMessages;
import wales.safeguarding.hub.support.Database;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.HubApi;
import wales.safeguarding.hub.support.InjectAgencyStubs;
import wales.safeguarding.hub.support.TrackingDatabaseResource;

/**
 * No child's identifier stored where it can be read back: a child named without the council's childReference was
 * stored as an unkeyed SHA-256 of name and date of birth ({@code child-<hex>}), which a copy of the database can be
 * checked against. A case recorded so (or under a previous key) still finds its child, and the message that names the
 * child rewrites the stored key, the conferences' and the clocks' with it, to the current keyed form
 * ({@code ck1-<key id>-<hex>}).
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class ChildKeyRekeyFlowTest {

    private static final String COUNCIL = AgencyStubs.CARMARTHENSHIRE;
    private static final String POLICE = AgencyStubs.DYFED_POWYS_POLICE;
    private static final String NAME = "Alys Enghraifft";
    private static final LocalDate BORN = LocalDate.parse("2016-04-12");
    /** The previous key of the test profile (hub.child-keys.previous-keys=old): not a secret. */
    private static final ChildFingerprints OLD_KEY = ChildFingerprints.of("old",
            Map.of("old", "test-only-previous-child-key-never-use-it-in-production"));

    @InjectAgencyStubs
    AgencyStubs agencies;

    @Inject
    DataSource dataSource;

    @Inject
    ChildFingerprints fingerprints;

    @Inject
    HubGauges gauges;

    @Inject
    MeterRegistry registry;

    private Database database;
    private CaseMessages journey;

    @BeforeEach
    void fresh() {
        agencies.reset();
        database = new Database(dataSource);
        journey = new CaseMessages();
    }

    @Test
    @DisplayName("No child's identifier stored where it can be read back: a child stored under the unkeyed hash is found by the next message and stored again under the keyed form, with their conference and clock")
    void should_find_a_child_stored_unkeyed_and_store_them_keyed() {
        String unkeyed = unkeyed(NAME, BORN);
        String keyed = fingerprints.of(NAME, BORN);
        assertThat(keyed).matches("ck1-test-[0-9a-f]{32}");
        recordedBefore(unkeyed);
        double legacyBefore = legacyGauge();
        assertThat(legacyBefore).isGreaterThanOrEqualTo(1);

        // the school tells of a disclosure and gives no GP practice: only a registered child known to the case
        // reaches their core group (the GP practice and the police force the case record holds)
        HubApi.send(AgencyStubs.SCHOOL, disclosure()).statusCode(202)
                .body("recipients", hasItems(COUNCIL, AgencyStubs.GP, POLICE));

        String ref = journey.caseReference();
        assertThat(database.text("select string_agg(child_key, ',') from case_child where case_reference = ?", ref))
                .isEqualTo(keyed);
        assertThat(database.count("select count(*) from case_child where case_reference = ? and registered", ref))
                .isEqualTo(1);
        assertThat(database.text("select subject from statutory_clock where case_reference = ?", ref)).isEqualTo(keyed);
        assertThat(database.text("select string_agg(child_key, ',') from core_group_attendance where case_reference = ?",
                ref)).isEqualTo(keyed);
        assertThat(database.text("select array_to_string(child_keys, ',') from conference where case_reference = ?",
                ref)).isEqualTo(keyed + ",CCS-CHILD-OTHER");
        assertThat(database.count("""
                select count(*) from case_child where case_reference = ? and (child_key like 'child-%'
                    or child_key ilike '%alys%' or child_key like '%2016%')""", ref)).isZero();
        assertThat(legacyGauge()).isEqualTo(legacyBefore - 1);
    }

    @Test
    @DisplayName("No child's identifier stored where it can be read back: a child stored under a previous key is found and stored again under the current key")
    void should_find_a_child_stored_under_a_previous_key_and_rekey_them() {
        String old = OLD_KEY.of(NAME, BORN);
        assertThat(old).startsWith("ck1-old-");
        recordedBefore(old);

        HubApi.send(AgencyStubs.SCHOOL, disclosure()).statusCode(202)
                .body("recipients", hasItems(COUNCIL, AgencyStubs.GP, POLICE));

        assertThat(database.text("select string_agg(child_key, ',') from case_child where case_reference = ?",
                journey.caseReference())).isEqualTo(fingerprints.of(NAME, BORN));
    }

    @Test
    @DisplayName("No child's identifier stored where it can be read back: a new case stores its child under the keyed form only")
    void should_store_a_new_child_keyed() {
        ObjectNode strategy = CaseMessages.naming(CaseMessages.inviting(journey.of("strategy-meeting-invitation"),
                AgencyStubs.GP), AgencyStubs.GP);
        strategy.with("body").remove("dutyToReportId");

        HubApi.send(COUNCIL, strategy).statusCode(202);

        assertThat(database.text("select string_agg(child_key, ',') from case_child where case_reference = ?",
                journey.caseReference())).isEqualTo(fingerprints.of(NAME, BORN)).matches("ck1-test-[0-9a-f]{32}");
    }

    /** A school alert about Alys, without her GP practice. */
    private ObjectNode disclosure() {
        ObjectNode alert = journey.of("school-alert");
        alert.with("body").with("child").remove("gpPractice");
        return CaseMessages.naming(alert, COUNCIL);
    }

    /** The case as a hub before keyed fingerprints left it: Alys registered, her core group clock, her conference. */
    private void recordedBefore(String childKey) {
        String ref = journey.caseReference();
        UUID plan = UUID.randomUUID();
        database.update("insert into child_case (case_reference, council, updated_at) values (?, ?, now())", ref,
                COUNCIL);
        database.update("""
                insert into case_child (case_reference, child_key, gp_practice, school, police_force, registered,
                    updated_at)
                values (?, ?, 'gp-z99001', 'school-6699001', 'dyfed-powys-police', true, now())""", ref, childKey);
        database.update("""
                insert into message (message_id, message_type, schema_version, sender, case_reference, language,
                    security_label, created_at, accepted_at, payload_sha256, payload_key)
                values (?, 'outline-plan', '1.0', ?, ?, 'en', 'OFFICIAL-SENSITIVE', now(), now(), 'x', 'plain')""", plan,
                COUNCIL, ref);
        database.update("""
                insert into statutory_clock (message_id, clock, owed_by, waiting, started_at, due_at, case_reference,
                    subject)
                values (?, 'core-group', ?, ?, now(), now() + interval '42 days', ?, ?)""", plan, COUNCIL, COUNCIL,
                ref, childKey);
        database.update("""
                insert into conference (case_reference, conference_id, kind, starts_at, child_keys, updated_at)
                values (?, ?, 'initial', now(), array[?, 'CCS-CHILD-OTHER'], now())""", ref, journey.conferenceId(),
                childKey);
        // who came to her last core group: the run of absences is counted per child, so it must follow her key
        database.update("""
                insert into core_group_attendance (case_reference, child_key, plan_id, met_on, party, agency, council,
                    status, recorded_at)
                values (?, ?, 'PLAN-OLD', current_date - 30, 'agency', 'gp-z99001', ?, 'absent', now())""", ref,
                childKey, COUNCIL);
    }

    private double legacyGauge() {
        gauges.refresh();
        return registry.get(HubMetrics.CHILD_KEYS_LEGACY).gauge().value();
    }

    /** The key a hub before keyed fingerprints stored: the first 8 bytes of a plain SHA-256, anyone can compute it. */
    private static String unkeyed(String name, LocalDate born) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((name.trim().toLowerCase() + "|" + born)
                    .getBytes(StandardCharsets.UTF_8));
            return "child-" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
