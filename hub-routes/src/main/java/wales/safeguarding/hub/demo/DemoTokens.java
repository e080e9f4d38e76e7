package wales.safeguarding.hub.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.jwt.build.Jwt;
import wales.safeguarding.schemas.envelope.CanonicalJson;

/**
 * Demo tokens for the default run, so a newcomer can call the API with curl without a Keycloak. The first start makes
 * an RSA key pair and keeps its private key in {@code <data>/demo-tokens/demo-signing-key.pk8} (owner-only), so later
 * starts on the same data folder skip making one (a sixth of the demo start's CPU); the hub is told to trust the
 * public key, and a token per demo-directory client (plus an operator) is written to
 * {@code <data>/demo-tokens/<client>.jwt} at every start, on a thread of its own that the start joins before the hub is
 * ready. A key file that cannot be read is replaced by a new key.
 * Production uses Keycloak ({@code deploy/keycloak}) and never sets {@code hub.demo.tokens} (refused outside the demo,
 * dev and test profiles).
 */
public final class DemoTokens {

    public static final String ISSUER = "https://demo.hub.safeguarding.wales";
    private static final String AUDIENCE = "safeguarding-hub";
    private static final Duration LIFETIME = Duration.ofDays(1);
    static final String KEY_FILE = "demo-signing-key.pk8";

    private DemoTokens() {
    }

    private static volatile CompletableFuture<Void> writing;

    /** Writes the tokens and returns the system properties that make the hub trust them. */
    public static Map<String, String> prepare(Path dataDir) throws IOException, GeneralSecurityException {
        Map<String, String> properties = prepareInBackground(dataDir);
        awaitWritten();
        return properties;
    }

    /**
     * Reads (or makes) the key and returns the system properties that make the hub trust it; the tokens are signed and
     * written on a thread of their own (12 RS256 signatures and loading the JWT library: about a second of a start
     * on 2 cores), which {@link #awaitWritten} joins before the hub reports ready.
     */
    public static Map<String, String> prepareInBackground(Path dataDir) throws IOException, GeneralSecurityException {
        Path folder = Files.createDirectories(dataDir.resolve("demo-tokens"));
        KeyPair keys = keyPair(folder.resolve(KEY_FILE));
        CompletableFuture<Void> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                write(folder, keys);
                future.complete(null);
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }, "demo-tokens");
        thread.setDaemon(true);
        writing = future;
        thread.start();
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.oidc.public-key", Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
        properties.put("quarkus.oidc.token.issuer", ISSUER);
        properties.put("quarkus.oidc.auth-server-url", "");
        return properties;
    }

    /** Waits for the tokens {@link #prepareInBackground} is writing, if any; throws why they could not be written. */
    public static void awaitWritten() {
        CompletableFuture<Void> future = writing;
        if (future == null) {
            return;
        }
        try {
            future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("the demo tokens could not be written: " + cause.getMessage(), cause);
        }
    }

    private static void write(Path folder, KeyPair keys) throws IOException {
        for (String client : demoClients()) {
            Files.writeString(folder.resolve(client + ".jwt"), token(keys, client, "agency"));
        }
        Files.writeString(folder.resolve("demo-operator.jwt"), token(keys, "demo-console", "operator"));
    }

    /** The key kept in the data folder, or a new one written there when there is none (or it cannot be read). */
    static KeyPair keyPair(Path file) throws IOException, GeneralSecurityException {
        if (Files.isRegularFile(file)) {
            try {
                return read(Files.readAllBytes(file));
            } catch (GeneralSecurityException | ClassCastException unreadable) {
                // not a key this class wrote: replaced below; the tokens written next are signed by the new key
            }
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Path written = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(written);
        Files.createFile(written, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(written, keys.getPrivate().getEncoded());
        Files.move(written, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return keys;
    }

    private static KeyPair read(byte[] pkcs8) throws GeneralSecurityException {
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        return new KeyPair(rsa.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(),
                privateKey.getPublicExponent())), privateKey);
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
