package wales.safeguarding.hub.security;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.Directory;
import wales.safeguarding.hub.problems.ProblemException;

/**
 * The agency the caller's token acts for. An agency system authenticates with OAuth2 client credentials; the
 * token's client ({@code azp}, or {@code client_id}) maps to one agency in the directory.
 */
@RequestScoped
public class CallerAgency {

    private final SecurityIdentity identity;
    private final Directory directory;

    public CallerAgency(SecurityIdentity identity, Directory directory) {
        this.identity = identity;
        this.directory = directory;
    }

    /** The calling agency, or a 403 problem when the client acts for no agency. */
    public Agency require() {
        String client = clientId().orElse("(none)");
        return directory.forClient(client).orElseThrow(() -> ProblemException.unknownClient(client));
    }

    public Optional<String> clientId() {
        return clientIdOf(identity);
    }

    /** The client a token was issued to, if the identity carries a token. */
    public static Optional<String> clientIdOf(SecurityIdentity identity) {
        if (identity == null || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Optional.empty();
        }
        for (String claim : new String[] {"azp", "client_id", "clientId"}) {
            Object value = token.getClaim(claim);
            if (value != null && !value.toString().isBlank()) {
                return Optional.of(value.toString().replace("\"", ""));
            }
        }
        return Optional.empty();
    }
}
