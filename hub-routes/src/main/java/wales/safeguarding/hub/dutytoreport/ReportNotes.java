package wales.safeguarding.hub.dutytoreport;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import wales.safeguarding.hub.tracking.ComplianceNote;

/** The compliance notes of the duty-to-report rules, in Welsh and English side by side. */
final class ReportNotes {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final String[] MONTHS_EN = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    private static final String[] MONTHS_CY = {"Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin",
        "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr"};

    private ReportNotes() {
    }

    /** The report confirms in writing one children's services took earlier: the clocks run from that one. */
    static ComplianceNote clocksFromOriginalReport(Instant madeAt, String means) {
        ZonedDateTime at = madeAt.atZone(UK);
        String time = String.format("%02d:%02d", at.getHour(), at.getMinute());
        String dayEn = at.getDayOfMonth() + " " + MONTHS_EN[at.getMonthValue() - 1] + " " + at.getYear();
        String dayCy = at.getDayOfMonth() + " " + MONTHS_CY[at.getMonthValue() - 1] + " " + at.getYear();
        return new ComplianceNote("clocks-from-original-report",
                "The acknowledgement, outcome and next-actions clocks run from the original report, made "
                        + meansEn(means) + " at " + time + " on " + dayEn + " (UK time), not from this written "
                        + "confirmation.",
                "Mae clociau'r gydnabyddiaeth, y canlyniad a'r camau nesaf yn rhedeg o'r adroddiad gwreiddiol, a "
                        + "wnaed " + meansCy(means) + " am " + time + " ar " + dayCy + " (amser y DU), nid o'r "
                        + "cadarnhad ysgrifenedig hwn.");
    }

    private static String meansEn(String means) {
        return switch (means) {
            case "phone" -> "by phone";
            case "in-person" -> "in person";
            case "online" -> "online";
            default -> "as '" + means + "'";
        };
    }

    private static String meansCy(String means) {
        return switch (means) {
            case "phone" -> "dros y ffôn";
            case "in-person" -> "wyneb yn wyneb";
            case "online" -> "ar-lein";
            default -> "fel '" + means + "'";
        };
    }
}
