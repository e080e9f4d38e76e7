package wales.safeguarding.schemas.childprotection;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A child's health assessment as an {@code outline-plan} records it (recommendation 1.7): {@code done} before the
 * conference ({@code completedOn}), or an {@code action-set} at it, owned by a health agency ({@code owner}) and due
 * by {@code dueBy}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HealthAssessment(String status, LocalDate completedOn, String owner, LocalDate dueBy) {

    public static final String DONE = "done";
    public static final String ACTION_SET = "action-set";

    public boolean actionSet() {
        return ACTION_SET.equals(status);
    }
}
