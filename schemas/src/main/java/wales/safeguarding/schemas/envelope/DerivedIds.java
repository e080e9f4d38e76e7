package wales.safeguarding.schemas.envelope;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The message ids the hub derives from what it is sent (a police notice's force and number, a GP practice's report
 * to an invitation, a register change of an outline plan): a UUID made from an HMAC-SHA256, under a hub secret, of
 * the parts that name the message. The same parts give the same id, so a notice sent twice is one message; without
 * the key no agency can work out the id, so none can take it first and have the real message refused.
 *
 * <p>The id is the first 16 bytes of {@code HMAC-SHA256(key, purpose, parts...)} with the RFC 9562 version 8 (custom)
 * and variant bits set. Each part is written as its UTF-8 length (4 bytes, big-endian) then its bytes, so no two
 * different lists of parts give the same input. A rotation ({@code previous}) keeps the replaced key so the hub can
 * still recognise an id it derived before ({@link #candidates}); new ids are always derived with the current key.
 * Thread-safe; {@link #toString()} shows no key.
 */
public final class DerivedIds {

    /** The shortest key accepted: 32 bytes, the HMAC-SHA256 output size. */
    public static final int MIN_KEY_BYTES = 32;
    private static final String HMAC = "HmacSHA256";

    /** Purpose of a police notice's id. */
    public static final String POLICE_NOTICE = "ppn";
    /** Purpose of a GP practice's written report to a conference invitation: the practice, the invitation's id. */
    public static final String GP_REPORT = "gp-report";
    /** Purpose of a GP practice's acknowledgement: the practice, the message it answers, its response code. */
    public static final String GP_ACKNOWLEDGEMENT = "gp-ack";
    /**
     * Purpose of a message a GP practice sends on its own account over FHIR (a duty-to-report, a health alert, ...):
     * the practice, the type, the practice's MessageHeader id.
     */
    public static final String GP_MESSAGE = "gp-message";
    /** Purpose of a register change the hub makes from an outline plan: the plan's id, the child's key. */
    public static final String REGISTER_CHANGE = "register-change";
    /**
     * Purpose of the hub's monthly board-report-export to the National Independent Safeguarding Board: the board's
     * agency id, the month ({@code YYYY-MM}). One id per month, so every hub instance derives the same and the intake
     * keeps one.
     */
    public static final String BOARD_REPORT_EXPORT = "board-report-export";

    private final SecretKeySpec current;
    private final SecretKeySpec previous;

    /**
     * @param current  the key new ids are derived with (at least {@link #MIN_KEY_BYTES} bytes of UTF-8)
     * @param previous the key it replaced, still recognised; null when there is none
     */
    public DerivedIds(String current, String previous) {
        this.current = key(Objects.requireNonNull(current, "current"), "current");
        this.previous = previous == null || previous.equals(current) ? null : key(previous, "previous");
    }

    public DerivedIds(String current) {
        this(current, null);
    }

    private static SecretKeySpec key(String value, String which) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the " + which + " message-id key must be at least " + MIN_KEY_BYTES
                    + " bytes long");
        }
        return new SecretKeySpec(bytes, HMAC);
    }

    /** The id of the message named by {@code purpose} and {@code parts}, under the current key. */
    public UUID of(String purpose, String... parts) {
        return derive(current, purpose, parts);
    }

    /** The ids this message may have been given: under the current key, then (during a rotation) the previous. */
    public List<UUID> candidates(String purpose, String... parts) {
        List<UUID> ids = new ArrayList<>(2);
        ids.add(derive(current, purpose, parts));
        if (previous != null) {
            ids.add(derive(previous, purpose, parts));
        }
        return ids;
    }

    /** A police force's notice, by the force's agency id and the notice's id. */
    public UUID policeNotice(String force, String noticeId) {
        return of(POLICE_NOTICE, force, noticeId);
    }

    /** A GP practice's written report answering a conference invitation (one report per invitation). */
    public UUID gpReport(String practice, UUID invitation) {
        return of(GP_REPORT, practice, invitation.toString());
    }

    /** A GP practice's acknowledgement of one of the hub's messages, with its response code. */
    public UUID gpAcknowledgement(String practice, UUID answered, String code) {
        return of(GP_ACKNOWLEDGEMENT, practice, answered.toString(), code);
    }

    /** The register change the hub makes for one child from an outline plan. */
    public UUID registerChange(UUID plan, String childKey) {
        return of(REGISTER_CHANGE, plan.toString(), childKey);
    }


    /**
     * The HMAC-SHA256 of {@code purpose} and {@code parts} under the current key, in hex: a value only the hub can
     * compute (e.g. the fingerprint kept of a message's content, so that it tells nothing to whoever reads the
     * database and cannot be checked against a guess).
     */
    public String mac(String purpose, String... parts) {
        return HexFormat.of().formatHex(hmac(current, purpose, parts));
    }

    /** As {@link #mac}: under the current key, then (during a rotation) the previous. */
    public List<String> macs(String purpose, String... parts) {
        List<String> macs = new ArrayList<>(2);
        macs.add(mac(purpose, parts));
        if (previous != null) {
            macs.add(HexFormat.of().formatHex(hmac(previous, purpose, parts)));
        }
        return macs;
    }

    private static byte[] hmac(SecretKeySpec key, String purpose, String... parts) {
        Objects.requireNonNull(purpose, "purpose");
        Mac mac;
        try {
            mac = Mac.getInstance(HMAC);
            mac.init(key);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
        update(mac, purpose);
        for (String part : parts) {
            update(mac, Objects.requireNonNull(part, "part"));
        }
        return mac.doFinal();
    }

    private static UUID derive(SecretKeySpec key, String purpose, String... parts) {
        byte[] hash = hmac(key, purpose, parts);
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x80); // version 8: custom (RFC 9562)
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // variant: RFC 9562
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }

    private static void update(Mac mac, String part) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        mac.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        mac.update(bytes);
    }

    @Override
    public String toString() {
        return "DerivedIds[" + (previous == null ? "current key" : "current and previous key") + "]";
    }
}
