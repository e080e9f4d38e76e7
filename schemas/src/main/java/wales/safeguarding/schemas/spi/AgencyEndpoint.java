package wales.safeguarding.schemas.spi;

/**
 * What an adapter may know about the recipient: its directory id, where it listens and how.
 */
public record AgencyEndpoint(String agencyId, String url, String transport) {
}
