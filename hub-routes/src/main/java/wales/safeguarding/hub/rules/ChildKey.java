package wales.safeguarding.hub.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import wales.safeguarding.schemas.childprotection.ChildRef;

/**
 * How the hub tells the children of a case apart. The council's own {@code childReference} for the child when the
 * message gives one; otherwise a fingerprint of the child's name and date of birth, which never leaves the hub.
 * Councils should send {@code childReference} for every child, always the same: a name spelt differently makes a
 * different fingerprint. (The envelope's {@code childReference} is the sender's reference for logs and screens; a
 * message about a sibling group has one envelope, so it cannot tell the children apart.)
 */
public final class ChildKey {

    /** The one child of a case recorded before the hub knew sibling groups. */
    public static final String BEFORE_SIBLING_GROUPS = "";

    private ChildKey() {
    }

    /** The key of {@code child}. */
    public static String of(ChildRef child) {
        if (child.childReference() != null && !child.childReference().isBlank()) {
            return child.childReference();
        }
        return fingerprint(child);
    }

    /** The keys of the children a message names, in its order. */
    public static List<String> all(List<ChildRef> children) {
        return (children == null ? List.<ChildRef>of() : children).stream().map(ChildKey::of).toList();
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
