package wales.safeguarding.hub.console;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.LanguagePreference;

/** The admins' directory edits: each agency's editable fields as last saved, applied over the directory file. */
@ApplicationScoped
public class DirectoryEditRepository {

    /** An agency's editable fields as an admin left them. */
    public record Edit(String agencyId, Map<String, String> name, String endpointUrl, LanguagePreference language,
            List<Agency.Contact> contacts) {

        public Agency applyTo(Agency agency) {
            return agency.edited(name, endpointUrl, language, contacts);
        }

        public static Edit of(Agency agency) {
            return new Edit(agency.id(), agency.name(), agency.endpoint() == null ? null : agency.endpoint().url(),
                    agency.language(), agency.contacts());
        }
    }

    public void save(Connection c, Edit edit, String by, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into directory_edit (agency_id, name_en, name_cy, endpoint_url, language, contacts, updated_at,
                    updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (agency_id) do update set name_en = excluded.name_en, name_cy = excluded.name_cy,
                    endpoint_url = excluded.endpoint_url, language = excluded.language, contacts = excluded.contacts,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by""")) {
            ps.setString(1, edit.agencyId());
            ps.setString(2, edit.name().get("en"));
            ps.setString(3, edit.name().get("cy"));
            ps.setString(4, edit.endpointUrl());
            ps.setString(5, edit.language().code());
            ps.setString(6, CanonicalJson.mapper().writeValueAsString(edit.contacts()));
            ps.setTimestamp(7, Timestamp.from(at));
            ps.setString(8, by);
            ps.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the contacts of " + edit.agencyId(), e);
        }
    }

    public List<Edit> all(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select agency_id, name_en, name_cy, endpoint_url, language, contacts from directory_edit
                order by agency_id""");
                ResultSet rs = ps.executeQuery()) {
            List<Edit> edits = new ArrayList<>();
            while (rs.next()) {
                Map<String, String> name = new LinkedHashMap<>();
                if (rs.getString(2) != null) {
                    name.put("en", rs.getString(2));
                }
                if (rs.getString(3) != null) {
                    name.put("cy", rs.getString(3));
                }
                edits.add(new Edit(rs.getString(1), name, rs.getString(4), LanguagePreference.ofCode(rs.getString(5)),
                        contacts(rs.getString(6))));
            }
            return edits;
        }
    }

    private static List<Agency.Contact> contacts(String json) {
        try {
            return json == null ? List.of() : CanonicalJson.mapper().readValue(json, new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored directory edit has unreadable contacts", e);
        }
    }
}
