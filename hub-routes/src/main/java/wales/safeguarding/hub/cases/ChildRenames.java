package wales.safeguarding.hub.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * A child of a case known from now on by another key: the receiving council's own {@code childReference}, given in a
 * {@code case-transfer} ({@code receivingChildReference}), so that its messages naming the child concern the same
 * child of the case and not a new one. Rewrites the key wherever the case stores it, in the transaction of the
 * transfer: the child ({@code case_child}), the conferences about them, their registrations ({@code register_history},
 * {@code register_child}), their core groups' attendance and the running clocks that name them as their subject.
 */
@ApplicationScoped
public class ChildRenames {

    private static final String[] OTHER_TABLES = {
        "update register_history set child_key = ? where case_reference = ? and child_key = ?",
        "update register_child set child_key = ? where case_reference = ? and child_key = ?",
        "update core_group_attendance set child_key = ? where case_reference = ? and child_key = ?",
        // the running ones (the partial index's condition): a clock met under the old key keeps it in the history
        "update statutory_clock set subject = ? where case_reference = ? and subject = ? and met_at is null",
    };

    /**
     * Renames the child {@code from} of the case {@code to}.
     *
     * @return false when the case has no child {@code from}, or already one {@code to} (nothing is changed)
     */
    public boolean rename(Connection c, String caseReference, String from, String to) throws SQLException {
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
        return true;
    }
}
