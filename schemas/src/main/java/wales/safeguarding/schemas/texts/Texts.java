package wales.safeguarding.schemas.texts;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import wales.safeguarding.schemas.envelope.Language;

/**
 * The hub's own words in Welsh and English, from files a translator edits: {@code texts/<bundle>.cy.properties} and
 * {@code texts/<bundle>.en.properties} on the classpath (UTF-8), a key per text, placeholders named in braces
 * ({@code {conference}}). Both files of a bundle hold the same keys with the same placeholders ({@code TextsTest}
 * checks every bundle), so neither language is the lesser and a translator can reorder a sentence freely.
 * <p>
 * Plain {@link Properties} rather than {@link java.text.MessageFormat} or Qute message bundles: MessageFormat reads an
 * apostrophe as a quote, and Welsh is full of them ({@code o'r}, {@code i'r}), so a translator would have to double
 * every one; Qute's bundles need the CDI container, and these words are written by rules that run without it.
 */
public final class Texts {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)\\}");
    private static final Locale WELSH = Locale.forLanguageTag("cy");
    private static final DateTimeFormatter DAY_EN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter DAY_CY = DateTimeFormatter.ofPattern("d MMMM yyyy", WELSH);

    private final String bundle;
    private final Map<Language, Properties> words;

    private Texts(String bundle, Map<Language, Properties> words) {
        this.bundle = bundle;
        this.words = words;
    }

    /** The bundle {@code texts/<name>.<language>.properties}, both languages; fails if either file is missing. */
    public static Texts of(String name) {
        Map<Language, Properties> words = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            words.put(language, load(resource(name, language)));
        }
        return new Texts(name, words);
    }

    /** The classpath resource of one language of a bundle. */
    public static String resource(String name, Language language) {
        return "texts/" + name + "." + language.name().toLowerCase(Locale.ROOT) + ".properties";
    }

    /**
     * The text of {@code key} in {@code language}, its placeholders replaced by {@code values} given as name, value
     * pairs. A key the bundle lacks, or a placeholder without a value, is a programming error and throws.
     */
    public String get(Language language, String key, Object... namesAndValues) {
        String text = words.get(language).getProperty(key);
        if (text == null) {
            throw new IllegalStateException("texts/" + bundle + " has no '" + key + "' in " + language);
        }
        Map<String, Object> values = new java.util.HashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (!values.containsKey(m.group(1))) {
                throw new IllegalStateException("texts/" + bundle + " '" + key + "' needs a value for {" + m.group(1)
                        + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(values.get(m.group(1)))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Whether the bundle has {@code key} in {@code language}. */
    public boolean has(Language language, String key) {
        return words.get(language).containsKey(key);
    }

    /** The keys of one language of the bundle. */
    public Set<String> keys(Language language) {
        return new TreeSet<>(words.get(language).stringPropertyNames());
    }

    /** The names of the placeholders of one text. */
    public static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The raw text of a key (for the bundle checks). */
    public String raw(Language language, String key) {
        return words.get(language).getProperty(key);
    }

    /**
     * What is wrong with the bundle, empty when nothing: a key in one language only, a text whose placeholders differ
     * from its translation's, an empty text. Each module's tests check its bundles with it.
     */
    public java.util.List<String> problems() {
        java.util.List<String> problems = new java.util.ArrayList<>();
        Set<String> all = new TreeSet<>(keys(Language.EN));
        all.addAll(keys(Language.CY));
        for (String key : all) {
            String en = raw(Language.EN, key);
            String cy = raw(Language.CY, key);
            if (en == null || cy == null) {
                problems.add(bundle + " " + key + ": only in " + (en == null ? "Welsh" : "English"));
            } else if (en.isBlank() || cy.isBlank()) {
                problems.add(bundle + " " + key + ": empty");
            } else if (!placeholders(en).equals(placeholders(cy))) {
                problems.add(bundle + " " + key + ": placeholders " + placeholders(en) + " in English, "
                        + placeholders(cy) + " in Welsh");
            }
        }
        return problems;
    }

    /** A day as each language writes it: "15 December 2026", "15 Rhagfyr 2026" (CLDR's Welsh month names). */
    public static String day(LocalDate day, Language language) {
        return (language == Language.CY ? DAY_CY : DAY_EN).format(day);
    }

    private static Properties load(String resource) {
        try (InputStream in = Texts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the classpath");
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }
}
