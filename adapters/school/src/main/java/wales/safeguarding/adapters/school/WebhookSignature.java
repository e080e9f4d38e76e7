package wales.safeguarding.adapters.school;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hub's webhook signature: {@code X-Hub-Signature: v1=<hex HMAC-SHA256>} over
 * {@code "<X-Hub-Timestamp>.<raw body bytes>"}, keyed with the UTF-8 bytes of the agency's shared secret (the same
 * shape as Stripe's scheme). The timestamp is inside the signed bytes, so an old request cannot be replayed with a
 * new timestamp, and the receiver refuses one outside its replay window. While a secret is rotated the header holds
 * one {@code v1} per valid secret, comma-separated, the new one first; a receiver accepts the request when any
 * matches the secret it holds.
 *
 * <p>Plain JDK code with no state, so the hub can sign with it, the hub's inbound side can verify with it, and a
 * school supplier can copy it.
 */
public final class WebhookSignature {

    /** Header with the Unix time in seconds at which the request was signed. */
    public static final String TIMESTAMP_HEADER = "X-Hub-Timestamp";
    /** Header with the signature, {@code v1=<64 lowercase hex digits>}. */
    public static final String SIGNATURE_HEADER = "X-Hub-Signature";
    /** The only signature scheme so far; a receiver ignores schemes it does not know. */
    public static final String SCHEME = "v1";
    /** How far the timestamp may be from the receiver's clock, either way, when the receiver does not say. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final String ALGORITHM = "HmacSHA256";
    private static final int SIGNATURE_BYTES = 32;
    // Unix seconds fit in 12 digits until the year 33658; a longer value is an attempt to overflow, not a time.
    private static final int MAX_TIMESTAMP_DIGITS = 12;
    private static final HexFormat HEX = HexFormat.of();

    private WebhookSignature() {
    }

    /**
     * The {@code X-Hub-Signature} value for a body sent at {@code timestamp}.
     *
     * @param secret    the agency's shared secret, exactly as configured (its UTF-8 bytes are the key)
     * @param timestamp Unix time in seconds, the value sent in {@code X-Hub-Timestamp}
     * @param body      the raw bytes sent as the request body
     * @return {@code v1=<64 lowercase hex digits>}
     */
    public static String sign(String secret, long timestamp, byte[] body) {
        if (timestamp < 0) {
            throw new IllegalArgumentException("timestamp must be Unix seconds, not negative");
        }
        return SCHEME + "=" + HEX.formatHex(mac(secret, Long.toString(timestamp), Objects.requireNonNull(body, "body")));
    }

    /**
     * The {@code X-Hub-Signature} value signed with each of several secrets: {@code v1=<hex>,v1=<hex>}, in the order
     * given. During a rotation overlap the hub signs with the new secret and the old one (new first), so a receiver
     * that holds either verifies; one secret gives exactly {@link #sign(String, long, byte[])}.
     *
     * @param secrets one or more secrets, exactly as configured
     */
    public static String sign(List<String> secrets, long timestamp, byte[] body) {
        if (secrets == null || secrets.isEmpty()) {
            throw new IllegalArgumentException("no webhook secret");
        }
        StringJoiner header = new StringJoiner(",");
        for (String secret : secrets) {
            header.add(sign(secret, timestamp, body));
        }
        return header.toString();
    }

    /** Verifies with the {@linkplain #DEFAULT_TOLERANCE default replay window} of 5 minutes. */
    public static Verification verify(String secret, String timestampHeader, String signatureHeader, byte[] body,
            Instant now) {
        return verify(secret, timestampHeader, signatureHeader, body, now, DEFAULT_TOLERANCE);
    }

    /**
     * Checks a received request: both headers present and well formed, the timestamp within {@code tolerance} of
     * {@code now} (before or after), and a {@code v1} signature equal to the one computed here (compared in
     * constant time). The header may list several comma-separated {@code scheme=value} elements; elements of an
     * unknown scheme are ignored and any matching {@code v1} is enough.
     *
     * @param secret          the shared secret, exactly as configured
     * @param timestampHeader the {@code X-Hub-Timestamp} value as received (null when absent)
     * @param signatureHeader the {@code X-Hub-Signature} value as received (null when absent)
     * @param body            the raw body bytes as received, before any parsing
     * @param now             the receiver's clock
     * @param tolerance       the replay window, each way
     * @return valid, or the first reason it is not; never the expected signature
     */
    public static Verification verify(String secret, String timestampHeader, String signatureHeader, byte[] body,
            Instant now, Duration tolerance) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(now, "now");
        if (tolerance == null || tolerance.isNegative()) {
            throw new IllegalArgumentException("the replay window must be zero or more");
        }
        requireSecret(secret);
        if (timestampHeader == null || timestampHeader.isBlank()) {
            return Verification.failed(Failure.MISSING_TIMESTAMP, "no " + TIMESTAMP_HEADER + " header");
        }
        if (signatureHeader == null || signatureHeader.isBlank()) {
            return Verification.failed(Failure.MISSING_SIGNATURE, "no " + SIGNATURE_HEADER + " header");
        }
        String timestampText = timestampHeader.strip();
        if (!isUnixSeconds(timestampText)) {
            return Verification.failed(Failure.MALFORMED_TIMESTAMP,
                    TIMESTAMP_HEADER + " is not a Unix time in whole seconds");
        }
        long timestamp = Long.parseLong(timestampText);
        byte[][] candidates = v1Signatures(signatureHeader);
        if (candidates == null) {
            return Verification.failed(Failure.MALFORMED_SIGNATURE,
                    SIGNATURE_HEADER + " is not " + SCHEME + "=<64 hex digits>");
        }
        long skew = now.getEpochSecond() - timestamp;
        if (Math.abs(skew) > tolerance.toSeconds()) {
            return Verification.failed(Failure.OUTSIDE_REPLAY_WINDOW, TIMESTAMP_HEADER + " is " + Math.abs(skew)
                    + " s " + (skew > 0 ? "old" : "in the future") + "; the replay window is "
                    + tolerance.toSeconds() + " s");
        }
        byte[] expected = mac(secret, timestampText, body);
        boolean matched = false;
        for (byte[] candidate : candidates) {
            // Every candidate is compared, in constant time, so the answer time says nothing about which was close.
            matched |= MessageDigest.isEqual(expected, candidate);
        }
        return matched ? Verification.VALID
                : Verification.failed(Failure.SIGNATURE_MISMATCH,
                        SIGNATURE_HEADER + " does not match the body and timestamp");
    }

    /** The MAC over the timestamp exactly as sent (the header's text), a full stop, and the raw body. */
    private static byte[] mac(String secret, String timestamp, byte[] body) {
        requireSecret(secret);
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // Every Java runtime must provide HmacSHA256 and accept a non-empty raw key: this is a broken JDK.
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
    }

    /** HMAC-SHA256 in hex, for the known-answer test of the primitive (RFC 4231). */
    static String hmacSha256Hex(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return HEX.formatHex(mac.doFinal(data));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
    }

    private static void requireSecret(String secret) {
        // The message never quotes the value: it is a secret.
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("no webhook secret");
        }
    }

    private static boolean isUnixSeconds(String text) {
        if (text.isEmpty() || text.length() > MAX_TIMESTAMP_DIGITS) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The decoded {@code v1} signatures in the header, or null when it has none or one is not 64 hex digits. */
    private static byte[][] v1Signatures(String header) {
        String[] elements = header.split(",", -1);
        byte[][] found = new byte[elements.length][];
        int count = 0;
        for (String element : elements) {
            int eq = element.indexOf('=');
            if (eq < 0) {
                return null;
            }
            if (!element.substring(0, eq).strip().equals(SCHEME)) {
                continue;
            }
            String hex = element.substring(eq + 1).strip();
            if (hex.length() != SIGNATURE_BYTES * 2 || !isHex(hex)) {
                return null;
            }
            found[count++] = HEX.parseHex(hex);
        }
        if (count == 0) {
            return null;
        }
        byte[][] signatures = new byte[count][];
        System.arraycopy(found, 0, signatures, 0, count);
        return signatures;
    }

    private static boolean isHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex) {
                return false;
            }
        }
        return true;
    }

    /** Why a request failed verification. */
    public enum Failure {
        /** No {@code X-Hub-Timestamp}. */
        MISSING_TIMESTAMP,
        /** No {@code X-Hub-Signature}. */
        MISSING_SIGNATURE,
        /** {@code X-Hub-Timestamp} is not whole Unix seconds. */
        MALFORMED_TIMESTAMP,
        /** {@code X-Hub-Signature} has no {@code v1=<64 hex digits>} element, or a broken one. */
        MALFORMED_SIGNATURE,
        /** The timestamp is further from the receiver's clock than the replay window allows (old or future). */
        OUTSIDE_REPLAY_WINDOW,
        /** Well formed and in time, but signed with another secret or over other bytes. */
        SIGNATURE_MISMATCH
    }

    /**
     * The result of {@link #verify}: valid, or a {@link Failure} with a reason a caller can return (a 401 problem
     * detail). The reason names headers and limits, never the secret or the expected signature.
     */
    public record Verification(Failure failure, String reason) {

        static final Verification VALID = new Verification(null, "valid");

        static Verification failed(Failure failure, String reason) {
            return new Verification(failure, reason);
        }

        public boolean valid() {
            return failure == null;
        }
    }
}
