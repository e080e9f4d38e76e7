package wales.safeguarding.hub.console;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import wales.safeguarding.hub.audit.ConsoleAuditRepository;
import wales.safeguarding.hub.clocks.ClockRepository;
import wales.safeguarding.hub.database.Transactions;
import wales.safeguarding.hub.problems.Problem;
import wales.safeguarding.hub.problems.ProblemException;
import wales.safeguarding.hub.tracking.AuditRecord;
import wales.safeguarding.hub.tracking.StoredMessage;
import wales.safeguarding.hub.tracking.TrackingRepository;

/** Messages as the console shows them: summaries, a message's whole lifecycle, and its body read by a person. */
@ApplicationScoped
public class ConsoleMessages {

    private static final Logger LOG = Logger.getLogger(ConsoleMessages.class);
    static final int MIN_REASON = 10;

    public record Summary(UUID messageId, String type, String sender, List<ConsoleMessageRepository.Recipient> recipients,
            String caseReference, Instant acceptedAt, boolean overdue) {
    }

    public record RecipientLifecycle(String agency, String state, int attempts, String lastError, int replays,
            String recipientReference, Instant updatedAt) {
    }

    public record ClockView(String clock, String owedBy, String waiting, Instant startedAt, Instant dueAt,
            Instant metAt, boolean overdue) {
    }

    public record Detail(UUID messageId, String type, String sender, List<RecipientLifecycle> recipients,
            String caseReference, UUID correlationId, Instant acceptedAt, boolean overdue, List<AuditRecord> events,
            List<ConsoleMessageRepository.Answer> acknowledgements, List<ClockView> clocks,
            List<ConsoleMessageRepository.Escalation> escalations) {
    }

    private final Transactions transactions;
    private final ConsoleMessageRepository messages;
    private final TrackingRepository tracking;
    private final ClockRepository clocks;
    private final ConsoleAuditRepository audit;
    private final Clock clock;

    public ConsoleMessages(Transactions transactions, ConsoleMessageRepository messages, TrackingRepository tracking,
            ClockRepository clocks, ConsoleAuditRepository audit, Clock clock) {
        this.transactions = transactions;
        this.messages = messages;
        this.tracking = tracking;
        this.clocks = clocks;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Summary> search(MessageFilter filter) {
        Instant now = clock.instant();
        return transactions.inTransaction(c -> summaries(c, messages.search(c, filter, now), now));
    }

    /** At most {@code limit} messages after the cursor, in (accepted at, message id) order. */
    public List<Summary> acceptedAfter(NewMessages.Cursor from, int limit) {
        Instant now = clock.instant();
        return transactions.inTransaction(
                c -> summaries(c, messages.acceptedAfter(c, from.at(), from.after(), limit), now));
    }

    private List<Summary> summaries(java.sql.Connection c, List<ConsoleMessageRepository.Row> rows, Instant now)
            throws java.sql.SQLException {
        List<UUID> ids = rows.stream().map(ConsoleMessageRepository.Row::messageId).toList();
        Map<UUID, List<ConsoleMessageRepository.Recipient>> recipients = messages.recipients(c, ids);
        Set<UUID> overdue = messages.overdue(c, ids, now);
        return rows.stream().map(r -> new Summary(r.messageId(), r.type(), r.sender(),
                recipients.getOrDefault(r.messageId(), List.of()), r.caseReference(), r.acceptedAt(),
                overdue.contains(r.messageId()))).toList();
    }

    /**
     * Every recipient's delivery, error text and reference, every clock and event: for a person who says why (issue
     * 11 finding 5: an agency's refusal text may quote a child). The read is recorded (who, when, why, which message)
     * in the console's audit trail, in the transaction that reads it.
     */
    public Detail detail(UUID messageId, String reader, String reason) {
        String why = requireReason(reason);
        Instant now = clock.instant();
        return transactions.inTransaction(c -> {
            StoredMessage m = tracking.findMessage(c, messageId)
                    .orElseThrow(() -> ProblemException.notFound(messageId.toString()));
            audit.record(c, reader, ConsoleAuditRepository.LIFECYCLE_READ, messageId, null, null, why, null, now);
            List<ClockView> clockViews = clocks.clocks(c, messageId).stream()
                    .map(k -> new ClockView(k.clock(), k.owedBy(), k.waiting(), k.startedAt(), k.dueAt(), k.metAt(),
                            k.metAt() == null && k.dueAt().isBefore(now)))
                    .toList();
            return new Detail(m.messageId(), m.type(), m.sender(),
                    tracking.deliveries(c, messageId).stream().map(d -> new RecipientLifecycle(d.recipient(),
                            d.state().wireName(), d.attempts(), d.lastError(), d.replays(), d.recipientReference(),
                            d.updatedAt())).toList(),
                    m.caseReference(), m.correlationId(), m.acceptedAt(), clockViews.stream().anyMatch(ClockView::overdue),
                    tracking.history(c, messageId), messages.answers(c, messageId), clockViews,
                    messages.escalations(c, messageId));
        });
    }

    /**
     * The canonical message, for a person who says why: the read is recorded (who, when, why, which message) in the
     * console's audit trail and in the message's own history, in the transaction that reads it.
     */
    public byte[] readBody(UUID messageId, String reader, String reason) {
        String why = requireReason(reason);
        byte[] body = transactions.inTransaction(c -> {
            StoredMessage m = tracking.findMessage(c, messageId)
                    .orElseThrow(() -> ProblemException.notFound(messageId.toString()));
            if (!m.payloadKept()) {
                throw new ProblemException(Problem.of("payload-removed", "The message is no longer kept", 410,
                        "the retention policy removed the content of " + messageId));
            }
            Instant now = clock.instant();
            audit.record(c, reader, ConsoleAuditRepository.BODY_READ, messageId, null, null, why, null, now);
            tracking.audit(c, messageId, null, ConsoleAuditRepository.BODY_READ, null, null, why, reader, now);
            return m.payload();
        });
        LOG.infof("%s read the body of %s", reader, messageId);
        return body;
    }

    /** A reason of at least ten characters, or a 400 naming {@code /reason} and the rule. */
    public static String requireReason(String reason) {
        if (reason == null || reason.strip().length() < MIN_REASON) {
            throw ConsoleProblems.invalid("/reason", "min-length-" + MIN_REASON,
                    "say why, in at least " + MIN_REASON + " characters; it is kept in the audit trail");
        }
        return reason.strip();
    }
}
