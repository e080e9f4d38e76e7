package wales.safeguarding.hub.tracking;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.clocks.ClockRepository;

import wales.safeguarding.hub.database.Transactions;

/**
 * Reads a message's tracking record, for an agency that sent it or received it: the sender sees every recipient, a
 * recipient only its own delivery ({@link RecipientView}).
 */
@ApplicationScoped
public class MessageTracking {

    /** Why a caller may not see a message. */
    public enum Refusal { NOT_FOUND, NOT_YOURS }

    /** The status, or why it is refused. */
    public record Answer(MessageStatus status, Refusal refusal) {
    }

    private final Transactions transactions;
    private final TrackingRepository tracking;
    private final ClockRepository clockStore;

    public MessageTracking(Transactions transactions, TrackingRepository tracking, ClockRepository clockStore) {
        this.transactions = transactions;
        this.tracking = tracking;
        this.clockStore = clockStore;
    }

    public Answer statusFor(UUID messageId, String agencyId) {
        return transactions.inTransaction(c -> {
            Optional<StoredMessage> message = tracking.findMessage(c, messageId);
            if (message.isEmpty()) {
                return new Answer(null, Refusal.NOT_FOUND);
            }
            var deliveries = tracking.deliveries(c, messageId);
            boolean mine = message.get().sender().equals(agencyId)
                    || deliveries.stream().anyMatch(d -> d.recipient().equals(agencyId));
            if (!mine) {
                return new Answer(null, Refusal.NOT_YOURS);
            }
            StoredMessage m = message.get();
            MessageStatus all = new MessageStatus(m.messageId(), m.type(), m.sender(), m.caseReference(),
                    m.correlationId(), m.acceptedAt(),
                    deliveries.stream().map(d -> new MessageStatus.RecipientStatus(d.recipient(), d.state().wireName(),
                            d.attempts(), d.lastError(), d.recipientReference(), d.updatedAt())).toList(),
                    clockStore.clocks(c, messageId).stream().map(k -> new MessageStatus.ClockStatus(k.clock(), k.owedBy(),
                            k.waiting(), k.startedAt(), k.dueAt(), k.metAt(), k.escalationStep(), k.nextEscalationAt(),
                            k.calendarBeyondData())).toList(),
                    tracking.history(c, messageId));
            return new Answer(RecipientView.of(all, agencyId), null);
        });
    }
}
