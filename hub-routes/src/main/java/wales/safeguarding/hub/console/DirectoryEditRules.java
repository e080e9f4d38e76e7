package wales.safeguarding.hub.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.DirectoryRules;
import wales.safeguarding.hub.directory.KnownTransports;
import wales.safeguarding.schemas.envelope.LanguagePreference;
import wales.safeguarding.schemas.validation.Violation;

/**
 * What an admin may change in an agency's entry (its names, endpoint URL and transport, language, contacts; an
 * agency without an endpoint may be given one), the rules each must keep, and the change in words for the audit trail
 * (old → new, no secrets). Ids, kind, codes, clients, police force and board change only by import.
 */
public final class DirectoryEditRules {

    static final int MAX_NAME = DirectoryRules.MAX_NAME;
    static final int MAX_URL = DirectoryRules.MAX_URL;
    private static final Set<String> TRANSPORTS = KnownTransports.onClasspath();

    /** The fields of a PUT; an absent one is left as it is. */
    public record Request(Map<String, String> name, EndpointChange endpoint, String language,
            List<Agency.Contact> contacts) {
    }

    /** A new URL, a new transport, or both; {@code pull} needs no URL. */
    public record EndpointChange(String url, String transport) {

        public EndpointChange(String url) {
            this(url, null);
        }
    }

    private DirectoryEditRules() {
    }

    /** Each broken rule, naming the field; empty when the request may be applied to {@code agency}. */
    public static List<Violation> violations(Request request, Agency agency) {
        return violations(request, agency, TRANSPORTS);
    }

    public static List<Violation> violations(Request request, Agency agency, Set<String> transports) {
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
            endpoint(request.endpoint(), agency, transports, found);
        }
        if (request.language() != null && LanguagePreference.fromCode(request.language()).isEmpty()) {
            found.add(new Violation("/language", "enum", "cy, en or unknown"));
        }
        if (request.contacts() != null) {
            for (int i = 0; i < request.contacts().size(); i++) {
                DirectoryRules.contact(request.contacts().get(i), "/contacts/" + i, "", found);
            }
        }
        return found;
    }

    private static void endpoint(EndpointChange change, Agency agency, Set<String> transports, List<Violation> found) {
        if (change.url() == null && change.transport() == null) {
            found.add(new Violation("/endpoint", "required", "give the endpoint's url, transport or both"));
            return;
        }
        if (change.transport() != null && !transports.contains(change.transport())) {
            found.add(new Violation("/endpoint/transport", "transport", "one of " + transports.stream().sorted()
                    .toList()));
            return;
        }
        String transport = change.transport() != null ? change.transport()
                : agency.endpoint() == null ? null : agency.endpoint().transport();
        if (transport == null || Agency.PULL.equals(transport)) {
            if (change.url() != null) {
                found.add(new Violation("/endpoint/url", "push-endpoint-only", "the agency receives no pushes (it has"
                        + " no endpoint, or collects from its inbox): give a push transport with the URL"));
            }
            return;
        }
        if (change.url() != null) {
            String rule = DirectoryRules.urlRule(change.url(), false);
            if (rule != null) {
                found.add(new Violation("/endpoint/url", rule, DirectoryRules.urlMessage(rule)));
            }
        } else if (DirectoryRules.urlRule(agency.pulls() ? null : url(agency), true) != null) {
            found.add(new Violation("/endpoint/url", "required", "a push transport needs the URL to push to"));
        }
    }

    /** {@code agency} with the request's fields applied; call only when there are no violations. */
    public static Agency apply(Request request, Agency agency) {
        Map<String, String> name = new LinkedHashMap<>(agency.name());
        if (request.name() != null) {
            request.name().forEach((lang, value) -> name.put(lang, value.strip()));
        }
        Agency.Endpoint endpoint = agency.endpoint();
        if (request.endpoint() != null) {
            EndpointChange change = request.endpoint();
            String transport = change.transport() != null ? change.transport()
                    : endpoint == null ? null : endpoint.transport();
            String url = change.url() != null ? change.url().strip() : endpoint == null ? null : endpoint.url();
            endpoint = new Agency.Endpoint(Agency.PULL.equals(transport) ? null : url, transport);
        }
        LanguagePreference language = request.language() == null ? agency.language()
                : LanguagePreference.ofCode(request.language());
        return agency.edited(name, endpoint, language,
                request.contacts() == null ? agency.contacts() : request.contacts());
    }

    /** Each changed field as {@code field: old → new}; URLs without their query (it may carry a key). */
    public static List<String> changes(Agency before, Agency after) {
        return DirectoryRules.changes(before, after);
    }

    static String withoutQuery(String url) {
        return DirectoryRules.withoutQuery(url);
    }

    private static String url(Agency agency) {
        return agency.endpoint() == null ? null : agency.endpoint().url();
    }
}
