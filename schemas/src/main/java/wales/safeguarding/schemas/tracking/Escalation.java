package wales.safeguarding.schemas.tracking;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Body of {@code escalation}: what is missing for a message whose clock ran out, who must act,
 * and the notice to send them in each language.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Escalation(
        UUID concerningMessageId,
        String step,
        List<String> missing,
        OffsetDateTime dueAt,
        List<Addressee> addressees,
        List<Notice> notices) {

    public Escalation {
        missing = missing == null ? null : List.copyOf(missing);
        addressees = addressees == null ? null : List.copyOf(addressees);
        notices = notices == null ? null : List.copyOf(notices);
    }
}
