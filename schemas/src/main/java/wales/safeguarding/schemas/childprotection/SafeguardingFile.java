package wales.safeguarding.schemas.childprotection;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The safeguarding file that follows a child to a new school: the plan (if the child has one), the
 * latest conference record by reference, the chronology, the key contacts and other documents.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SafeguardingFile(
        DocumentContent plan,
        MinutesReference latestMinutes,
        DocumentContent chronology,
        List<KeyContact> keyContacts,
        List<DocumentContent> attachments) {

    public SafeguardingFile {
        keyContacts = keyContacts == null ? null : List.copyOf(keyContacts);
        attachments = attachments == null ? null : List.copyOf(attachments);
    }
}
