package wales.safeguarding.adapters.gpfhir;

import java.util.UUID;

import wales.safeguarding.schemas.childprotection.ConferenceReport;

/**
 * A GP practice's written report, read from a completed Task: the canonical {@code conference-report} body and the
 * invitation it answers.
 *
 * @param invitationMessageId the invitation's messageId (the envelope's {@code correlationId}), from
 *                            {@code Task.groupIdentifier}; null when the GP system did not keep it, and the hub must
 *                            find the invitation by {@code conferenceId}
 * @param body                the {@code conference-report} body
 */
public record GpConferenceReport(UUID invitationMessageId, ConferenceReport body) {
}
