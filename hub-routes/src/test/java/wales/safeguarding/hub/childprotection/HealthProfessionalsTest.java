package wales.safeguarding.hub.childprotection;

import static org.assertj.core.api.Assertions.assertThat;
import static wales.safeguarding.hub.childprotection.HealthProfessionals.Service.HEALTH_BOARD;
import static wales.safeguarding.hub.childprotection.HealthProfessionals.Service.HEALTH_VISITING;
import static wales.safeguarding.hub.childprotection.HealthProfessionals.Service.SCHOOL_NURSING;

import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Recommendation 1.4 ("GPs and other relevant health professionals must be invited"): which, by the child's age. */
class HealthProfessionalsTest {

    private static final LocalDate CONFERENCE = LocalDate.parse("2025-06-24");

    @Test
    @DisplayName("1.4: a child under five: the health board and the health visitor")
    void should_invite_the_health_visitor_for_a_child_under_five() {
        assertThat(HealthProfessionals.forChild(LocalDate.parse("2025-06-01"), CONFERENCE))
                .containsExactly(HEALTH_BOARD, HEALTH_VISITING);
        assertThat(HealthProfessionals.forChild(LocalDate.parse("2020-06-25"), CONFERENCE))
                .as("the day before the fifth birthday").containsExactly(HEALTH_BOARD, HEALTH_VISITING);
    }

    @Test
    @DisplayName("1.4: a child of school age: the health board and the school nurse, from the fifth birthday")
    void should_invite_the_school_nurse_from_the_fifth_birthday() {
        assertThat(HealthProfessionals.forChild(LocalDate.parse("2020-06-24"), CONFERENCE))
                .containsExactly(HEALTH_BOARD, SCHOOL_NURSING);
        assertThat(HealthProfessionals.forChild(LocalDate.parse("2006-06-25"), CONFERENCE))
                .as("eighteen").containsExactly(HEALTH_BOARD, SCHOOL_NURSING);
    }

    @Test
    @DisplayName("1.4: the health board alone for a young person of nineteen, an unknown or a future date of birth")
    void should_invite_the_health_board_alone_otherwise() {
        assertThat(HealthProfessionals.forChild(LocalDate.parse("2006-06-24"), CONFERENCE)).containsExactly(HEALTH_BOARD);
        assertThat(HealthProfessionals.forChild(null, CONFERENCE)).containsExactly(HEALTH_BOARD);
        assertThat(HealthProfessionals.forChild(LocalDate.parse("2025-07-01"), CONFERENCE))
                .as("an unborn child (a pre-birth conference)").containsExactly(HEALTH_BOARD);
    }
}
