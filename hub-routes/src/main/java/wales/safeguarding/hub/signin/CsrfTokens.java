package wales.safeguarding.hub.signin;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The console's CSRF tokens: a random nonce and its HMAC-SHA256 over the signed-in person's name, with a key every
 * hub instance shares. A token planted in the browser by someone else (a cookie set from a sibling domain) does not
 * verify for the person signed in, so the double-submit check cannot be met with a token of the attacker's making.
 */
public final class CsrfTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private final byte[] key;

    public CsrfTokens(byte[] key) {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("the CSRF signing key must have at least 16 bytes");
        }
        this.key = key.clone();
    }

    /** A new token for this person. */
    public String mint(String user) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String n = B64.encodeToString(nonce);
        return n + "." + sign(user, n);
    }

    /** Whether the token was made by {@link #mint} for this person with this key. */
    public boolean verifies(String token, String user) {
        if (token == null || user == null) {
            return false;
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot == token.length() - 1) {
            return false;
        }
        String expected = sign(user, token.substring(0, dot));
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(String user, String nonce) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(("console-csrf\0" + user + "\0" + nonce).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
