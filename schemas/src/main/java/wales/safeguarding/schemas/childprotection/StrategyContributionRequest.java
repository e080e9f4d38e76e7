package wales.safeguarding.schemas.childprotection;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of {@code strategy-contribution-request}: children's services ask every relevant agency for what it knows, for
 * a strategy discussion held at short notice ({@code by} telephone, virtual or face-to-face, {@code heldAt}); each
 * agency asked answers with a {@code strategy-contribution} quoting {@code meetingId}, by {@code contributeBy} when
 * given.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StrategyContributionRequest(
        String meetingId,
        OffsetDateTime heldAt,
        String by,
        String purpose,
        OffsetDateTime contributeBy,
        UUID dutyToReportId,
        List<ChildRef> children) {

    public StrategyContributionRequest {
        children = children == null ? null : List.copyOf(children);
    }
}
