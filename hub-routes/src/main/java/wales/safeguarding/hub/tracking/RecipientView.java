package wales.safeguarding.hub.tracking;

import java.util.Objects;

/**
 * What one agency may see of a message's tracking record (issue 11 finding 5). The sender sees every recipient; a
 * recipient sees only its own delivery (state, reference, {@code lastError}), the clocks it owes or waits for, and
 * the history events that name it, plus the {@code accepted} event. Another recipient's refusal text may quote a
 * child, and which other agencies were told is not a recipient's business.
 */
public final class RecipientView {

    /** The history event written when the hub accepts a message; it names no recipient. */
    static final String ACCEPTED = "accepted";

    private RecipientView() {
    }

    /** {@code status} as {@code agencyId} may see it; the caller has checked that it sent or received the message. */
    public static MessageStatus of(MessageStatus status, String agencyId) {
        if (Objects.equals(status.sender(), agencyId)) {
            return status;
        }
        return new MessageStatus(status.messageId(), status.type(), status.sender(), status.caseReference(),
                status.correlationId(), status.acceptedAt(),
                status.recipients().stream().filter(r -> agencyId.equals(r.agencyId())).toList(),
                status.clocks().stream().filter(k -> agencyId.equals(k.owedBy()) || agencyId.equals(k.waiting())).toList(),
                status.history().stream().filter(e -> agencyId.equals(e.recipient())
                        || (e.recipient() == null && ACCEPTED.equals(e.event()))).toList());
    }
}
