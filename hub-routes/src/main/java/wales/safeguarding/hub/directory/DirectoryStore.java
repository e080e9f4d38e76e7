package wales.safeguarding.hub.directory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.LanguagePreference;

/**
 * The directory in PostgreSQL: one row per agency ({@code directory_agency}, the agency as the file gives it, URLs
 * unresolved) and one version row ({@code directory_version}) that every change moves on. Every writer first locks
 * the version row ({@link #lockVersion}), so writes from several hub instances follow one another and each instance
 * sees a change by polling one number. Works inside the caller's transaction.
 */
@ApplicationScoped
public class DirectoryStore {

    /** An edit kept by the console before V12 (table {@code directory_edit_before_v12}), applied once at first load. */
    public record LegacyEdit(String agencyId, Map<String, String> name, String endpointUrl, LanguagePreference language,
            List<Agency.Contact> contacts) {

        public Agency applyTo(Agency agency) {
            return agency.edited(name, endpointUrl, language, contacts);
        }
    }

    /** The version row, locked until the transaction ends. */
    public long lockVersion(Connection c) throws SQLException {
        return version(c, "select version from directory_version where id = 1 for update");
    }

    /** The version now: the refresher's one cheap query. */
    public long version(Connection c) throws SQLException {
        return version(c, "select version from directory_version where id = 1");
    }

    private static long version(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("the directory_version row is missing (migration V12)");
            }
            return rs.getLong(1);
        }
    }

    /** Moves the version on; call after the rows changed, in the same transaction. */
    public long bump(Connection c, String by, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update directory_version set version = version + 1, updated_at = ?, updated_by = ? where id = 1
                returning version""")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, by);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Every agency, by id. */
    public List<Agency> all(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select document from directory_agency order by id")) {
            ps.setFetchSize(500);
            List<Agency> agencies = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    agencies.add(CanonicalJson.mapper().readValue(rs.getString(1), Agency.class));
                }
            }
            return agencies;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored directory entry cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    public Optional<Agency> find(Connection c, String agencyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select document from directory_agency where id = ?")) {
            ps.setString(1, agencyId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(CanonicalJson.mapper().readValue(rs.getString(1), Agency.class))
                        : Optional.empty();
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored directory entry cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    /** Adds or replaces each agency. */
    public void put(Connection c, Collection<Agency> agencies, String by, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into directory_agency (id, kind, document, updated_at, updated_by) values (?, ?, ?::jsonb, ?, ?)
                on conflict (id) do update set kind = excluded.kind, document = excluded.document,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by""")) {
            for (Agency agency : agencies) {
                ps.setString(1, agency.id());
                ps.setString(2, agency.kind().wireName());
                ps.setString(3, CanonicalJson.mapper().writeValueAsString(agency));
                ps.setTimestamp(4, Timestamp.from(at));
                ps.setString(5, by);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a directory entry", e);
        }
    }

    public void remove(Connection c, Collection<String> agencyIds) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from directory_agency where id = ?")) {
            for (String id : agencyIds) {
                ps.setString(1, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The console's edits kept before V12, if any are left. */
    public List<LegacyEdit> legacyEdits(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select agency_id, name_en, name_cy, endpoint_url, language, contacts from directory_edit_before_v12
                order by agency_id""");
                ResultSet rs = ps.executeQuery()) {
            List<LegacyEdit> edits = new ArrayList<>();
            while (rs.next()) {
                Map<String, String> name = new LinkedHashMap<>();
                if (rs.getString(2) != null) {
                    name.put("en", rs.getString(2));
                }
                if (rs.getString(3) != null) {
                    name.put("cy", rs.getString(3));
                }
                edits.add(new LegacyEdit(rs.getString(1), name, rs.getString(4),
                        LanguagePreference.ofCode(rs.getString(5)), contacts(rs.getString(6))));
            }
            return edits;
        }
    }

    /** Empties the old edits table once they are in the directory. */
    public void forgetLegacyEdits(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from directory_edit_before_v12")) {
            ps.executeUpdate();
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
