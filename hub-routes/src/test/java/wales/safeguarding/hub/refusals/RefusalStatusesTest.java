package wales.safeguarding.hub.refusals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RefusalStatusesTest {

    @Test
    void should_count_the_refusals_of_issue_11_and_nothing_else() {
        assertThat(RefusalStatuses.COUNTED).containsExactlyInAnyOrder(401, 403, 409, 413, 415, 422, 429);
        assertThat(RefusalStatuses.counted(200)).isFalse();
        assertThat(RefusalStatuses.counted(400)).isFalse();
        assertThat(RefusalStatuses.counted(404)).isFalse();
        assertThat(RefusalStatuses.counted(500)).isFalse();
    }

    @Test
    void should_name_the_problem_type_by_the_hubs_problem_or_else_by_the_status() {
        assertThat(RefusalStatuses.problemType(403, "https://hub.safeguarding.wales/problems/sender-mismatch"))
                .isEqualTo("sender-mismatch");
        assertThat(RefusalStatuses.problemType(401, null)).isEqualTo("unauthenticated");
        assertThat(RefusalStatuses.problemType(413, "")).isEqualTo("too-large");
    }
}
