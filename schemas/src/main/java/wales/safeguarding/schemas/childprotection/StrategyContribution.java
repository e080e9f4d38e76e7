package wales.safeguarding.schemas.childprotection;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import wales.safeguarding.schemas.dutytoreport.Practitioner;

/**
 * Body of {@code strategy-contribution}: what an agency the hub asked (the child's GP practice, school or health
 * board) knows of the children, for the strategy discussion {@code meetingId}; {@code nothingKnown} when it holds
 * nothing beyond their registration.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StrategyContribution(String meetingId, String information, Boolean nothingKnown,
        Practitioner contributedBy, List<ChildRef> children) {

    public StrategyContribution {
        children = children == null ? null : List.copyOf(children);
    }
}
