package wales.safeguarding.hub.signin;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.smallrye.jwt.build.Jwt;
import wales.safeguarding.hub.config.DemoSwitches;
import wales.safeguarding.hub.signin.DevUsers.DevUser;

/**
 * A small OpenID Connect provider for the default run and the tests, so the console's sign-in is the real
 * authorization-code flow of {@code quarkus-oidc} without a Keycloak on the laptop. It signs with a key pair made at
 * start (never written) on a thread of its own, so the hub's start does not wait for it (half a second of CPU); it
 * knows only the configured dev users, and is switched off unless {@code hub.console.dev-users.enabled=true} (the
 * %demo and %test profiles), in which case no key is made at all. Production uses Keycloak.
 */
@ApplicationScoped
@Startup // its key pair is started at start, not on the first request's event loop
public class DevIdentityProvider {

    private static final Logger LOG = Logger.getLogger(DevIdentityProvider.class);

    public static final String CLIENT_ID = "hub-console";
    /** The claim naming a board viewer's regional safeguarding board (the same as {@code ReportsResource}'s). */
    static final String BOARD_CLAIM = "safeguarding_board";
    private static final Duration CODE_LIFETIME = Duration.ofMinutes(2);
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(8);
    private static final String KEY_ID = "dev-console-key";

    /** What a sign-in granted, until the console's back end redeems the one-time code. */
    public record Grant(DevUser user, String clientId, String redirectUri, String nonce, Instant expiresAt) {
    }

    private final boolean enabled;
    private final DevUsers users;
    private final String password;
    private final CompletableFuture<KeyPair> keys;
    private final String clientSecret;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();

    @Inject
    public DevIdentityProvider(@ConfigProperty(name = "hub.console.dev-users.enabled", defaultValue = "false") boolean enabled,
            // Optional: an empty default is no value to MicroProfile Config, and production, which sets neither, did
            // not start ("Failed to load config value ... hub.console.dev-users.users")
            @ConfigProperty(name = "hub.console.dev-users.users") java.util.Optional<String> users,
            @ConfigProperty(name = "hub.console.dev-users.password") java.util.Optional<String> password)
            throws NoSuchAlgorithmException {
        this(enabled, users.orElse(""), password.orElse(""), ConfigUtils.getProfiles());
    }

    /** As configured, on these active profiles (the provider is refused on any but demo, dev and test). */
    DevIdentityProvider(boolean enabled, String users, String password, List<String> profiles)
            throws NoSuchAlgorithmException {
        if (enabled) {
            DemoSwitches.refusal("hub.console.dev-users.enabled", profiles).ifPresent(refusal -> {
                throw new IllegalStateException(refusal);
            });
            LOG.warn("DEV IDENTITY PROVIDER ON (hub.console.dev-users.enabled=true): console users sign in with one "
                    + "shared password; never in production");
        }
        this.enabled = enabled;
        this.users = DevUsers.parse(users);
        this.password = password;
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        this.keys = enabled ? CompletableFuture.supplyAsync(generator::generateKeyPair, DevIdentityProvider::keyThread)
                : CompletableFuture.failedFuture(new IllegalStateException("the dev identity provider is switched off"));
        this.clientSecret = randomToken(32);
    }

    private static void keyThread(Runnable making) {
        Thread thread = new Thread(making, "dev-idp-key");
        thread.setDaemon(true);
        thread.start();
    }

    /** The signing key, waiting for it if it is still being made. */
    private KeyPair keys() {
        return keys.join();
    }

    public boolean enabled() {
        return enabled;
    }

    /** The secret the console's back end presents at the token endpoint (made at start, never written). */
    public String clientSecret() {
        return clientSecret;
    }

    public List<DevUser> users() {
        return users.all();
    }

    /** Checks a dev user's password (the same for all, demo only) and returns a one-time code. */
    public Optional<String> signIn(String name, String givenPassword, String clientId, String redirectUri,
            String nonce, Instant now) {
        Optional<DevUser> user = users.find(name);
        if (user.isEmpty() || password.isEmpty() || !constantTimeEquals(password, givenPassword)
                || !CLIENT_ID.equals(clientId)) {
            return Optional.empty();
        }
        // sign-ins never completed leave their codes behind: drop the expired ones
        codes.values().removeIf(grant -> grant.expiresAt().isBefore(now));
        String code = randomToken(24);
        codes.put(code, new Grant(user.get(), clientId, redirectUri, nonce, now.plus(CODE_LIFETIME)));
        return Optional.of(code);
    }

    /** Redeems a code once; a used, expired or mismatched code gives nothing. */
    public Optional<Grant> redeem(String code, String clientId, String givenSecret, String redirectUri, Instant now) {
        Grant grant = code == null ? null : codes.remove(code);
        if (grant == null || grant.expiresAt().isBefore(now) || !grant.clientId().equals(clientId)
                || !constantTimeEquals(clientSecret, givenSecret)
                || (redirectUri != null && !redirectUri.equals(grant.redirectUri()))) {
            return Optional.empty();
        }
        return Optional.of(grant);
    }

    /** The token response for a redeemed code: an ID token and an access token for the hub, both signed. */
    public Map<String, Object> tokens(Grant grant, String issuer, Instant now) {
        // a board viewer's board, as Keycloak's user attribute mapper gives it (deploy/keycloak)
        Map<String, Object> board = grant.user().safeguardingBoard() == null ? Map.of()
                : Map.of(BOARD_CLAIM, grant.user().safeguardingBoard());
        String idToken = Jwt.claims(board).issuer(issuer).audience(grant.clientId()).subject(grant.user().name())
                .preferredUserName(grant.user().name()).groups(roleSet(grant.user().roles()))
                .claim("azp", grant.clientId()).claim("nonce", grant.nonce() == null ? "" : grant.nonce())
                .issuedAt(now).expiresAt(now.plus(TOKEN_LIFETIME)).jws().keyId(KEY_ID).sign(keys().getPrivate());
        String accessToken = Jwt.claims(board).issuer(issuer).audience("safeguarding-hub").subject(grant.user().name())
                .preferredUserName(grant.user().name()).groups(roleSet(grant.user().roles()))
                .claim("azp", grant.clientId()).issuedAt(now).expiresAt(now.plus(TOKEN_LIFETIME))
                .jws().keyId(KEY_ID).sign(keys().getPrivate());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("access_token", accessToken);
        response.put("id_token", idToken);
        response.put("token_type", "Bearer");
        response.put("expires_in", TOKEN_LIFETIME.toSeconds());
        return response;
    }

    /** The public key as a JSON Web Key Set. */
    public Map<String, Object> jwks() {
        RSAPublicKey key = (RSAPublicKey) keys().getPublic();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("kid", KEY_ID);
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("n", b64.encodeToString(unsigned(key.getModulus().toByteArray())));
        jwk.put("e", b64.encodeToString(unsigned(key.getPublicExponent().toByteArray())));
        return Map.of("keys", List.of(jwk));
    }

    private static java.util.Set<String> roleSet(List<String> roles) {
        return new java.util.LinkedHashSet<>(roles);
    }

    private static byte[] unsigned(byte[] bytes) {
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] trimmed = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
            return trimmed;
        }
        return bytes;
    }

    private String randomToken(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    private static boolean constantTimeEquals(String expected, String given) {
        if (given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
