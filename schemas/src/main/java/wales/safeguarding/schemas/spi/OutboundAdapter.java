package wales.safeguarding.schemas.spi;

import java.util.List;

import wales.safeguarding.schemas.validation.Violation;

/**
 * Maps a canonical message to what one kind of agency system accepts, and reads that system's answer back.
 *
 * <p>The hub performs the transport call itself (so timeouts, retries and dead-lettering follow one shared
 * policy); an adapter only decides what to send and what the answer means. Adapters are found with
 * {@link java.util.ServiceLoader} by {@link #transport()}, the transport named in the directory.
 */
public interface OutboundAdapter {

    /** The directory's name for this transport, e.g. {@code rest-json}. */
    String transport();

    /**
     * What to send to the agency for one canonical message (the copy queued for this recipient).
     *
     * @throws UnsendableMessageException when no valid request can be made from it (dead-lettered, never sent); every
     *                                    such reason that depends on the message is also given by {@link #unsendable}
     */
    OutboundRequest toAgencyRequest(byte[] canonicalMessage, AgencyEndpoint endpoint);

    /**
     * Every reason {@link #toAgencyRequest} would refuse this copy because of what the message says (a fact the
     * agency's format needs is missing or unusable), each naming the field ({@link Violation#pointer()}, a pointer into
     * the canonical message such as {@code /body/child/nhsNumber}), the rule ({@code gp-needs-nhs-number}) and, in
     * words, what is missing (never a value); empty when a request can be made. The hub asks at intake, for the copy
     * each recipient will receive, and refuses a message some recipient could not be sent (422) instead of accepting
     * it and dead-lettering it later, where no replay can mend it.
     *
     * <p>An adapter that can refuse a message implements this from the same code its {@link #toAgencyRequest} uses,
     * so the two never disagree. It must be cheap (it runs inside the intake transaction): check the facts the mapping
     * needs, never run a full validation. What does not depend on the message (a secret not configured, an agency
     * system that is down) is not a reason here: delivery deals with it, and an operator can mend it and replay.
     *
     * @param canonicalCopy the recipient's copy (as the hub would queue it: trimmed to what it needs to know)
     * @param endpoint      the recipient, as {@link #toAgencyRequest} would be given it
     */
    default List<Violation> unsendable(byte[] canonicalCopy, AgencyEndpoint endpoint) {
        return List.of();
    }

    /** What the agency system's answer means for the delivery. */
    DeliveryVerdict interpret(int status, String responseBody);

    /** Makes any expensive first-use preparation (e.g. a FHIR validator) now; the hub calls it at start-up, in the background. */
    default void warmUp() {
    }

    /** The per-agency secrets this adapter needs (e.g. {@code webhook-secret}); the hub supplies them. */
    default java.util.Set<String> secretNames() {
        return java.util.Set.of();
    }
}
