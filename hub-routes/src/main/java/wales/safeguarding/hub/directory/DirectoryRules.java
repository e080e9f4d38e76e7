package wales.safeguarding.hub.directory;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import wales.safeguarding.schemas.validation.Violation;

/**
 * What makes a directory valid, and what one version changes from another, field by field. Plain logic: the first
 * load, the import and the console's add, edit and remove all use it. Each violation names the agency (pointer
 * {@code /agencies/<i>/<field>}, message starting with its id) and the rule.
 */
public final class DirectoryRules {

    public static final int MAX_NAME = 200;
    public static final int MAX_URL = 2000;
    private static final Pattern ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern LOCAL_AUTHORITY = Pattern.compile("^W06\\d{6}$");

    private DirectoryRules() {
    }

    /** What an import would do to the stored directory; {@code changed} maps each id to its field changes. */
    public record Diff(List<String> added, Map<String, List<String>> changed, List<String> removed, int unchanged) {

        public boolean isEmpty() {
            return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
        }
    }

    /** Every broken rule of the directory {@code agencies} would make; empty when it may be stored. */
    public static List<Violation> violations(List<Agency> agencies, Set<String> transports) {
        List<Violation> found = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        Map<String, String> clients = new HashMap<>();
        Map<String, String> councils = new HashMap<>();
        Map<String, String> educationServices = new HashMap<>();
        Map<String, String> healthVisiting = new HashMap<>();
        Map<String, String> schoolNursing = new HashMap<>();
        Map<String, String> odsCodes = new HashMap<>();
        Map<String, String> schoolNumbers = new HashMap<>();
        for (int i = 0; i < agencies.size(); i++) {
            Agency a = agencies.get(i);
            String at = "/agencies/" + i;
            if (a == null) {
                found.add(new Violation(at, "required", "an agency"));
                continue;
            }
            String who = "agency '" + a.id() + "': ";
            if (a.id() == null || !ID.matcher(a.id()).matches()) {
                found.add(new Violation(at + "/id", "id-pattern",
                        who + "an id of letters, digits, '.', '_' and '-', at most 100"));
            } else if (ids.putIfAbsent(a.id(), i) != null) {
                found.add(new Violation(at + "/id", "unique-id", who + "given twice (also at /agencies/"
                        + ids.get(a.id()) + ")"));
            }
            if (a.kind() == null) {
                found.add(new Violation(at + "/kind", "required", who + "its kind"));
            }
            agencyFields(a, at, who, transports, found);
            if (a.kind() == AgencyKind.COUNCIL) {
                unique(councils, a.localAuthority(), a, at + "/localAuthority", "unique-local-authority",
                        "the council of local authority", found);
            }
            if (a.kind() == AgencyKind.EDUCATION_SERVICE) {
                unique(educationServices, a.localAuthority(), a, at + "/localAuthority", "unique-education-service",
                        "the education service of local authority", found);
            }
            if (a.kind() == AgencyKind.HEALTH_VISITING) {
                unique(healthVisiting, a.localAuthority(), a, at + "/localAuthority", "unique-health-visiting",
                        "the health visiting service of local authority", found);
            }
            if (a.kind() == AgencyKind.SCHOOL_NURSING) {
                unique(schoolNursing, a.localAuthority(), a, at + "/localAuthority", "unique-school-nursing",
                        "the school nursing service of local authority", found);
            }
            if (a.kind() != null && a.kind().educationProvider()) {
                educationProvider(a, at, who, found);
            }
            unique(odsCodes, a.odsCode(), a, at + "/odsCode", "unique-ods-code", "ODS code", found);
            unique(schoolNumbers, a.schoolNumber(), a, at + "/schoolNumber", "unique-school-number", "school number",
                    found);
            for (int c = 0; c < a.clientIds().size(); c++) {
                unique(clients, a.clientIds().get(c), a, at + "/clientIds/" + c, "unique-client-id", "client",
                        found);
            }
        }
        for (int i = 0; i < agencies.size(); i++) {
            Agency a = agencies.get(i);
            if (a == null) {
                continue;
            }
            known(ids, a.policeForce(), a, "/agencies/" + i + "/policeForce", "police force", found);
            known(ids, a.safeguardingBoard(), a, "/agencies/" + i + "/safeguardingBoard", "safeguarding board",
                    found);
            known(ids, a.healthBoard(), a, "/agencies/" + i + "/healthBoard", "health board", found);
        }
        return found;
    }

    /**
     * An education provider other than a school (a pupil referral unit, an EOTAS provider, a youth justice or youth
     * support service) names the local authority it serves or is commissioned by ({@code provider-local-authority}),
     * as the hub tells that council's children and their cases apart by it; only a pupil referral unit may carry a
     * school number (Welsh PRUs have one, and a message may then name the PRU as the child's school), the others none
     * ({@code school-number-kind}: a school number is how a message names a child's school).
     */
    static void educationProvider(Agency a, String at, String who, List<Violation> found) {
        if (a.localAuthority() == null || !LOCAL_AUTHORITY.matcher(a.localAuthority()).matches()) {
            found.add(new Violation(at + "/localAuthority", "provider-local-authority", who + "a "
                    + a.kind().wireName() + " names the ONS code of its local authority (W06 and six digits)"));
        }
        if (a.kind() != AgencyKind.PUPIL_REFERRAL_UNIT && a.schoolNumber() != null && !a.schoolNumber().isBlank()) {
            found.add(new Violation(at + "/schoolNumber", "school-number-kind", who + "only a school or a "
                    + "pupil referral unit has a school number, not a " + a.kind().wireName()));
        }
    }

    /** The rules of one agency's own fields (names, endpoint, contacts), under {@code at}. */
    static void agencyFields(Agency a, String at, String who, Set<String> transports, List<Violation> found) {
        if (blank(a.name().get("en")) && blank(a.name().get("cy"))) {
            found.add(new Violation(at + "/name", "required", who + "a name in en or cy"));
        }
        a.name().forEach((lang, value) -> {
            if (!lang.equals("en") && !lang.equals("cy")) {
                found.add(new Violation(at + "/name/" + lang, "language", who + "names are in en and cy"));
            } else if (value != null && value.length() > MAX_NAME) {
                found.add(new Violation(at + "/name/" + lang, "non-blank-max-" + MAX_NAME,
                        who + "a name of 1 to " + MAX_NAME + " characters"));
            }
        });
        if (a.endpoint() != null) {
            String transport = a.endpoint().transport();
            if (transport == null || !transports.contains(transport)) {
                found.add(new Violation(at + "/endpoint/transport", "transport", who + "one of "
                        + transports.stream().sorted().toList()));
            } else if (!Agency.PULL.equals(transport)) {
                String rule = urlRule(a.endpoint().url(), true);
                if (rule != null) {
                    found.add(new Violation(at + "/endpoint/url", rule, who + urlMessage(rule)));
                }
            }
        }
        for (int c = 0; c < a.contacts().size(); c++) {
            contact(a.contacts().get(c), at + "/contacts/" + c, who, found);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * Null when {@code url} is a good push URL: absolute {@code http}/{@code https} without user or password (or, if
     * {@code relativeAllowed}, a path starting with {@code /}, taken relative to {@code hub.directory.base-url});
     * otherwise the rule it breaks: {@code required}, {@code http-url}, {@code no-credentials}.
     */
    public static String urlRule(String url, boolean relativeAllowed) {
        if (url == null || url.isBlank() || url.length() > MAX_URL) {
            return "required";
        }
        if (relativeAllowed && url.startsWith("/") && !url.startsWith("//")) {
            return null;
        }
        try {
            URI uri = new URI(url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                return "http-url";
            }
            return uri.getUserInfo() != null ? "no-credentials" : null;
        } catch (URISyntaxException e) {
            return "http-url";
        }
    }

    public static String urlMessage(String rule) {
        return "no-credentials".equals(rule) ? "no user or password in the URL: secrets come from the environment"
                : "an absolute http or https URL";
    }

    /** The rules of one contact: role, name and an e-mail address. */
    public static void contact(Agency.Contact contact, String pointer, String who, List<Violation> found) {
        if (contact == null) {
            found.add(new Violation(pointer, "required", who + "a contact with role, name and email"));
            return;
        }
        if (contact.role() == null || contact.role().isBlank()) {
            found.add(new Violation(pointer + "/role", "required", who + "the contact's role"));
        }
        if (contact.name() == null || contact.name().isBlank()) {
            found.add(new Violation(pointer + "/name", "required", who + "the contact's name"));
        }
        if (contact.email() == null || !EMAIL.matcher(contact.email()).matches()) {
            found.add(new Violation(pointer + "/email", "email", who + "an email address"));
        }
    }

    private static void unique(Map<String, String> seen, String key, Agency agency, String pointer, String rule,
            String what, List<Violation> found) {
        if (key == null || key.isBlank()) {
            return;
        }
        String other = seen.putIfAbsent(key, agency.id());
        if (other != null) {
            found.add(new Violation(pointer, rule, "agency '" + agency.id() + "': " + what + " '" + key
                    + "' is also given to '" + other + "'"));
        }
    }

    private static void known(Map<String, Integer> ids, String named, Agency agency, String pointer, String what,
            List<Violation> found) {
        if (named != null && !named.isBlank() && !ids.containsKey(named)) {
            found.add(new Violation(pointer, "known-agency", "agency '" + agency.id() + "': its " + what + " '"
                    + named + "' is not in the directory"));
        }
    }

    /** The agencies that name {@code agencyId} as their police force, safeguarding board or health board. */
    public static List<Violation> namedBy(String agencyId, Collection<Agency> agencies) {
        List<Violation> found = new ArrayList<>();
        for (Agency a : agencies) {
            if (agencyId.equals(a.policeForce())) {
                found.add(new Violation("/agencies/" + a.id() + "/policeForce", "still-named",
                        "agency '" + a.id() + "' names '" + agencyId + "' as its police force"));
            }
            if (agencyId.equals(a.safeguardingBoard())) {
                found.add(new Violation("/agencies/" + a.id() + "/safeguardingBoard", "still-named",
                        "agency '" + a.id() + "' names '" + agencyId + "' as its safeguarding board"));
            }
            if (agencyId.equals(a.healthBoard())) {
                found.add(new Violation("/agencies/" + a.id() + "/healthBoard", "still-named",
                        "agency '" + a.id() + "' names '" + agencyId + "' as its health board"));
            }
        }
        return found;
    }

    /** What storing {@code incoming} (a whole directory) would add, change and remove from {@code current}. */
    public static Diff diff(Collection<Agency> current, List<Agency> incoming) {
        Map<String, Agency> stored = current.stream()
                .collect(Collectors.toMap(Agency::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<String> added = new ArrayList<>();
        Map<String, List<String>> changed = new LinkedHashMap<>();
        int unchanged = 0;
        for (Agency agency : incoming) {
            Agency before = stored.remove(agency.id());
            if (before == null) {
                added.add(agency.id());
            } else if (before.equals(agency)) {
                unchanged++;
            } else {
                changed.put(agency.id(), changes(before, agency));
            }
        }
        return new Diff(added, changed, List.copyOf(stored.keySet()), unchanged);
    }

    /**
     * Each changed field as {@code field: old → new}; {@code before} null for an agency being added. URLs without
     * their query (it may carry a key).
     */
    public static List<String> changes(Agency before, Agency after) {
        List<String> changes = new ArrayList<>();
        Map<String, String> oldName = before == null ? Map.of() : before.name();
        for (String lang : List.of("en", "cy")) {
            change(changes, "name." + lang, oldName.get(lang), after.name().get(lang));
        }
        change(changes, "kind", before == null ? null : wire(before.kind()), wire(after.kind()));
        change(changes, "localAuthority", before == null ? null : before.localAuthority(), after.localAuthority());
        change(changes, "odsCode", before == null ? null : before.odsCode(), after.odsCode());
        change(changes, "schoolNumber", before == null ? null : before.schoolNumber(), after.schoolNumber());
        change(changes, "policeForce", before == null ? null : before.policeForce(), after.policeForce());
        change(changes, "safeguardingBoard", before == null ? null : before.safeguardingBoard(),
                after.safeguardingBoard());
        change(changes, "healthBoard", before == null ? null : before.healthBoard(), after.healthBoard());
        String oldUrl = before == null ? null : url(before);
        int size = changes.size();
        change(changes, "endpoint.url", withoutQuery(oldUrl), withoutQuery(url(after)));
        if (changes.size() == size && !Objects.equals(oldUrl, url(after))) {
            changes.add("endpoint.url: the query changed (not shown)");
        }
        change(changes, "endpoint.transport", before == null ? null : transport(before), transport(after));
        change(changes, "language", before == null ? null : before.language().code(), after.language().code());
        List<String> oldClients = before == null ? List.of() : before.clientIds();
        if (!oldClients.equals(after.clientIds())) {
            changes.add("clientIds: " + oldClients + " → " + after.clientIds());
        }
        List<Agency.Contact> oldContacts = before == null ? List.of() : before.contacts();
        if (!oldContacts.equals(after.contacts())) {
            changes.add("contacts: " + describe(oldContacts) + " → " + describe(after.contacts()));
        }
        return changes;
    }

    private static String wire(AgencyKind kind) {
        return kind == null ? null : kind.wireName();
    }

    private static String url(Agency agency) {
        return agency.endpoint() == null ? null : agency.endpoint().url();
    }

    private static String transport(Agency agency) {
        return agency.endpoint() == null ? null : agency.endpoint().transport();
    }

    private static void change(List<String> changes, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(field + ": " + before + " → " + after);
        }
    }

    public static String withoutQuery(String url) {
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
