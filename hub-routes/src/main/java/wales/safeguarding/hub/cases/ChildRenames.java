package wales.safeguarding.hub.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * A child of a case known from now on by another key: the receiving council's own {@code childReference}, given in a
 * {@code case-transfer} ({@code receivingChildReference}), so that its messages naming the child concern the same
 * child of the case and not a new one ({@link #rename}); or the current form of the child's keyed fingerprint in place
 * of an older one ({@link #rekey}, the lazy rekey of {@code intake.RuleEffects}). Rewrites the key wherever the case stores it, in the transaction of the
 * transfer: the child ({@code case_child}), the conferences about them, their registrations ({@code register_history},
 * {@code register_child}), their core groups' attendance and the running clocks that name them as their subject.
 */
@ApplicationScoped
public class ChildRenames {

    private static final String[] OTHER_TABLES = {
        "update register_history set child_key = ? where case_reference = ? and child_key = ?",
        "update register_child set child_key = ? where case_reference = ? and child_key = ?",
        "update core_group_attendance set child_key = ? where case_reference = ? and child_key = ?",
    };

    /** A rename moves only the running clocks (the partial index's condition): a clock met under the old key keeps it. */
    private static final String RUNNING_CLOCKS =
            "update statutory_clock set subject = ? where case_reference = ? and subject = ? and met_at is null";
    /** A rekey rewrites every clock about a fingerprinted child (V32's partial index), met ones too: the same key. */
    private static final String FINGERPRINTED_CLOCKS = """
            update statutory_clock set subject = ?
            where case_reference = ? and subject = ? and (subject like 'child-%' or subject like 'ck1-%')""";

    /**
     * Renames the child {@code from} of the case {@code to} (the receiving council's reference after a transfer).
     *
     * @return false when the case has no child {@code from}, or already one {@code to} (nothing is changed)
     */
    public boolean rename(Connection c, String caseReference, String from, String to) throws SQLException {
        return rewrite(c, caseReference, from, to, RUNNING_CLOCKS);
    }

    /**
     * Rewrites a child's stored key from an older form of the fingerprint ({@code stale}: the unkeyed one from before,
     * or one under a previous key) to the current one, in the transaction of the message that named the child. If the
     * case already holds the child under the current key too (written by an instance that did not know the old form),
     * the old row stays: both are counted by {@code hub_child_keys_legacy}.
     *
     * @return whether the child's row was rewritten
     */
    public boolean rekey(Connection c, String caseReference, String stale, String current) throws SQLException {
        return rewrite(c, caseReference, stale, current, FINGERPRINTED_CLOCKS);
    }

    private static boolean rewrite(Connection c, String caseReference, String from, String to, String clocks)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update case_child set child_key = ? where case_reference = ? and child_key = ?
                and not exists (select 1 from case_child other where other.case_reference = ? and other.child_key = ?)""")) {
            ps.setString(1, to);
            ps.setString(2, caseReference);
            ps.setString(3, from);
            ps.setString(4, caseReference);
            ps.setString(5, to);
            if (ps.executeUpdate() == 0) {
                return false;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                update conference set child_keys = array_replace(child_keys, ?, ?)
                where case_reference = ? and ? = any(child_keys)""")) {
            ps.setString(1, from);
            ps.setString(2, to);
            ps.setString(3, caseReference);
            ps.setString(4, from);
            ps.executeUpdate();
        }
        for (String sql : OTHER_TABLES) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, to);
                ps.setString(2, caseReference);
                ps.setString(3, from);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement(clocks)) {
            ps.setString(1, to);
            ps.setString(2, caseReference);
            ps.setString(3, from);
            ps.executeUpdate();
        }
        return true;
    }
}
