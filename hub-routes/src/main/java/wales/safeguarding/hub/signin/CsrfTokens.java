package wales.safeguarding.hub.signin;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The console's CSRF tokens: a random nonce, when it was made, and their HMAC-SHA256 over the signed-in person's name,
 * with a key every hub instance shares. A token planted in the browser by someone else (a cookie set from a sibling
 * domain) does not verify for the person signed in, so the double-submit check cannot be met with a token of the
 * attacker's making; and a token verifies only for {@code maxAge} after it was made, so one that leaked (a log, a
 * proxy, a shared machine) stops working. The console is given a new one well before that ({@link #fresh}).
 */
public final class CsrfTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    /** How far a token's time may be ahead of this instance's clock (instances' clocks differ a little). */
    private static final long SKEW_SECONDS = 300;
    private final byte[] key;
    private final Clock clock;
    private final long maxAgeSeconds;

    public CsrfTokens(byte[] key, Clock clock, Duration maxAge) {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("the CSRF signing key must have at least 16 bytes");
        }
        if (maxAge == null || maxAge.toSeconds() < 60) {
            throw new IllegalArgumentException("hub.console.csrf-token-max-age must be at least a minute");
        }
        this.key = key.clone();
        this.clock = clock;
        this.maxAgeSeconds = maxAge.toSeconds();
    }

    /** A new token for this person. */
    public String mint(String user) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String made = B64.encodeToString(nonce) + "." + clock.instant().getEpochSecond();
        return made + "." + sign(user, made);
    }

    /** Whether the token was made by {@link #mint} for this person with this key, less than the maximum age ago. */
    public boolean verifies(String token, String user) {
        return age(token, user) >= 0;
    }

    /** Whether the token verifies and is young enough to keep giving the console (less than half its life used). */
    public boolean fresh(String token, String user) {
        long age = age(token, user);
        return age >= 0 && age < maxAgeSeconds / 2;
    }

    /** The token's age in seconds (0 if made a little in the future), or -1 if it does not verify. */
    private long age(String token, String user) {
        if (token == null || user == null) {
            return -1;
        }
        int last = token.lastIndexOf('.');
        int first = token.indexOf('.');
        if (first <= 0 || last <= first + 1 || last == token.length() - 1) {
            return -1;
        }
        String made = token.substring(0, last);
        String expected = sign(user, made);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                token.substring(last + 1).getBytes(StandardCharsets.US_ASCII))) {
            return -1;
        }
        long madeAt;
        try {
            madeAt = Long.parseLong(made.substring(first + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
        long age = clock.instant().getEpochSecond() - madeAt;
        if (age < -SKEW_SECONDS || age > maxAgeSeconds) {
            return -1;
        }
        return Math.max(0, age);
    }

    private String sign(String user, String made) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(("console-csrf\0" + user + "\0" + made).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
