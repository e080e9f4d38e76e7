package wales.safeguarding.hub.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.jwt.build.Jwt;
import wales.safeguarding.schemas.envelope.CanonicalJson;

/**
 * Demo tokens for the default run, so a newcomer can call the API with curl without a Keycloak. At each start a new
 * RSA key pair is made (the private key is never written), the hub is told to trust the public key, and a token per
 * demo-directory client (plus an operator) is written to {@code <data>/demo-tokens/<client>.jwt}. Production uses
 * Keycloak ({@code deploy/keycloak}) and never sets {@code hub.demo.tokens}.
 */
public final class DemoTokens {

    public static final String ISSUER = "https://demo.hub.safeguarding.wales";
    private static final String AUDIENCE = "safeguarding-hub";
    private static final Duration LIFETIME = Duration.ofDays(1);

    private DemoTokens() {
    }

    /** Writes the tokens and returns the system properties that make the hub trust them. */
    public static Map<String, String> prepare(Path dataDir) throws IOException, NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Path folder = Files.createDirectories(dataDir.resolve("demo-tokens"));
        for (String client : demoClients()) {
            Files.writeString(folder.resolve(client + ".jwt"), token(keys, client, "agency"));
        }
        Files.writeString(folder.resolve("demo-operator.jwt"), token(keys, "demo-console", "operator"));
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.oidc.public-key", Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
        properties.put("quarkus.oidc.token.issuer", ISSUER);
        properties.put("quarkus.oidc.auth-server-url", "");
        return properties;
    }

    private static String token(KeyPair keys, String client, String role) {
        Instant now = Instant.now();
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject("service-account-" + client).claim("azp", client)
                .groups(role).issuedAt(now).expiresAt(now.plus(LIFETIME)).jws().sign(keys.getPrivate());
    }

    private static Iterable<String> demoClients() throws IOException {
        try (InputStream in = DemoTokens.class.getClassLoader().getResourceAsStream("directory/demo-directory.json")) {
            JsonNode root = CanonicalJson.mapper().readTree(in);
            java.util.List<String> clients = new java.util.ArrayList<>();
            root.path("agencies").forEach(a -> a.path("clientIds").forEach(c -> clients.add(c.asText())));
            return clients;
        }
    }
}
