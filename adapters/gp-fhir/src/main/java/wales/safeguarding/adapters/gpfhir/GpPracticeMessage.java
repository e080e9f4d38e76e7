package wales.safeguarding.adapters.gpfhir;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import wales.safeguarding.schemas.envelope.Language;
import wales.safeguarding.schemas.envelope.MessageType;

/**
 * A message a GP practice sent over FHIR, read into the canonical contract: the envelope's parts the practice gives
 * and the body. The hub adds the rest (the message id, derived from {@code practiceMessageId}; the sender, the agency
 * the caller authenticated as).
 *
 * @param practiceMessageId the practice's {@code MessageHeader.id}: a resend with the same id is the same message
 * @param recipients        agency ids named in {@code MessageHeader.destination.name} (the hub's routing adds the rest)
 * @param language          {@code QuestionnaireResponse.language}, English when not given
 * @param securityLabel     from {@code Bundle.meta.security}, or null (the hub's default)
 * @param createdAt         {@code QuestionnaireResponse.authored}, else {@code Bundle.timestamp}, else null (now)
 * @param locations         for each JSON pointer of the canonical message, the FHIR element it came from
 */
public record GpPracticeMessage(MessageType type, String practiceMessageId, List<String> recipients,
        String caseReference, String childReference, UUID correlationId, Language language, String securityLabel,
        OffsetDateTime createdAt, ObjectNode body, Map<String, String> locations) {

    /** Where the practice's FHIR held what a canonical pointer names: the element of the longest known prefix. */
    public String locate(String pointer) {
        String p = pointer == null ? "" : pointer;
        while (true) {
            String found = locations.get(p);
            if (found != null) {
                return found;
            }
            int slash = p.lastIndexOf('/');
            if (slash < 0) {
                return locations.getOrDefault("", "Bundle");
            }
            p = p.substring(0, slash);
        }
    }
}
