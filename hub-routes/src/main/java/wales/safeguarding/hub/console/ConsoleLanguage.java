package wales.safeguarding.hub.console;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The console's language for a user: what they chose, else their token's {@code locale}, else Welsh (the active
 * offer: a Welsh speaker is served in Welsh without having to ask, and the console offers English on every page).
 */
public final class ConsoleLanguage {

    public static final Set<String> SUPPORTED = Set.of("cy", "en");
    public static final String DEFAULT = "cy";

    private ConsoleLanguage() {
    }

    public static String choose(Optional<String> stored, String tokenLocale) {
        if (stored.isPresent() && SUPPORTED.contains(stored.get())) {
            return stored.get();
        }
        if (tokenLocale != null) {
            String prefix = tokenLocale.strip().toLowerCase(Locale.ROOT);
            prefix = prefix.length() > 2 ? prefix.substring(0, 2) : prefix;
            if (SUPPORTED.contains(prefix)) {
                return prefix;
            }
        }
        return DEFAULT;
    }

    /** The language a user asks for, or a 400 naming {@code /language}. */
    public static String requireSupported(String language) {
        if (language == null || !SUPPORTED.contains(language)) {
            throw ConsoleProblems.invalid("/language", "enum", "cy or en");
        }
        return language;
    }
}
