package wales.safeguarding.hub.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import wales.safeguarding.hub.problems.ProblemException;
import wales.safeguarding.hub.delivery.AgencySecrets;
import wales.safeguarding.hub.delivery.OutboundAdapters;
import wales.safeguarding.hub.delivery.RecipientCopies;
import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.Directory;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.spi.AgencyEndpoint;
import wales.safeguarding.schemas.spi.OutboundAdapter;
import wales.safeguarding.schemas.validation.Violation;

/**
 * Refuse early (issue 10 defect 10): before a message is stored, each routed recipient's adapter is asked whether it
 * could send that recipient's copy ({@link OutboundAdapter#unsendable}). A message some recipient's system could not
 * be sent (a register change without the NHS number a FHIR practice files its flag by) is refused with 422
 * {@code unsendable}, each violation naming the recipient, the field and the rule; nothing is stored. Accepted, it
 * would be dead-lettered in delivery, where no replay can mend it.
 *
 * <p>The copy is the one delivery will queue ({@link RecipientCopies}: trimmed to what the recipient needs to know),
 * and the adapter and what it is told of the recipient are found as delivery finds them ({@link OutboundAdapters} by
 * the directory's transport, {@link AgencySecrets#endpointFor}). An agency that collects from its inbox has no
 * adapter. What does not depend on the message (a secret file that cannot be read, an adapter's own fault) does not
 * refuse it: delivery meets it, and an operator can mend it and replay. Escalations and reminders the hub makes are
 * not checked; the messages it makes from an accepted one (an outline plan's register changes) are, by the intake.
 */
@ApplicationScoped
public class Deliverability {

    private static final Logger LOG = Logger.getLogger(Deliverability.class);

    private final Directory directory;
    private final RecipientCopies copies;
    private final OutboundAdapters adapters;
    private final AgencySecrets secrets;

    public Deliverability(Directory directory, RecipientCopies copies, OutboundAdapters adapters, AgencySecrets secrets) {
        this.directory = directory;
        this.copies = copies;
        this.adapters = adapters;
        this.secrets = secrets;
    }

    /**
     * Refuses the message when some recipient's adapter could not send it its copy.
     *
     * @throws ProblemException 422 {@code unsendable}, with every reason of every recipient
     */
    public void require(Envelope message, List<String> recipients) {
        List<Violation> violations = unsendable(message, recipients);
        if (!violations.isEmpty()) {
            throw ProblemException.unsendable(violations);
        }
    }

    /** Every reason, for every recipient, that its copy of the message could not be sent; each names the recipient. */
    public List<Violation> unsendable(Envelope message, List<String> recipients) {
        byte[] whole = null;
        String type = message.type().wireName();
        List<Violation> violations = new ArrayList<>();
        for (String recipient : recipients) {
            Optional<Agency> agency = directory.find(recipient).filter(a -> a.receives() && !a.pulls());
            if (agency.isEmpty()) {
                continue;
            }
            String transport = agency.get().endpoint().transport();
            List<Violation> reasons;
            try {
                OutboundAdapter adapter = adapters.forTransport(transport);
                if (!checksCopies(adapter)) {
                    continue;
                }
                if (whole == null) {
                    whole = CanonicalJson.write(message.withRecipients(recipients));
                }
                reasons = adapter.unsendable(copies.copyFor(type, recipient, whole),
                        secrets.endpointFor(agency.get(), adapter));
            } catch (RuntimeException e) {
                // Not the sender's to mend: delivery meets it again and dead-letters with its reason.
                LOG.warnf("could not check whether %s's copy of %s %s can be sent (%s); left to delivery", recipient,
                        type, message.messageId(), e.getClass().getSimpleName());
                continue;
            }
            for (Violation reason : reasons) {
                violations.add(forRecipient(recipient, transport, reason));
            }
        }
        return violations;
    }

    private static final Map<Class<?>, Boolean> CHECKS_COPIES = new ConcurrentHashMap<>();

    /**
     * Whether the adapter has its own {@link OutboundAdapter#unsendable} (the SPI's default finds every copy sendable):
     * for one that has not, the recipient's copy is not made here just to be found sendable. Making it (the message
     * written, then parsed, trimmed and written again for each recipient) was 3-4 % of the hub's CPU (issue 12).
     */
    static boolean checksCopies(OutboundAdapter adapter) {
        return CHECKS_COPIES.computeIfAbsent(adapter.getClass(), c -> {
            try {
                return c.getMethod("unsendable", byte[].class, AgencyEndpoint.class).getDeclaringClass()
                        != OutboundAdapter.class;
            } catch (NoSuchMethodException e) {
                return true;
            }
        });
    }

    /** The adapter's reason, naming the recipient: the pointer and rule stay, the words say whose system it is. */
    static Violation forRecipient(String recipient, String transport, Violation reason) {
        return new Violation(reason.pointer(), reason.rule(),
                "for " + recipient + " (" + transport + "): " + reason.message());
    }
}
