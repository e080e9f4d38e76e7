package wales.safeguarding.hub.intake;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.FluentProducerTemplate;

import org.jboss.logging.Logger;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import wales.safeguarding.hub.logs.MessageLogContext;
import wales.safeguarding.hub.metrics.MessageMetrics;
import wales.safeguarding.hub.tracing.MessageTraces;
import wales.safeguarding.hub.bodies.Body;
import wales.safeguarding.hub.tracking.Acceptance;
import wales.safeguarding.hub.problems.ProblemException;
import wales.safeguarding.hub.database.Transactions;
import wales.safeguarding.hub.delivery.CopyPublisher;
import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.rules.CaseFacts;
import wales.safeguarding.hub.tracking.ComplianceNote;
import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.rules.Routing;
import wales.safeguarding.hub.tracking.DeliveryRecord;
import wales.safeguarding.hub.tracking.StoredMessage;
import wales.safeguarding.hub.tracking.TrackingRepository;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.validation.CanonicalValidator;
import wales.safeguarding.schemas.validation.Violation;

/**
 * The steps of the way in, which {@link IntakeRoute} puts in order: parse → validate → the sender is the caller →
 * route, refuse what a recipient's system could not take, store durably (message, deliveries, clocks, audit in one
 * transaction) → hand each recipient's copy to its queue. A refusal at any step before the store leaves nothing
 * behind. The caller hears "accepted" once the store committed; the copies are queued right after, in batches, by
 * {@link CopyPublisher}, and if that fails (the broker down, the hub stopped) the
 * {@link wales.safeguarding.hub.delivery.OutboxSweeper} queues them later.
 */
@ApplicationScoped
@Named("messageIntake")
public class MessageIntake {

    private static final Logger LOG = Logger.getLogger(MessageIntake.class);
    private static final String UNIQUE_VIOLATION = "23505";
    /** Exchange property: the {@link Agency} that called. */
    static final String CALLER = "hubCaller";
    /** Exchange property: the SHA-256 of the message as sent, independent of the order of its fields ({@link Fingerprints}). */
    static final String FINGERPRINT = "hubFingerprint";

    private final CanonicalValidator validator;
    private final RecipientResolver recipients;
    private final FlowRulesRegistry flows;
    private final TrackingRepository tracking;
    private final RuleEffects effects;
    private final Transactions transactions;
    private final CopyPublisher publisher;
    private final MessageIdKey keys;
    private final MessageTraces traces;
    private final Clock clock;
    private final CamelContext camel;
    private volatile FluentProducerTemplate template;
    private final Deliverability deliverability;
    private final MessageMetrics metrics;

    public MessageIntake(CanonicalValidator validator, RecipientResolver recipients, FlowRulesRegistry flows,
            TrackingRepository tracking, RuleEffects effects, Transactions transactions, CopyPublisher publisher,
            Clock clock, Deliverability deliverability, CamelContext camel, MessageIdKey keys, MessageTraces traces,
            MessageMetrics metrics) {
        this.metrics = metrics;
        this.keys = keys;
        this.traces = traces;
        this.validator = validator;
        this.recipients = recipients;
        this.flows = flows;
        this.tracking = tracking;
        this.effects = effects;
        this.transactions = transactions;
        this.publisher = publisher;
        this.clock = clock;
        this.deliverability = deliverability;
        this.camel = camel;
    }

    /**
     * Accepts a message an agency sent, or refuses it with a {@link ProblemException}: every way in (the REST API,
     * police notices by API or drop folder, GP practices over FHIR) comes through the {@link IntakeRoute}.
     */
    public Acceptance submit(byte[] raw, Agency caller) {
        try (var logContext = MessageLogContext.open()) {
            return intakeRoute().withBody(raw).withExchangeProperty(CALLER, caller).to(IntakeRoute.ENTRY)
                    .request(Acceptance.class);
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof RuntimeException refusal) {
                throw refusal;
            }
            throw e;
        }
    }

    // ---- the steps of the intake route ----

    /** Step 1: the body is one JSON object. */
    public JsonNode parse(byte[] raw) {
        try {
            JsonNode tree = CanonicalJson.mapper().readTree(raw);
            if (tree == null || !tree.isObject()) {
                throw ProblemException.notJson("the body must be one JSON object");
            }
            return tree;
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            throw ProblemException.notJson("not valid JSON"
                    + (where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr())
                    + ": " + e.getOriginalMessage().split("\n")[0].replaceAll("\\(.*", "").trim());
        } catch (IOException e) {
            throw ProblemException.notJson("the body could not be read");
        }
    }

    /** Step 2: the message meets the contract (envelope and body schemas, the hub's checks). */
    public JsonNode validate(JsonNode tree) {
        List<Violation> violations = validator.validate(tree);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return tree;
    }

    /** Step 3: the sender is the caller; the message's fingerprint is kept for a resubmission's check. */
    public Envelope bindSender(JsonNode tree, Exchange exchange) {
        Envelope message = toEnvelope(tree);
        Agency caller = exchange.getProperty(CALLER, Agency.class);
        MessageLogContext.intake(String.valueOf(message.messageId()), message.type().wireName(), caller.id());
        if (!message.sender().equals(caller.id())) {
            throw ProblemException.senderMismatch(caller.id(), message.sender());
        }
        exchange.setProperty(FINGERPRINT, Fingerprints.digest(tree));
        return message;
    }

    /**
     * Step 4: route, refuse what cannot be delivered, and store in one transaction: the message, its copies, notes,
     * history and what its flow's rules decide. A resubmission of a stored message is answered as before.
     */
    public Acceptance store(Envelope message, Exchange exchange) {
        String caller = exchange.getProperty(CALLER, Agency.class).id();
        Span span = traces.intake(message.messageId(), message.type().wireName(), caller);
        try (Scope scope = span.makeCurrent()) {
            Acceptance acceptance = storeOrRecall(message, exchange.getProperty(FINGERPRINT, String.class), caller);
            MessageTraces.outcome(acceptance.duplicate() ? "duplicate" : "accepted");
            return acceptance;
        } catch (RuntimeException refused) {
            MessageTraces.outcome("refused");
            span.setStatus(StatusCode.ERROR, refused.getClass().getSimpleName());
            throw refused;
        } finally {
            span.end();
        }
    }

    private Acceptance storeOrRecall(Envelope message, String hash, String caller) {
        try {
            return transactions.inTransaction(c -> acceptOrRecall(c, message, hash, caller));
        } catch (Transactions.TrackingStoreException e) {
            if (!(e.getCause() instanceof SQLException sql) || !UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                throw e;
            }
            // The same message id was stored by a concurrent request a moment ago: answer as for a resubmission.
            return transactions.inTransaction(c -> acceptOrRecall(c, message, hash, caller));
        }
    }

    /**
     * Step 5: each recipient's copy to its queue, after the answer ({@link CopyPublisher}; a resubmission queues
     * nothing again).
     */
    public Acceptance queue(Acceptance acceptance, Exchange exchange) {
        if (!acceptance.duplicate()) {
            publishWithDerived(acceptance);
            // counted once stored (the answer's commit is behind us); the messages the hub made from it are the hub's
            metrics.accepted(acceptance.type(), exchange.getProperty(CALLER, Agency.class).id());
            for (Acceptance made : acceptance.derived()) {
                metrics.accepted(made.type(), MessageMetrics.FROM_HUB);
            }
            // DEBUG, not INFO: a formatted line per message was a measurable share of the hub's CPU, and the audit
            // trail (event "accepted") already records it
            if (LOG.isDebugEnabled()) {
                LOG.debugf("accepted %s %s from %s for %s", acceptance.type(), acceptance.messageId(),
                        exchange.getProperty(CALLER, Agency.class).id(), acceptance.recipients());
            }
            for (Acceptance made : acceptance.derived()) {
                if (LOG.isDebugEnabled()) {
                    LOG.debugf("made %s %s from %s for %s", made.type(), made.messageId(), acceptance.messageId(),
                            made.recipients());
                }
            }
        }
        return acceptance;
    }

    /** The message's copies and those of the messages the hub made from it: recorded as queued together. */
    private void publishWithDerived(Acceptance acceptance) {
        List<Acceptance> all = new ArrayList<>(1 + acceptance.derived().size());
        all.add(acceptance);
        all.addAll(acceptance.derived());
        publisher.publish(all);
    }

    private FluentProducerTemplate intakeRoute() {
        FluentProducerTemplate t = template;
        if (t == null) {
            synchronized (this) {
                if (template == null) {
                    template = camel.createFluentProducerTemplate();
                }
                t = template;
            }
        }
        return t;
    }

    /**
     * Accepts a message the hub itself sends as any agency's message is accepted (the monthly board-report-export):
     * checked against the contract, routed and refused by its flow's rules, stored with the clocks its rules start in
     * one transaction, then queued. The sender is {@link Routing#HUB}; a message id stored before (the same content)
     * is answered as a duplicate and queued nothing again. An invalid message is the hub's fault: it throws.
     */
    public Acceptance acceptFromHub(Envelope message) {
        JsonNode tree = checkedFromHub(message);
        Acceptance acceptance = storeOrRecall(message, Fingerprints.digest(tree), Routing.HUB);
        if (!acceptance.duplicate()) {
            publishWithDerived(acceptance);
            metrics.accepted(acceptance.type(), MessageMetrics.FROM_HUB);
        }
        return acceptance;
    }

    /**
     * Stores a message the hub itself makes (an escalation, a reminder) inside the caller's transaction. The caller
     * publishes the returned acceptance after its commit.
     */
    public Acceptance storeFromHub(Connection c, Envelope message) throws SQLException {
        return storeFromHub(c, message, List.of());
    }

    /** As {@link #storeFromHub(Connection, Envelope)}, with the compliance notes the hub recorded on the way. */
    public Acceptance storeFromHub(Connection c, Envelope message, List<ComplianceNote> notes) throws SQLException {
        JsonNode tree = checkedFromHub(message);
        return store(c, message, message.recipients(), notes, Fingerprints.digest(tree), "hub", null);
    }

    /** The tree of a message the hub made, checked against the contract (an invalid one is the hub's fault). */
    private JsonNode checkedFromHub(Envelope message) {
        JsonNode tree = CanonicalJson.mapper().valueToTree(message);
        List<Violation> violations = validator.validate(tree);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("the hub made an invalid " + message.type().wireName() + ": " + violations);
        }
        return tree;
    }

    /** A message the hub made, checked against its schema, ready for {@link #storeAllFromHub}. */
    public record HubMade(Envelope message, String fingerprint) {
    }

    /** Checks a message the hub made against its schema (an invalid one is the hub's fault: it throws). */
    public HubMade checkFromHub(Envelope message) {
        JsonNode tree = checkedFromHub(message);
        return new HubMade(message, Fingerprints.keyed(keys.ids(), Fingerprints.digest(tree)));
    }

    /**
     * Stores checked messages of the hub's own that start no flow (the escalation sweep's notices), each as
     * {@link #storeFromHub} does, but every table's rows in one JDBC batch: the messages, their copies and their
     * history. Not queued: the caller publishes the acceptances after its commit.
     */
    public List<Acceptance> storeAllFromHub(Connection c, List<HubMade> made) throws SQLException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<StoredMessage> rows = new ArrayList<>();
        List<TrackingRepository.AuditEntry> accepted = new ArrayList<>();
        List<TrackingRepository.Copy> copies = new ArrayList<>();
        List<Acceptance> acceptances = new ArrayList<>();
        for (HubMade one : made) {
            Envelope message = one.message();
            Envelope stored = message.withAcceptedAt(now.atOffset(ZoneOffset.UTC));
            byte[] payload = CanonicalJson.write(stored);
            rows.add(new StoredMessage(message.messageId(), message.type().wireName(), message.schemaVersion(),
                    message.sender(), message.caseReference(), message.childReference(), message.correlationId(),
                    message.language().code(), message.securityLabel(), message.createdAt().toInstant(), now,
                    one.fingerprint(), Body.clear(payload)));
            accepted.add(new TrackingRepository.AuditEntry(message.messageId(), null, "accepted", null, null,
                    "from " + message.sender(), "hub", now));
            for (String recipient : message.recipients()) {
                copies.add(new TrackingRepository.Copy(message.messageId(), recipient));
            }
            acceptances.add(new Acceptance(message.messageId(), message.type().wireName(), now, message.recipients(),
                    payload, false, 0, List.of(), List.of()));
        }
        tracking.insertMessages(c, rows);
        tracking.auditBatch(c, accepted);
        tracking.insertDeliveries(c, copies, now, "hub");
        return acceptances;
    }

    private Acceptance acceptOrRecall(Connection c, Envelope message, String hash, String caller) throws SQLException {
        Optional<StoredMessage> earlier = tracking.findMessage(c, message.messageId());
        if (earlier.isPresent()) {
            return recall(c, earlier.get(), hash, caller);
        }
        CaseFacts facts = effects.facts(c);
        try {
            Routing routing = recipients.resolve(message, facts);
            if (!routing.routable()) {
                throw ProblemException.unroutable(routing.violations());
            }
            // an answer the hub keeps (Routing.HUB) has no copy to deliver
            List<String> to = routing.recipients().stream().filter(r -> !Routing.HUB.equals(r)).toList();
            deliverability.require(message, to);
            return store(c, message, to, routing.notes(), hash, caller, facts);
        } catch (RecordedFacts.Unreadable e) {
            throw e.getCause();
        }
    }

    /** Stores the message, its copies, notes and history, and applies what its flow's rules decide (with facts). */
    private Acceptance store(Connection c, Envelope message, List<String> to, List<ComplianceNote> notes, String hash,
            String actor, CaseFacts facts) throws SQLException {
        // PostgreSQL keeps microseconds: the acceptance time is the one that is stored, to the microsecond.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Envelope stored = message.withAcceptedAt(now.atOffset(ZoneOffset.UTC)).withRecipients(to);
        byte[] payload = CanonicalJson.write(stored);
        tracking.insertMessage(c, new StoredMessage(message.messageId(), message.type().wireName(),
                message.schemaVersion(), message.sender(), message.caseReference(), message.childReference(),
                message.correlationId(), message.language().code(), message.securityLabel(),
                message.createdAt().toInstant(), now, Fingerprints.keyed(keys.ids(), hash), Body.clear(payload)));
        tracking.audit(c, message.messageId(), null, "accepted", null, null, "from " + message.sender(), actor, now);
        for (ComplianceNote note : notes) {
            tracking.audit(c, message.messageId(), null, "compliance-note", null, null, note.detail(), "hub", now);
        }
        for (String recipient : to) {
            tracking.insertDelivery(c, message.messageId(), recipient, now, actor);
        }
        var rules = flows.forType(message.type());
        List<Acceptance> derived = new ArrayList<>();
        if (rules.isPresent() && facts != null) {
            List<Effect.Derived> made = effects.apply(c, stored, now, rules.get().accepted(stored, now, facts));
            effects.rekeyChildren(c, stored, facts);
            requireSendable(made);
            for (Effect.Derived one : made) {
                derived.add(storeFromHub(c, one.message(), one.notes()));
            }
        }
        return new Acceptance(message.messageId(), message.type().wireName(), now, to, payload, false, 0, notes,
                derived);
    }

    /**
     * The messages the hub makes from an accepted one are refused early too: one a recipient's system could not be
     * sent refuses the message it is made from (422, at the place it came from), and the transaction stores nothing.
     */
    private void requireSendable(List<Effect.Derived> made) {
        List<Violation> violations = new ArrayList<>();
        for (Effect.Derived one : made) {
            for (Violation v : deliverability.unsendable(one.message(), one.message().recipients())) {
                violations.add(new Violation(one.pointerInSource(v.pointer()), v.rule(), "the "
                        + one.message().type().wireName() + " the hub makes from this message, " + v.message()));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.unsendable(violations);
        }
    }

    /**
     * Idempotency per sender: the same id from the same sender is a resubmission (the same content answers as before,
     * other content is refused); from another sender it is refused with a problem that tells nothing of the first.
     */
    private Acceptance recall(Connection c, StoredMessage earlier, String hash, String caller) throws SQLException {
        if (!earlier.sender().equals(caller)) {
            throw ProblemException.messageIdTaken();
        }
        if (!Fingerprints.matches(keys.ids(), earlier.payloadSha256(), hash)) {
            throw ProblemException.messageIdReused(earlier.messageId().toString());
        }
        List<String> to = tracking.deliveries(c, earlier.messageId()).stream().map(DeliveryRecord::recipient).toList();
        List<ComplianceNote> notes = tracking.history(c, earlier.messageId()).stream()
                .filter(e -> "compliance-note".equals(e.event())).map(e -> ComplianceNote.fromDetail(e.detail()))
                .toList();
        return new Acceptance(earlier.messageId(), earlier.type(), earlier.acceptedAt(), to, earlier.payload(), true, 0,
                notes);
    }

    private static Envelope toEnvelope(JsonNode tree) {
        try {
            return CanonicalJson.mapper().treeToValue(tree, Envelope.class);
        } catch (JsonProcessingException e) {
            // The schema admits it, so the records must too: a mismatch is the hub's fault.
            throw new IllegalStateException("a schema-valid message did not map to the canonical records", e);
        }
    }

}
