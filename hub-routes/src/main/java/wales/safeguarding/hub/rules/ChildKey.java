package wales.safeguarding.hub.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import wales.safeguarding.schemas.childprotection.ChildRef;
import wales.safeguarding.schemas.envelope.Envelope;

/**
 * How the hub tells the children of a case apart. The council's own {@code childReference} for the child when the
 * message gives one (in the child, or in the envelope of a message about one child); otherwise a fingerprint of the
 * child's name and date of birth, which never leaves the hub. Councils should send {@code childReference}: a name
 * spelt differently makes a different fingerprint.
 */
public final class ChildKey {

    /** The one child of a case recorded before the hub knew sibling groups. */
    public static final String BEFORE_SIBLING_GROUPS = "";

    private ChildKey() {
    }

    /** The key of {@code child}, named in {@code message} among {@code named} children. */
    public static String of(ChildRef child, Envelope message, int named) {
        if (child.childReference() != null && !child.childReference().isBlank()) {
            return child.childReference();
        }
        if (named == 1 && message.childReference() != null && !message.childReference().isBlank()) {
            return message.childReference();
        }
        return fingerprint(child);
    }

    /** The keys of the children a message names, in its order. */
    public static List<String> all(List<ChildRef> children, Envelope message) {
        List<ChildRef> named = children == null ? List.of() : children;
        return named.stream().map(c -> of(c, message, named.size())).toList();
    }

    /** The key of the one child a message is about (a register change, a plan update, an alert). */
    public static String of(ChildRef child, Envelope message) {
        return of(child, message, 1);
    }

    private static String fingerprint(ChildRef child) {
        String identity = (child.name() == null ? "" : child.name().trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "))
                + "|" + child.dateOfBirth();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return "child-" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
