package wales.safeguarding.schemas.spi;

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
     * @throws UnsendableMessageException when no valid request can be made from it (dead-lettered, never sent)
     */
    OutboundRequest toAgencyRequest(byte[] canonicalMessage, AgencyEndpoint endpoint);

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
