package wales.safeguarding.hub.packaged;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.smallrye.jwt.build.Jwt;

/**
 * A token issuer every hub process of a test trusts: the test makes one RSA key pair, gives each hub the public key
 * ({@code quarkus.oidc.public-key}, as the demo tokens do, but shared), and signs bearer tokens as Keycloak would
 * (issuer, audience {@code safeguarding-hub}, {@code azp} = the client, roles in {@code groups}).
 */
final class SharedTokens {

    private static final String ISSUER = "https://it.hub.safeguarding.invalid";
    private final KeyPair keys;
    private final Map<String, String> minted = new ConcurrentHashMap<>();

    SharedTokens() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
    }

    Map<String, String> hubProperties() {
        return Map.of("quarkus.oidc.public-key", Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()),
                "quarkus.oidc.token.issuer", ISSUER,
                "quarkus.oidc.auth-server-url", "");
    }

    /** A token of the agency client {@code client} (role {@code agency}). */
    String agency(String client) {
        return minted.computeIfAbsent("agency:" + client, k -> sign(client, "service-account-" + client, "agency"));
    }

    /** A console token with the roles {@code admin} and {@code operator}. */
    String admin() {
        return minted.computeIfAbsent("admin", k -> sign("hub-console", "it-admin", "admin", "operator"));
    }

    private String sign(String client, String subject, String... roles) {
        Instant now = Instant.now();
        return Jwt.issuer(ISSUER).audience("safeguarding-hub").subject(subject).claim("azp", client)
                .groups(java.util.Set.of(roles)).issuedAt(now).expiresAt(now.plus(Duration.ofHours(2)))
                .jws().sign(keys.getPrivate());
    }
}
