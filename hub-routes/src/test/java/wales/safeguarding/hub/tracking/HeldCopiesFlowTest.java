package wales.safeguarding.hub.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import wales.safeguarding.hub.support.AgencyStubsResource;
import wales.safeguarding.hub.support.FreshBrokerJournal;
import wales.safeguarding.hub.support.OwnSchema;
import wales.safeguarding.hub.support.TrackingDatabaseResource;
import wales.safeguarding.hub.tracking.HeldCopiesRepository.HeldCopy;

/**
 * The order within a case (hub-routes README, "Order within a case"): the SQL that says when a copy waits behind an
 * earlier copy of its case to the same agency, which held copy's turn comes next, and which held copies the outbox
 * sweeper may queue. Case 1 has three messages A, B, C to the council (in that order) and A's copy to a school; case
 * 2 has one message D; E has no case.
 */
@QuarkusTest
@WithTestResource(TrackingDatabaseResource.class)
@WithTestResource(FreshBrokerJournal.class)
@WithTestResource(AgencyStubsResource.class)
@WithTestResource(OidcWiremockTestResource.class)
class HeldCopiesFlowTest {

    private static final String SCHEMA = "held_copies";
    private static final String COUNCIL = "council";
    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID C = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    private static final UUID D = UUID.fromString("00000000-0000-0000-0000-00000000000d");
    private static final UUID E = UUID.fromString("00000000-0000-0000-0000-00000000000e");
    private static final Instant HELD_AT = Instant.parse("2026-12-04T10:00:00Z");
    private static final Instant LATER = HELD_AT.plusSeconds(3600);

    @Inject
    DataSource suite;

    @Inject
    HeldCopiesRepository held;

    private DataSource own;

    @BeforeEach
    void a_case_of_three_messages() throws SQLException {
        own = OwnSchema.fresh(suite, SCHEMA);
        OwnSchema.migrate(own, SCHEMA, null);
        OwnSchema.execute(own, """
                insert into message (message_id, message_type, schema_version, sender, case_reference, language,
                    security_label, created_at, accepted_at, payload_sha256, payload_key)
                values ('%s', 'information-share', '1.0', 'police', 'CCS-1', 'en', 'OFFICIAL-SENSITIVE', now(), '2026-12-04T09:00:01Z', 'x', 'plain'),
                       ('%s', 'information-share', '1.0', 'police', 'CCS-1', 'en', 'OFFICIAL-SENSITIVE', now(), '2026-12-04T09:00:02Z', 'x', 'plain'),
                       ('%s', 'information-share', '1.0', 'police', 'CCS-1', 'en', 'OFFICIAL-SENSITIVE', now(), '2026-12-04T09:00:03Z', 'x', 'plain'),
                       ('%s', 'information-share', '1.0', 'police', 'CCS-2', 'en', 'OFFICIAL-SENSITIVE', now(), '2026-12-04T09:00:00Z', 'x', 'plain'),
                       ('%s', 'information-share', '1.0', 'police', null, 'en', 'OFFICIAL-SENSITIVE', now(), '2026-12-04T08:00:00Z', 'x', 'plain')
                """.formatted(A, B, C, D, E), """
                insert into delivery (message_id, recipient, state, updated_at) values
                    ('%s', 'council', 'queued', now()), ('%s', 'school', 'failed', now()),
                    ('%s', 'council', 'queued', now()), ('%s', 'council', 'queued', now()),
                    ('%s', 'council', 'queued', now()), ('%s', 'council', 'queued', now())
                """.formatted(A, A, B, C, D, E));
    }

    @Test
    void should_hold_a_copy_behind_the_earlier_copy_of_its_case_to_the_same_agency_only() throws SQLException {
        try (Connection c = own.getConnection()) {
            assertThat(held.earlierCopyPending(c, A, COUNCIL)).as("the first of its case").isEmpty();
            assertThat(held.earlierCopyPending(c, B, COUNCIL)).as("on its way; A's failing copy to the school is not "
                    + "the council's business").contains(DeliveryState.QUEUED);
            assertThat(held.earlierCopyPending(c, D, COUNCIL)).as("another case").isEmpty();
            assertThat(held.earlierCopyPending(c, E, COUNCIL)).as("no case").isEmpty();
            setState(c, A, "failed");
            assertThat(held.earlierCopyPending(c, B, COUNCIL)).as("A waits for its retry").contains(DeliveryState.FAILED);
            setState(c, A, "dead-lettered");
            assertThat(held.earlierCopyPending(c, B, COUNCIL)).as("A given up").isEmpty();
        }
    }

    @Test
    void should_release_the_next_held_copy_of_the_case_only_when_every_earlier_copy_is_done() throws SQLException {
        try (Connection c = own.getConnection()) {
            assertThat(held.hold(c, B, COUNCIL, HELD_AT)).isTrue();
            assertThat(held.hold(c, B, COUNCIL, LATER)).as("held once; keeps its first time").isFalse();
            assertThat(held.hold(c, C, COUNCIL, HELD_AT)).isTrue();
            assertThat(held.hold(c, D, COUNCIL, HELD_AT)).isTrue();

            assertThat(held.anyHeld(c, A, COUNCIL)).isTrue();
            assertThat(held.anyHeld(c, A, "school")).isFalse();
            assertThat(held.anyHeld(c, E, COUNCIL)).as("no case").isFalse();
            assertThat(held.nextHeld(c, A, COUNCIL).map(HeldCopy::messageId)).contains(B);
            assertThat(held.nextHeld(c, A, COUNCIL).map(HeldCopy::heldSince)).contains(HELD_AT);
            assertThat(ids(held.releasable(c, LATER, 10))).as("A still on its way; D waits for nothing")
                    .containsExactly(D);
            assertThat(held.releasable(c, HELD_AT, 10)).as("held for too short a time").isEmpty();

            setState(c, A, "delivered");
            assertThat(ids(held.releasable(c, LATER, 10))).as("B's turn; C still behind B").containsExactlyInAnyOrder(B, D);

            held.release(c, B, COUNCIL);
            assertThat(held.nextHeld(c, A, COUNCIL).map(HeldCopy::messageId)).contains(C);
            assertThat(ids(held.releasable(c, LATER, 10))).as("B queued, not yet delivered").containsExactly(D);
            setState(c, B, "delivered");
            assertThat(ids(held.releasable(c, LATER, 10))).containsExactlyInAnyOrder(C, D);
            held.release(c, C, COUNCIL);
            held.release(c, D, COUNCIL);
            assertThat(held.anyHeld(c, A, COUNCIL)).isFalse();
            assertThat(held.nextHeld(c, A, COUNCIL)).isEqualTo(Optional.empty());
        }
    }

    private static List<UUID> ids(List<HeldCopy> copies) {
        return copies.stream().map(HeldCopy::messageId).toList();
    }

    private static void setState(Connection c, UUID message, String state) throws SQLException {
        try (var ps = c.prepareStatement("update delivery set state = ? where message_id = ? and recipient = 'council'")) {
            ps.setString(1, state);
            ps.setObject(2, message);
            ps.executeUpdate();
        }
    }
}
