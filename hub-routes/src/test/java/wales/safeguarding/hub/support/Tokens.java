package wales.safeguarding.hub.support;

import io.smallrye.jwt.build.Jwt;

/**
 * Bearer tokens as Keycloak issues them for OAuth2 client credentials ({@code azp} names the client), signed with
 * the key the WireMock-based OIDC test server publishes.
 */
public final class Tokens {

    private Tokens() {
    }

    public static String forClient(String clientId) {
        return Jwt.issuer("https://server.example.com").subject("service-account-" + clientId)
                .claim("azp", clientId).groups("agency").expiresIn(3600)
                .jws().keyId("1").sign("privateKey.jwk");
    }

    public static String bearer(String clientId) {
        return "Bearer " + forClient(clientId);
    }
}
