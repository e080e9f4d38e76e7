package wales.safeguarding.schemas.childprotection;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of {@code conference-report}: an agency's written report for a conference (correlationId
 * names the invitation).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConferenceReport(
        String conferenceId,
        ReportAuthor author,
        DocumentContent report,
        String healthRelevantSummary) {}
