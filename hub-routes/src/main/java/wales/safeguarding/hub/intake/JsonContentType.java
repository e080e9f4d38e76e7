package wales.safeguarding.hub.intake;

import java.util.Locale;

/**
 * The rule for the {@code Content-Type} of a canonical message (issue 11 finding 6): {@code application/json} or a
 * structured {@code application/*+json} type, with any parameters (a {@code charset}); anything else, or none, is
 * refused before the body is read.
 */
final class JsonContentType {

    static final String RULE = "the Content-Type header must be application/json or application/*+json "
            + "(a charset parameter is allowed)";

    private JsonContentType() {
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String mediaType = (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim()
                .toLowerCase(Locale.ROOT);
        if (mediaType.equals("application/json")) {
            return true;
        }
        String subtype = mediaType.startsWith("application/") ? mediaType.substring("application/".length()) : "";
        return subtype.endsWith("+json") && subtype.length() > "+json".length() && subtype.indexOf('/') < 0
                && subtype.chars().noneMatch(Character::isWhitespace);
    }
}
