package wales.safeguarding.hub.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DeliveryStateTest {

    @Test
    void should_walk_the_happy_path_forward() {
        assertThat(DeliveryState.ACCEPTED.canMoveTo(DeliveryState.QUEUED)).isTrue();
        assertThat(DeliveryState.QUEUED.canMoveTo(DeliveryState.DELIVERED)).isTrue();
        assertThat(DeliveryState.DELIVERED.canMoveTo(DeliveryState.ACKNOWLEDGED)).isTrue();
        assertThat(DeliveryState.ACKNOWLEDGED.canMoveTo(DeliveryState.OUTCOME_GIVEN)).isTrue();
    }

    @Test
    void should_never_walk_back_when_a_late_receipt_arrives_after_the_acknowledgement() {
        assertThat(DeliveryState.ACKNOWLEDGED.canMoveTo(DeliveryState.DELIVERED)).isFalse();
        assertThat(DeliveryState.OUTCOME_GIVEN.canMoveTo(DeliveryState.ACKNOWLEDGED)).isFalse();
        assertThat(DeliveryState.DELIVERED.canMoveTo(DeliveryState.QUEUED)).isFalse();
    }

    @Test
    void should_let_an_answer_prove_delivery_before_the_receipt_is_recorded() {
        assertThat(DeliveryState.QUEUED.canMoveTo(DeliveryState.ACKNOWLEDGED)).isTrue();
        assertThat(DeliveryState.FAILED.canMoveTo(DeliveryState.OUTCOME_GIVEN)).isTrue();
    }

    @Test
    void should_only_leave_the_dead_letter_state_by_a_replay_or_an_answer() {
        assertThat(DeliveryState.DEAD_LETTERED.next())
                .containsExactlyInAnyOrder(DeliveryState.ACCEPTED, DeliveryState.ACKNOWLEDGED, DeliveryState.OUTCOME_GIVEN);
    }

    @Test
    void should_end_with_the_outcome() {
        assertThat(DeliveryState.OUTCOME_GIVEN.next()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(DeliveryState.class)
    void should_read_back_its_own_wire_name(DeliveryState state) {
        assertThat(DeliveryState.fromWireName(state.wireName())).isEqualTo(state);
        assertThat(state.canMoveTo(state)).as("no state moves to itself").isFalse();
    }

    @Test
    void should_refuse_an_unknown_wire_name() {
        assertThatThrownBy(() -> DeliveryState.fromWireName("lost")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lost");
    }

    @Test
    void an_operators_reconciliation_after_a_restore_may_store_a_waiting_copy_again_but_never_a_delivered_one() {
        assertThat(DeliveryState.QUEUED.canMoveTo(DeliveryState.ACCEPTED)).isTrue();
        assertThat(DeliveryState.FAILED.canMoveTo(DeliveryState.ACCEPTED)).isTrue();
        assertThat(DeliveryState.DELIVERED.canMoveTo(DeliveryState.ACCEPTED)).isFalse();
        assertThat(DeliveryState.ACKNOWLEDGED.canMoveTo(DeliveryState.ACCEPTED)).isFalse();
    }
}
