package wales.safeguarding.schemas.validation;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.util.regex.Pattern;

/**
 * Compiles schema patterns with the JDK, but gives {@code $} its ECMA-262 meaning (end of input).
 * In a JDK pattern {@code $} also matches before a final line terminator, so {@code ^W06\d{6}$}
 * would accept {@code "W06000010\n"} and the identifier would then fail to match anything
 * downstream.
 */
final class EcmaAnchorsRegularExpressionFactory implements RegularExpressionFactory {

    @Override
    public RegularExpression getRegularExpression(String regex) {
        Pattern pattern = Pattern.compile(toJdk(regex));
        return value -> pattern.matcher(value).find();
    }

    /** Rewrites each unescaped {@code $} outside a character class to {@code \z}. */
    static String toJdk(String ecma) {
        StringBuilder out = new StringBuilder(ecma.length() + 4);
        boolean inClass = false;
        for (int i = 0; i < ecma.length(); i++) {
            char c = ecma.charAt(i);
            if (c == '\\' && i + 1 < ecma.length()) {
                out.append(c).append(ecma.charAt(++i));
            } else if (c == '[') {
                inClass = true;
                out.append(c);
            } else if (c == ']') {
                inClass = false;
                out.append(c);
            } else if (c == '$' && !inClass) {
                out.append("\\z");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
