package wales.safeguarding.hub.cases;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import wales.safeguarding.hub.calendar.WorkingDayCalendar;
import wales.safeguarding.hub.rules.ChildFingerprints;
import wales.safeguarding.hub.rules.ChildKey;
import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.schemas.childprotection.ChildRef;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.MessageType;

/**
 * The children on the councils' registers as register enquiries look them up ({@code register_child}, V35): by the
 * keyed hash of the NHS number, or by the keyed fingerprint of name and date of birth within a council, never by a
 * child's identifier in clear. Written in the intake's transaction whenever the hub records a child going on or off
 * the register ({@link Effect.SetRegistered}), from the child the message names.
 */
@ApplicationScoped
public class RegisterIndex {

    private final ChildFingerprints fingerprints;

    public RegisterIndex(ChildFingerprints fingerprints) {
        this.fingerprints = fingerprints;
    }

    /** A registration found: the council, the day the child went on its register, the case. */
    public record Found(String council, LocalDate since, String caseReference) {
    }

    /**
     * Records that the child {@code set} names went on or off the register with {@code message}, accepted at
     * {@code at}. The child's NHS number and name are read from the message (the object naming the child) and kept
     * only as keyed hashes; {@code registered_since} is the register change's {@code effectiveOn} (an outline plan's
     * {@code heldOn}), else the day of acceptance, and is kept while the child stays on the register.
     */
    public void record(Connection c, Envelope message, Effect.SetRegistered set, Instant at) throws SQLException {
        Optional<ChildRef> child = childNamed(message.body(), set.childKey(), fingerprints);
        String key = child.map(k -> ChildKey.of(k, fingerprints)).orElse(set.childKey());
        if (child.isPresent()) {
            // a child stored under an older key's fingerprint: one row, under the current form
            List<String> forms = ChildKey.forms(child.get(), fingerprints);
            try (PreparedStatement ps = c.prepareStatement("""
                    update register_child set child_key = ? where case_reference = ? and child_key = any(?)
                    and child_key <> ? and not exists
                      (select 1 from register_child other where other.case_reference = ? and other.child_key = ?)""")) {
                ps.setString(1, key);
                ps.setString(2, set.caseReference());
                ps.setArray(3, c.createArrayOf("text", forms.toArray()));
                ps.setString(4, key);
                ps.setString(5, set.caseReference());
                ps.setString(6, key);
                ps.executeUpdate();
            }
        }
        LocalDate since = effectiveOn(message).orElse(LocalDate.ofInstant(at, WorkingDayCalendar.LONDON));
        try (PreparedStatement ps = c.prepareStatement("""
                insert into register_child (case_reference, child_key, council, local_authority, nhs_number, identity,
                                            registered, registered_since, updated_at)
                values (?, ?, coalesce((select council from child_case where case_reference = ?), ?), ?, ?, ?, ?, ?, ?)
                on conflict (case_reference, child_key) do update set
                    council = excluded.council,
                    local_authority = coalesce(excluded.local_authority, register_child.local_authority),
                    nhs_number = coalesce(excluded.nhs_number, register_child.nhs_number),
                    identity = coalesce(excluded.identity, register_child.identity),
                    registered_since = case when not excluded.registered then null
                                            when register_child.registered then register_child.registered_since
                                            else excluded.registered_since end,
                    registered = excluded.registered,
                    updated_at = excluded.updated_at""")) {
            ps.setString(1, set.caseReference());
            ps.setString(2, key);
            ps.setString(3, set.caseReference());
            ps.setString(4, message.sender());
            ps.setString(5, child.map(ChildRef::localAuthority).orElse(null));
            ps.setString(6, child.map(ChildRef::nhsNumber).filter(n -> !n.isBlank())
                    .map(fingerprints::nhsNumber).orElse(null));
            ps.setString(7, child.filter(k -> k.name() != null && k.dateOfBirth() != null)
                    .map(k -> fingerprints.of(k.name(), k.dateOfBirth())).orElse(null));
            ps.setBoolean(8, set.registered());
            ps.setDate(9, set.registered() ? Date.valueOf(since) : null);
            ps.setTimestamp(10, Timestamp.from(at));
            ps.executeUpdate();
        }
    }

    /** The registrations of the child of this NHS number (under any key still recognised), on a register now. */
    public List<Found> byNhsNumber(Connection c, String nhsNumber) throws SQLException {
        return find(c, "nhs_number = any(?)", fingerprints.nhsNumberForms(nhsNumber.replaceAll("\\s+", "")), null);
    }

    /** The registrations, with {@code council}, of the child of this name and date of birth, on a register now. */
    public List<Found> byName(Connection c, String name, LocalDate dateOfBirth, String council) throws SQLException {
        return find(c, "identity = any(?) and council = ?", fingerprints.forms(name, dateOfBirth), council);
    }

    private static List<Found> find(Connection c, String where, List<String> forms, String council)
            throws SQLException {
        List<Found> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select council, registered_since, case_reference "
                + "from register_child where registered and " + where + " order by registered_since, council")) {
            ps.setArray(1, c.createArrayOf("text", forms.toArray()));
            if (council != null) {
                ps.setString(2, council);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Date since = rs.getDate(2);
                    found.add(new Found(rs.getString(1), since == null ? null : since.toLocalDate(), rs.getString(3)));
                }
            }
        }
        return found;
    }

    /**
     * The day the message says the child went on (or came off) the register: a register change's {@code effectiveOn},
     * an outline plan's {@code heldOn} (the conference decided it).
     */
    static Optional<LocalDate> effectiveOn(Envelope message) {
        String field = message.type() == MessageType.REGISTER_CHANGE ? "effectiveOn"
                : message.type() == MessageType.OUTLINE_PLAN ? "heldOn" : null;
        if (field == null || message.body() == null) {
            return Optional.empty();
        }
        JsonNode on = message.body().path(field);
        try {
            return on.isTextual() ? Optional.of(LocalDate.parse(on.asText())) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The child a message names under {@code childKey} (as the case stores them: the council's reference, or a form
     * of the fingerprint), with the NHS number and local authority the message gives; empty when none does.
     */
    static Optional<ChildRef> childNamed(JsonNode body, String childKey, ChildFingerprints fingerprints) {
        List<ChildRef> named = ChildKey.named(body);
        if (ChildKey.BEFORE_SIBLING_GROUPS.equals(childKey)) {
            return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
        }
        return named.stream().filter(k -> ChildKey.forms(k, fingerprints).contains(childKey)).findFirst();
    }
}
