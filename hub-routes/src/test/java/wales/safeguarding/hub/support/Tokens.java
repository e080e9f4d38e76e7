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
        return token(clientId, "agency");
    }

    /** An operator's token (console user): roles in {@code groups}, as the Keycloak realm maps them. */
    public static String operator(String name) {
        return "Bearer " + token(name, "operator");
    }

    /** A console user's token with one role ({@code operator}, {@code auditor}, {@code board-viewer}, {@code admin}). */
    public static String forRole(String user, String role) {
        return "Bearer " + token(user, role);
    }

    /** A regional board viewer's token: role {@code board-viewer} and the claim naming its board. */
    public static String forBoardViewer(String user, String board) {
        return "Bearer " + Jwt.issuer("https://server.example.com").audience("safeguarding-hub")
                .subject("service-account-" + user).upn(user).claim("azp", user).groups("board-viewer")
                .claim("safeguarding_board", board).expiresIn(3600).jws().keyId("1").sign("privateKey.jwk");
    }

    private static String token(String clientId, String role) {
        return Jwt.issuer("https://server.example.com").audience("safeguarding-hub").subject("service-account-" + clientId)
                .upn(clientId).claim("azp", clientId).groups(role).expiresIn(3600)
                .jws().keyId("1").sign("privateKey.jwk");
    }

    public static String bearer(String clientId) {
        return "Bearer " + forClient(clientId);
    }
}
