package wales.safeguarding.schemas.spi;

import java.util.Map;
import java.util.Optional;
import wales.safeguarding.schemas.envelope.LanguagePreference;

/**
 * What an adapter may know about the recipient: its directory id, where it listens and how, and the secrets the
 * adapter asked for ({@link OutboundAdapter#secretNames()}), read by the hub from its configuration
 * ({@code hub.agencies.<agency id>.<secret name>}, in production from the environment), and the language the
 * directory says it wants what the hub itself writes in ({@code UNKNOWN}: Welsh and English together), and the
 * directory's organisation code for it where it has one (a GP practice's ODS code; {@code null} otherwise).
 */
public record AgencyEndpoint(String agencyId, String url, String transport, Map<String, String> secrets,
        LanguagePreference language, String odsCode) {

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

    @Override
    public String toString() {
        // Never print a secret.
        return "AgencyEndpoint[agencyId=" + agencyId + ", url=" + url + ", transport=" + transport + ", secrets="
                + secrets.keySet() + ", language=" + language + ", odsCode=" + odsCode + "]";
    }
}
