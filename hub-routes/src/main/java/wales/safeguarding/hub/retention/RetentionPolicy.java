package wales.safeguarding.hub.retention;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How long the hub keeps what it holds (issue 11 finding 7; UK GDPR Article 5(1)(e), storage limitation). The hub
 * carries messages between agencies; each agency's own case record is the record of authority, so the hub keeps a
 * body only as long as it may still have to deliver, replay or show it, and the record that it was sent, delivered
 * and answered (deliveries, clocks, audit) much longer.
 *
 * @param body        how long a body is kept after the message's last activity (accepted, or a copy's last change),
 *                    once nothing needs it any more (see {@link RetentionRules#removeBody})
 * @param bodyByType  a longer or shorter period for some message types (wire names)
 * @param audit       how long the audit tables keep a month (whole months are dropped)
 * @param refusals    how long the per-minute refusal counts are kept
 */
public record RetentionPolicy(Period body, Map<String, Period> bodyByType, Period audit, Period refusals) {

    public RetentionPolicy {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(refusals, "refusals");
        bodyByType = Map.copyOf(bodyByType);
        var all = new java.util.ArrayList<>(bodyByType.values());
        all.addAll(java.util.List.of(body, audit, refusals));
        for (Period p : all) {
            if (p.isNegative() || p.isZero()) {
                throw new IllegalArgumentException("a retention period must be longer than zero, not " + p);
            }
        }
    }

    /** The body period of a message type. */
    public Period bodyPeriod(String type) {
        return bodyByType.getOrDefault(type, body);
    }

    /** The instant {@code period} before {@code now}, counted in calendar days, months and years (UTC). */
    public static Instant before(Instant now, Period period) {
        return now.atZone(ZoneOffset.UTC).minus(period).toInstant();
    }

    /** The shortest body period of all: nothing accepted after {@code now} minus it can be due for removal. */
    public Instant oldestBodyCutoff(Instant now) {
        Instant latest = before(now, body);
        for (Period p : bodyByType.values()) {
            Instant cutoff = before(now, p);
            if (cutoff.isAfter(latest)) {
                latest = cutoff;
            }
        }
        return latest;
    }

    /**
     * Parses {@code hub.retention.body-by-type}: {@code type=P180D,type=P1Y}; blank is none. A bad entry is refused
     * naming it.
     */
    public static Map<String, Period> parseByType(String setting) {
        Map<String, Period> byType = new LinkedHashMap<>();
        if (setting == null || setting.isBlank()) {
            return byType;
        }
        for (String entry : setting.split(",")) {
            String[] kv = entry.trim().split("=", 2);
            if (kv.length != 2 || kv[0].isBlank()) {
                throw new IllegalArgumentException("hub.retention.body-by-type: '" + entry.trim()
                        + "' is not <message type>=<ISO-8601 period>, e.g. duty-to-report=P180D");
            }
            try {
                byType.put(kv[0].trim(), Period.parse(kv[1].trim()));
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("hub.retention.body-by-type: '" + kv[1].trim() + "' for "
                        + kv[0].trim() + " is not an ISO-8601 period such as P90D or P1Y");
            }
        }
        return byType;
    }
}
