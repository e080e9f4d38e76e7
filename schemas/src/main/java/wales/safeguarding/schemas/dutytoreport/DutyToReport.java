package wales.safeguarding.schemas.dutytoreport;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Body of {@code duty-to-report}: a concern about one or more children, made to their local
 * authority.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DutyToReport(
        Reporter reporter,
        List<Child> children,
        List<HouseholdMember> householdMembers,
        List<String> categoriesOfConcern,
        String description,
        boolean immediateRisk,
        OriginalReport originalReport) {

    public DutyToReport {
        children = children == null ? null : List.copyOf(children);
        householdMembers = householdMembers == null ? null : List.copyOf(householdMembers);
        categoriesOfConcern = categoriesOfConcern == null ? null : List.copyOf(categoriesOfConcern);
    }
}
