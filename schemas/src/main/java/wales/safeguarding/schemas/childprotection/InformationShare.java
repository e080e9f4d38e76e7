package wales.safeguarding.schemas.childprotection;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of {@code information-share}: one agency shares what others protecting the child need to
 * know. Schools receive neither {@code policeIntelligence} nor the subject's name.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InformationShare(
        InformationSubject about,
        String category,
        String summary,
        String policeIntelligence,
        String handlingRestrictions,
        ChildRef child) {}
