package wales.safeguarding.hub.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;

import wales.safeguarding.schemas.envelope.LanguagePreference;

/**
 * One agency the hub can send to or receive from.
 *
 * @param id             the hub's id for the agency, e.g. {@code carmarthenshire-childrens-services}
 * @param kind           council, police, GP practice, school, ...
 * @param name           its name by language code ({@code en}, {@code cy})
 * @param localAuthority for a council or an education service, the ONS code of the local authority it serves
 * @param odsCode        for a GP practice or health board, its ODS code
 * @param schoolNumber   for a school, its Welsh school number
 * @param policeForce    for a council, the agency id of the police force that covers its area
 * @param safeguardingBoard for a council, the agency id of its regional safeguarding board
 * @param endpoint       where its system receives messages; null for an agency that only sends
 * @param language       the language it wants notices in
 * @param clientIds      the OAuth2 clients that act for it
 * @param contacts       named people by role, for escalations
 * @param healthBoard    for a council, the agency id of the health board that covers its area (its safeguarding team
 *                       is invited to every child protection conference, recommendation 1.4)
 */
public record Agency(String id, AgencyKind kind, Map<String, String> name, String localAuthority, String odsCode,
        String schoolNumber, String policeForce, String safeguardingBoard, Endpoint endpoint, LanguagePreference language,
        List<String> clientIds, List<Contact> contacts, String healthBoard) {

    @JsonCreator
    public Agency {
        name = name == null ? Map.of() : Map.copyOf(name);
        clientIds = clientIds == null ? List.of() : List.copyOf(clientIds);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        language = language == null ? LanguagePreference.UNKNOWN : language;
    }

    /** An agency that names no health board (every kind but a council, or a council before health boards). */
    public Agency(String id, AgencyKind kind, Map<String, String> name, String localAuthority, String odsCode,
            String schoolNumber, String policeForce, String safeguardingBoard, Endpoint endpoint,
            LanguagePreference language, List<String> clientIds, List<Contact> contacts) {
        this(id, kind, name, localAuthority, odsCode, schoolNumber, policeForce, safeguardingBoard, endpoint, language,
                clientIds, contacts, null);
    }

    /** Where and how the agency's system receives messages. */
    public record Endpoint(String url, String transport) {
    }

    /** A person the hub may address an escalation to. */
    public record Contact(String role, String name, String email) {
    }

    public Optional<Contact> contact(String role) {
        return contacts.stream().filter(c -> role.equals(c.role())).findFirst();
    }

    /** The same agency at another endpoint (the directory resolves relative URLs against the hub's base URL). */
    public Agency withEndpoint(Endpoint other) {
        return new Agency(id, kind, name, localAuthority, odsCode, schoolNumber, policeForce, safeguardingBoard, other,
                language, clientIds, contacts, healthBoard);
    }

    /** The same agency with an admin's edits: its names, endpoint URL, language and contacts. */
    public Agency edited(Map<String, String> newName, String newUrl, LanguagePreference newLanguage,
            List<Contact> newContacts) {
        Endpoint newEndpoint = endpoint == null || newUrl == null ? endpoint : new Endpoint(newUrl, endpoint.transport());
        return new Agency(id, kind, newName, localAuthority, odsCode, schoolNumber, policeForce, safeguardingBoard,
                newEndpoint, newLanguage, clientIds, newContacts, healthBoard);
    }

    /** The same agency with an admin's edits: names, endpoint (URL and transport; null: none), language, contacts. */
    public Agency edited(Map<String, String> newName, Endpoint newEndpoint, LanguagePreference newLanguage,
            List<Contact> newContacts) {
        return new Agency(id, kind, newName, localAuthority, odsCode, schoolNumber, policeForce, safeguardingBoard,
                newEndpoint, newLanguage, clientIds, newContacts, healthBoard);
    }

    /** Agency systems that poll collect their messages from the hub's inbox instead of receiving pushes. */
    public static final String PULL = "pull";

    public boolean receives() {
        return endpoint != null && (pulls() || endpoint.url() != null && !endpoint.url().isBlank());
    }

    public boolean pulls() {
        return endpoint != null && PULL.equals(endpoint.transport());
    }
}
