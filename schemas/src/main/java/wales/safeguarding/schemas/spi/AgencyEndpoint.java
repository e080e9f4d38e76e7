package wales.safeguarding.schemas.spi;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import wales.safeguarding.schemas.envelope.LanguagePreference;

/**
 * What an adapter may know about the recipient: its directory id, where it listens and how, and the secrets the
 * adapter asked for ({@link OutboundAdapter#secretNames()}), read by the hub from its secrets folder (a file
 * {@code <agency id>.<secret name>}) or its configuration ({@code hub.agencies.<agency id>.<secret name>}), and the language the
 * directory says it wants what the hub itself writes in ({@code UNKNOWN}: Welsh and English together), and the
 * directory's organisation code for it where it has one (a GP practice's ODS code; {@code null} otherwise).
 *
 * <p>While a secret is being rotated, {@code secrets} also holds the value it replaced under
 * {@code <name>.previous} ({@link #PREVIOUS}) for as long as the hub's overlap lasts; {@link #secretsNewestFirst}
 * gives both, the new one first.
 */
public record AgencyEndpoint(String agencyId, String url, String transport, Map<String, String> secrets,
        LanguagePreference language, String odsCode) {

    /** Suffix of the key under which the hub passes the replaced value of a secret during a rotation overlap. */
    public static final String PREVIOUS = ".previous";

    public AgencyEndpoint {
        secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
        language = language == null ? LanguagePreference.UNKNOWN : language;
    }

    public AgencyEndpoint(String agencyId, String url, String transport, Map<String, String> secrets,
            LanguagePreference language) {
        this(agencyId, url, transport, secrets, language, null);
    }

    public AgencyEndpoint(String agencyId, String url, String transport, Map<String, String> secrets) {
        this(agencyId, url, transport, secrets, LanguagePreference.UNKNOWN);
    }

    public AgencyEndpoint(String agencyId, String url, String transport) {
        this(agencyId, url, transport, Map.of());
    }

    public Optional<String> ods() {
        return Optional.ofNullable(odsCode).filter(code -> !code.isBlank());
    }

    public Optional<String> secret(String name) {
        return Optional.ofNullable(secrets.get(name));
    }

    /**
     * Every valid value of the secret {@code name}, the current one first: one value, or two during a rotation
     * overlap; empty when the current one is missing or blank.
     */
    public List<String> secretsNewestFirst(String name) {
        String current = secrets.get(name);
        if (current == null || current.isBlank()) {
            return List.of();
        }
        String previous = secrets.get(name + PREVIOUS);
        return previous == null || previous.isBlank() || previous.equals(current) ? List.of(current)
                : List.of(current, previous);
    }

    @Override
    public String toString() {
        // Never print a secret.
        return "AgencyEndpoint[agencyId=" + agencyId + ", url=" + url + ", transport=" + transport + ", secrets="
                + secrets.keySet() + ", language=" + language + ", odsCode=" + odsCode + "]";
    }
}
