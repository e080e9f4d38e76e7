package wales.safeguarding.adapters.police;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import wales.safeguarding.adapters.police.PublicProtectionNotice.DashLevel;
import wales.safeguarding.adapters.police.PublicProtectionNotice.IncidentType;

/**
 * The words the mapper adds to a duty-to-report, in the language the officer wrote the notice in (so a Welsh
 * narrative is not introduced in English: the Welsh version is never the lesser one). Labelled lines rather than
 * sentences, so no Welsh mutation depends on what a notice contains.
 */
enum Wording {

    EN("Public Protection Notice %s from %s", "Incident", "When", "Where", "DASH risk level", "Risk assessment",
            "collar number",
            List.of("domestic abuse", "child concern", "missing child", "other"),
            List.of("standard", "medium", "high"),
            List.of("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                    "November", "December")),

    CY("Hysbysiad Diogelu'r Cyhoedd %s gan %s", "Digwyddiad", "Pryd", "Ble", "Lefel risg DASH", "Asesiad risg",
            "rhif coler",
            List.of("cam-drin domestig", "pryder am blentyn", "plentyn ar goll", "arall"),
            List.of("safonol", "canolig", "uchel"),
            List.of("Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi",
                    "Hydref", "Tachwedd", "Rhagfyr"));

    private final String heading;
    final String incidentLabel;
    final String whenLabel;
    final String whereLabel;
    final String dashLabel;
    final String rationaleLabel;
    final String collarLabel;
    private final List<String> incidentTypes;
    private final List<String> dashLevels;
    private final List<String> months;

    Wording(String heading, String incidentLabel, String whenLabel, String whereLabel, String dashLabel,
            String rationaleLabel, String collarLabel, List<String> incidentTypes, List<String> dashLevels,
            List<String> months) {
        this.heading = heading;
        this.incidentLabel = incidentLabel;
        this.whenLabel = whenLabel;
        this.whereLabel = whereLabel;
        this.dashLabel = dashLabel;
        this.rationaleLabel = rationaleLabel;
        this.collarLabel = collarLabel;
        this.incidentTypes = incidentTypes;
        this.dashLevels = dashLevels;
        this.months = months;
    }

    String heading(String noticeId, String force) {
        return String.format(heading, noticeId, force);
    }

    String incidentType(IncidentType type) {
        return incidentTypes.get(type.ordinal());
    }

    String dashLevel(DashLevel level) {
        return dashLevels.get(level.ordinal());
    }

    /** "1 June 2025, 21:40 (UTC+01:00)": the time as the force gave it, with its offset, never converted. */
    String dateTime(OffsetDateTime t) {
        String offset = t.getOffset().equals(ZoneOffset.UTC) ? "UTC" : "UTC" + t.getOffset().getId();
        return String.format("%d %s %d, %02d:%02d (%s)", t.getDayOfMonth(), months.get(t.getMonthValue() - 1),
                t.getYear(), t.getHour(), t.getMinute(), offset);
    }
}
