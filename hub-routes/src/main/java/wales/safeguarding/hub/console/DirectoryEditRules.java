package wales.safeguarding.hub.console;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.schemas.envelope.LanguagePreference;
import wales.safeguarding.schemas.validation.Violation;

/**
 * What an admin may change in an agency's entry (its names, endpoint URL, language, contacts), the rules each must
 * keep, and the change in words for the audit trail (old → new, no secrets).
 */
public final class DirectoryEditRules {

    static final int MAX_NAME = 200;
    static final int MAX_URL = 2000;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    /** The fields of a PUT; an absent one is left as it is. */
    public record Request(Map<String, String> name, EndpointChange endpoint, String language,
            List<Agency.Contact> contacts) {
    }

    public record EndpointChange(String url) {
    }

    private DirectoryEditRules() {
    }

    /** Each broken rule, naming the field; empty when the request may be applied to {@code agency}. */
    public static List<Violation> violations(Request request, Agency agency) {
        List<Violation> found = new ArrayList<>();
        if (request == null || request.name() == null && request.endpoint() == null && request.language() == null
                && request.contacts() == null) {
            found.add(new Violation("/", "at-least-one-field", "give name, endpoint, language or contacts"));
            return found;
        }
        if (request.name() != null) {
            request.name().forEach((lang, value) -> {
                if (!lang.equals("en") && !lang.equals("cy")) {
                    found.add(new Violation("/name/" + lang, "language", "names are in en and cy"));
                } else if (value == null || value.isBlank() || value.length() > MAX_NAME) {
                    found.add(new Violation("/name/" + lang, "non-blank-max-" + MAX_NAME,
                            "a name of 1 to " + MAX_NAME + " characters"));
                }
            });
        }
        if (request.endpoint() != null) {
            url(request.endpoint().url(), agency, found);
        }
        if (request.language() != null && LanguagePreference.fromCode(request.language()).isEmpty()) {
            found.add(new Violation("/language", "enum", "cy, en or unknown"));
        }
        if (request.contacts() != null) {
            for (int i = 0; i < request.contacts().size(); i++) {
                contact(request.contacts().get(i), "/contacts/" + i, found);
            }
        }
        return found;
    }

    private static void url(String url, Agency agency, List<Violation> found) {
        String pointer = "/endpoint/url";
        if (agency.endpoint() == null || agency.pulls()) {
            found.add(new Violation(pointer, "push-endpoint-only",
                    "the agency receives no pushes (it has no endpoint, or collects from its inbox)"));
            return;
        }
        if (url == null || url.isBlank() || url.length() > MAX_URL) {
            found.add(new Violation(pointer, "required", "an absolute http or https URL"));
            return;
        }
        try {
            URI uri = new URI(url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                found.add(new Violation(pointer, "http-url", "an absolute http or https URL"));
            } else if (uri.getUserInfo() != null) {
                found.add(new Violation(pointer, "no-credentials",
                        "no user or password in the URL: secrets come from the environment"));
            }
        } catch (URISyntaxException e) {
            found.add(new Violation(pointer, "http-url", "an absolute http or https URL"));
        }
    }

    private static void contact(Agency.Contact contact, String pointer, List<Violation> found) {
        if (contact == null) {
            found.add(new Violation(pointer, "required", "a contact with role, name and email"));
            return;
        }
        if (contact.role() == null || contact.role().isBlank()) {
            found.add(new Violation(pointer + "/role", "required", "the contact's role"));
        }
        if (contact.name() == null || contact.name().isBlank()) {
            found.add(new Violation(pointer + "/name", "required", "the contact's name"));
        }
        if (contact.email() == null || !EMAIL.matcher(contact.email()).matches()) {
            found.add(new Violation(pointer + "/email", "email", "an email address"));
        }
    }

    /** {@code agency} with the request's fields applied; call only when there are no violations. */
    public static Agency apply(Request request, Agency agency) {
        Map<String, String> name = new LinkedHashMap<>(agency.name());
        if (request.name() != null) {
            request.name().forEach((lang, value) -> name.put(lang, value.strip()));
        }
        String url = request.endpoint() == null ? (agency.endpoint() == null ? null : agency.endpoint().url())
                : request.endpoint().url().strip();
        LanguagePreference language = request.language() == null ? agency.language()
                : LanguagePreference.ofCode(request.language());
        return agency.edited(name, url, language, request.contacts() == null ? agency.contacts() : request.contacts());
    }

    /** Each changed field as {@code field: old → new}; URLs without their query (it may carry a key). */
    public static List<String> changes(Agency before, Agency after) {
        List<String> changes = new ArrayList<>();
        for (String lang : List.of("en", "cy")) {
            change(changes, "name." + lang, before.name().get(lang), after.name().get(lang));
        }
        change(changes, "endpoint.url", withoutQuery(url(before)), withoutQuery(url(after)));
        change(changes, "language", before.language().code(), after.language().code());
        if (!before.contacts().equals(after.contacts())) {
            changes.add("contacts: " + describe(before.contacts()) + " → " + describe(after.contacts()));
        }
        return changes;
    }

    private static String url(Agency agency) {
        return agency.endpoint() == null ? null : agency.endpoint().url();
    }

    private static void change(List<String> changes, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(field + ": " + before + " → " + after);
        }
    }

    static String withoutQuery(String url) {
        if (url == null) {
            return null;
        }
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + "?…";
    }

    private static String describe(List<Agency.Contact> contacts) {
        return contacts.stream().map(c -> c.role() + " " + c.name() + " <" + c.email() + ">").toList().toString();
    }
}
