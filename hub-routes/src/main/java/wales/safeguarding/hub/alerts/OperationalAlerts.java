package wales.safeguarding.hub.alerts;

import wales.safeguarding.hub.conditions.AlertCondition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import wales.safeguarding.schemas.envelope.CanonicalJson;

/**
 * The {@code operational_alert} table. At most one open alert per (agency, condition): raising is a conditional insert
 * against a unique index on the open ones and resolving a conditional update, so several hub instances checking at
 * once, or a restart, never raise or resolve twice. Every method works inside the caller's transaction.
 */
@ApplicationScoped
public class OperationalAlerts {

    private static final ObjectMapper JSON = CanonicalJson.mapper();
    private static final String COLUMNS = "id, agency, condition, raised_at, resolved_at, details::text";

    /** An alert with what each channel was told: {@code sent.get("email")} is when the raised notice went out. */
    public record Notifiable(OperationalAlert alert, Map<String, Instant> raisedSent, Map<String, Instant> resolvedSent) {
    }

    public static String key(String agency, AlertCondition condition) {
        return agency + "|" + condition.wireName();
    }

    /** The keys ({@link #key}) of the open alerts. */
    public Set<String> openKeys(Connection c) throws SQLException {
        Set<String> open = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select agency, condition from operational_alert where resolved_at is null");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                open.add(rs.getString(1) + "|" + rs.getString(2));
            }
        }
        return open;
    }

    /** Raises the alert unless one is open for the same agency and condition; true if this call raised it. */
    public boolean raise(Connection c, String agency, AlertCondition condition, Map<String, Object> details, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into operational_alert (agency, condition, raised_at, details) values (?, ?, ?, ?::jsonb)
                on conflict (agency, condition) where resolved_at is null do nothing""")) {
            ps.setString(1, agency);
            ps.setString(2, condition.wireName());
            ps.setTimestamp(3, Timestamp.from(at));
            ps.setString(4, json(details));
            return ps.executeUpdate() == 1;
        }
    }

    /** Resolves the open alert, if any; true if this call resolved it. */
    public boolean resolve(Connection c, String agency, AlertCondition condition, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update operational_alert set resolved_at = ? where agency = ? and condition = ? and resolved_at is null""")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, agency);
            ps.setString(3, condition.wireName());
            return ps.executeUpdate() == 1;
        }
    }

    /** Newest first; only the open ones if {@code openOnly}. */
    public List<OperationalAlert> list(Connection c, boolean openOnly, int limit) throws SQLException {
        List<OperationalAlert> alerts = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from operational_alert"
                + (openOnly ? " where resolved_at is null" : "") + " order by raised_at desc, id desc limit ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    alerts.add(alert(rs));
                }
            }
        }
        return alerts;
    }

    /** Ids of alerts with a notice not yet sent on one of {@code channels} (raised, or resolved). */
    public List<Long> withUnsentNotices(Connection c, List<String> channels) throws SQLException {
        if (channels.isEmpty()) {
            return List.of();
        }
        StringBuilder where = new StringBuilder();
        for (String channel : channels) {
            where.append(where.length() == 0 ? "" : " or ").append(column(channel, false)).append(" is null or (resolved_at is not null and ")
                    .append(column(channel, true)).append(" is null)");
        }
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select id from operational_alert where " + where + " order by id limit 100");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    /** Locks the alert for sending its notices; empty if another hub instance is sending them right now. */
    public Optional<Notifiable> lockForNotice(Connection c, long id, List<String> channels) throws SQLException {
        StringBuilder select = new StringBuilder("select " + COLUMNS);
        for (String channel : channels) {
            select.append(", ").append(column(channel, false)).append(", ").append(column(channel, true));
        }
        try (PreparedStatement ps = c.prepareStatement(select + " from operational_alert where id = ? for update skip locked")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Map<String, Instant> raised = new java.util.HashMap<>();
                Map<String, Instant> resolved = new java.util.HashMap<>();
                int i = 7;
                for (String channel : channels) {
                    raised.put(channel, instant(rs.getTimestamp(i++)));
                    resolved.put(channel, instant(rs.getTimestamp(i++)));
                }
                return Optional.of(new Notifiable(alert(rs), raised, resolved));
            }
        }
    }

    /** Records that {@code channel} was told that the alert was raised (or resolved). */
    public void markSent(Connection c, long id, String channel, boolean resolved, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update operational_alert set " + column(channel, resolved)
                + " = ? where id = ?")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    /** Only the channels this table has columns for ever reach the SQL. */
    private static String column(String channel, boolean resolved) {
        if (!channel.equals("email") && !channel.equals("webhook")) {
            throw new IllegalArgumentException("unknown alert channel " + channel);
        }
        return (resolved ? "resolved_" : "") + channel + "_sent_at";
    }

    private static OperationalAlert alert(ResultSet rs) throws SQLException {
        try {
            return new OperationalAlert(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4)),
                    instant(rs.getTimestamp(5)), JSON.readTree(rs.getString(6)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("alert " + rs.getLong(1) + " has unreadable details", e);
        }
    }

    private static String json(Map<String, Object> details) {
        try {
            return JSON.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("alert details are not JSON", e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
