package wales.safeguarding.schemas.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Refuses characters that hide or forge what a practitioner reads (issue 11 finding 6), in every string value of
 * the message, envelope and body alike: control characters (C0, DEL and C1; tab, line feed and carriage return are
 * allowed everywhere, as free text needs them), the Unicode bidirectional embedding, override and isolate characters
 * (U+202A–U+202E, U+2066–U+2069), and surrogates that are not part of a pair (JSON's {@code "\ud800"} escape
 * becomes such a lone {@code char} in a Java string). One pass over the tree; a pointer is only built for a field
 * that breaks a rule, and each such field gets one violation, for the first character that breaks one.
 */
final class HostileCharacters {

    private static final String NO_CONTROL_CHARACTERS = Violation.NO_CONTROL_CHARACTERS;
    private static final String NO_BIDI_OVERRIDE = Violation.NO_BIDI_OVERRIDE;
    private static final String NO_UNPAIRED_SURROGATE = Violation.NO_UNPAIRED_SURROGATE;

    private HostileCharacters() {
    }

    /** Adds a violation to {@code violations} for every string value in {@code message} that holds one. */
    static void check(JsonNode message, List<Violation> violations) {
        walk(message, "", violations);
    }

    private static void walk(JsonNode node, String pointer, List<Violation> violations) {
        if (node.isTextual()) {
            Violation violation = check(node.textValue(), pointer);
            if (violation != null) {
                violations.add(violation);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (needsLook(field.getValue())) {
                    walk(field.getValue(), pointer + "/" + escape(field.getKey()), violations);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (needsLook(node.get(i))) {
                    walk(node.get(i), pointer + "/" + i, violations);
                }
            }
        }
    }

    /** Numbers, booleans and clean strings need no pointer: skip them before one is built. */
    private static boolean needsLook(JsonNode node) {
        return node.isContainerNode() || node.isTextual() && firstBroken(node.textValue()) != null;
    }

    private static Violation check(String value, String pointer) {
        String rule = firstBroken(value);
        if (rule == null) {
            return null;
        }
        String message = switch (rule) {
            case NO_CONTROL_CHARACTERS -> "holds a control character; only tab, line feed and carriage return are "
                    + "allowed";
            case NO_BIDI_OVERRIDE -> "holds a Unicode bidirectional embedding, override or isolate character "
                    + "(U+202A to U+202E, U+2066 to U+2069), which can make text read other than it is";
            default -> "holds half of a UTF-16 surrogate pair without the other half; it is not text";
        };
        return new Violation(pointer, rule, message);
    }

    /** The rule the first offending character in {@code value} breaks, or null when there is none. */
    static String firstBroken(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c >= 0x7F && c <= 0x9F) {
                if (c != '\t' && c != '\n' && c != '\r') {
                    return NO_CONTROL_CHARACTERS;
                }
            } else if (c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069) {
                return NO_BIDI_OVERRIDE;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else {
                    return NO_UNPAIRED_SURROGATE;
                }
            } else if (Character.isLowSurrogate(c)) {
                return NO_UNPAIRED_SURROGATE;
            }
        }
        return null;
    }

    private static String escape(String referenceToken) {
        return referenceToken.replace("~", "~0").replace("/", "~1");
    }
}
