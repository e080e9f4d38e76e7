package wales.safeguarding.hub.endpoints;

import io.smallrye.jwt.build.Jwt;

/** Console users' bearer tokens with any role (the shared {@code Tokens} gives operators and agencies). */
public final class ConsoleTokens {

    private ConsoleTokens() {
    }

    public static String withRole(String name, String role) {
        return "Bearer " + Jwt.issuer("https://server.example.com").audience("safeguarding-hub").subject(name)
                .upn(name).claim("azp", "safeguarding-console").groups(role).expiresIn(3600)
                .jws().keyId("1").sign("privateKey.jwk");
    }

    public static String admin(String name) {
        return withRole(name, "admin");
    }

    public static String auditor(String name) {
        return withRole(name, "auditor");
    }
}
