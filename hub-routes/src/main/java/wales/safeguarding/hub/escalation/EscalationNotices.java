package wales.safeguarding.hub.escalation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import wales.safeguarding.hub.clocks.EscalationStep;
import wales.safeguarding.schemas.envelope.Language;
import wales.safeguarding.schemas.tracking.Notice;

/**
 * The words of the hub's own escalation notices, in Welsh and in English, side by side so neither is the lesser.
 * Notices name messages by id and agencies by name; they never carry a child's details.
 */
public final class EscalationNotices {

    /**
     * What a notice says: the message that started the clock, the case, who owes the step and who waits, what is
     * missing (for a duty-to-report: acknowledgement and/or outcome; otherwise the clock), when it was due.
     */
    public record Facts(String reportId, String caseReference, String clock, Map<Language, String> councilName,
            Map<Language, String> reportMakerName, List<String> missing, LocalDate dueDay, int daysOverdue) {

        boolean dutyToReport() {
            return "report-acknowledgement".equals(clock) || "report-outcome".equals(clock);
        }
    }

    private static final String[] MONTHS_CY = {"Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf",
        "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr"};
    private static final String[] MONTHS_EN = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};

    private EscalationNotices() {
    }

    public static Notice notice(EscalationStep step, Language language, Facts f) {
        if (!f.dutyToReport() || step == EscalationStep.BOARD_NOTICE) {
            return processNotice(step, language, f);
        }
        String missing = missing(f.missing(), language);
        String due = day(f.dueDay(), language);
        String council = f.councilName().get(language);
        String reportMaker = f.reportMakerName().get(language);
        return switch (language) {
            case EN -> switch (step) {
                case REMINDER -> new Notice(language,
                        "Reminder: duty-to-report " + f.reportId() + " is waiting for your " + missing,
                        "The hub has not received the " + missing + " for duty-to-report " + f.reportId() + " from "
                                + council + ". It was due to the report-maker by the end of " + due
                                + ". Please send it now.");
                case REPORT_MAKER_NOTICE -> new Notice(language,
                        "No " + missing + " yet for your duty-to-report " + f.reportId(),
                        "Children's services (" + council + ") have not given the " + missing + " for your duty-to-report "
                                + f.reportId() + ", due by the end of " + due + ". Under the Wales Safeguarding "
                                + "Procedures you should now contact children's services again. If you disagree with "
                                + "their response, or still hear nothing, raise it with your line manager or designated "
                                + "safeguarding person.");
                case BOARD_NOTICE -> throw new IllegalStateException("board notices are written by processNotice");
                case MANAGER_NOTICE -> new Notice(language,
                        "Escalation: duty-to-report " + f.reportId() + " still has no " + missing,
                        "The duty-to-report " + f.reportId() + " made by " + reportMaker + " to children's services ("
                                + council + ") still has no " + missing + ", " + f.daysOverdue() + " working days after it "
                                + "was due (end of " + due + "). This notice goes to the report-maker's designated "
                                + "safeguarding person or line manager and to the senior safeguarding manager in "
                                + "children's services, as the Wales Safeguarding Procedures require.");
            };
            case CY -> switch (step) {
                case REMINDER -> new Notice(language,
                        "Nodyn atgoffa: mae'r adroddiad dyletswydd i adrodd " + f.reportId() + " yn aros am " + missing,
                        "Nid yw'r hwb wedi derbyn " + missing + " gan " + council + " ar gyfer yr adroddiad dyletswydd i "
                                + "adrodd " + f.reportId() + ". Roedd yn ddyledus i'r sawl a wnaeth yr adroddiad erbyn "
                                + "diwedd " + due + ". Anfonwch ef nawr, os gwelwch yn dda.");
                case REPORT_MAKER_NOTICE -> new Notice(language,
                        "Dim " + missing + " eto i'ch adroddiad dyletswydd i adrodd " + f.reportId(),
                        "Nid yw'r gwasanaethau plant (" + council + ") wedi rhoi " + missing + " ar gyfer eich adroddiad "
                                + "dyletswydd i adrodd " + f.reportId() + ", a oedd yn ddyledus erbyn diwedd " + due
                                + ". O dan Weithdrefnau Diogelu Cymru, dylech gysylltu â'r gwasanaethau plant eto nawr. "
                                + "Os ydych yn anghytuno â'u hymateb, neu os na chlywch ddim o hyd, codwch y mater "
                                + "gyda'ch rheolwr llinell neu'r person diogelu dynodedig.");
                case BOARD_NOTICE -> throw new IllegalStateException("board notices are written by processNotice");
                case MANAGER_NOTICE -> new Notice(language,
                        "Uwchgyfeirio: dim " + missing + " o hyd i'r adroddiad dyletswydd i adrodd " + f.reportId(),
                        "Nid oes " + missing + " o hyd i'r adroddiad dyletswydd i adrodd " + f.reportId() + " a wnaed gan "
                                + reportMaker + " i'r gwasanaethau plant (" + council + "), " + f.daysOverdue()
                                + " diwrnod gwaith ar ôl y dyddiad dyledus (diwedd " + due + "). Mae'r hysbysiad hwn "
                                + "yn mynd at berson diogelu dynodedig neu reolwr llinell y sawl a wnaeth yr adroddiad "
                                + "ac at uwch reolwr diogelu'r gwasanaethau plant, fel y mae Gweithdrefnau Diogelu "
                                + "Cymru yn ei gwneud yn ofynnol.");
            };
        };
    }

    /** The notices of the child protection process's clocks (and any board notice), for one case. */
    private static Notice processNotice(EscalationStep step, Language language, Facts f) {
        String what = ClockWords.what(f.clock(), language);
        String whatCapital = Character.toUpperCase(what.charAt(0)) + what.substring(1);
        String due = day(f.dueDay(), language);
        String owing = f.councilName().get(language);
        String caseRef = f.caseReference() != null ? f.caseReference() : f.reportId();
        int n = f.daysOverdue();
        return switch (language) {
            case EN -> switch (step) {
                case REMINDER, REPORT_MAKER_NOTICE -> new Notice(language,
                        "Reminder: " + what + " for case " + caseRef + " is overdue",
                        whatCapital + " for case " + caseRef + " was due by the end of " + due + ". The hub has not "
                                + "received it from " + owing + ". Please send it now.");
                case MANAGER_NOTICE -> new Notice(language,
                        "Escalation: " + what + " for case " + caseRef + " is " + n + " working days overdue",
                        whatCapital + " for case " + caseRef + ", owed by " + owing + ", was due by the end of " + due
                                + " and is still missing " + n + " working days later. This notice goes to the managers "
                                + "responsible, as the Wales Safeguarding Procedures require.");
                case BOARD_NOTICE -> new Notice(language,
                        "Safeguarding board notice: " + what + " for case " + caseRef + " is " + n
                                + " working days overdue",
                        whatCapital + " for case " + caseRef + ", owed by " + owing + ", was due by the end of " + due
                                + " and is still missing " + n + " working days later, after a reminder and a notice to "
                                + "managers. The regional safeguarding board is told so that it can follow it up.");
            };
            case CY -> switch (step) {
                case REMINDER, REPORT_MAKER_NOTICE -> new Notice(language,
                        "Nodyn atgoffa: mae " + what + " ar gyfer achos " + caseRef + " yn hwyr",
                        "Roedd " + what + " ar gyfer achos " + caseRef + " yn ddyledus erbyn diwedd " + due
                                + ". Nid yw'r hwb wedi'i dderbyn gan " + owing + ". Anfonwch ef nawr, os gwelwch yn dda.");
                case MANAGER_NOTICE -> new Notice(language,
                        "Uwchgyfeirio: mae " + what + " ar gyfer achos " + caseRef + " " + n + " diwrnod gwaith yn hwyr",
                        "Roedd " + what + " ar gyfer achos " + caseRef + ", sy'n ddyledus gan " + owing
                                + ", yn ddyledus erbyn diwedd " + due + " ac mae'n dal ar goll " + n + " diwrnod gwaith yn "
                                + "ddiweddarach. Mae'r hysbysiad hwn yn mynd at y rheolwyr cyfrifol, fel y mae "
                                + "Gweithdrefnau Diogelu Cymru yn ei gwneud yn ofynnol.");
                case BOARD_NOTICE -> new Notice(language,
                        "Hysbysiad i'r bwrdd diogelu: mae " + what + " ar gyfer achos " + caseRef + " " + n
                                + " diwrnod gwaith yn hwyr",
                        "Roedd " + what + " ar gyfer achos " + caseRef + ", sy'n ddyledus gan " + owing
                                + ", yn ddyledus erbyn diwedd " + due + " ac mae'n dal ar goll " + n + " diwrnod gwaith yn "
                                + "ddiweddarach, ar ôl nodyn atgoffa a hysbysiad i'r rheolwyr. Rhoddir gwybod i'r bwrdd "
                                + "diogelu rhanbarthol er mwyn iddo fynd ar ei drywydd.");
            };
        };
    }

    static String missing(List<String> missing, Language language) {
        boolean acknowledgement = missing.contains("acknowledgement");
        boolean outcome = missing.contains("outcome");
        return switch (language) {
            case EN -> acknowledgement && outcome ? "acknowledgement and outcome" : acknowledgement ? "acknowledgement" : "outcome";
            case CY -> acknowledgement && outcome ? "cydnabyddiaeth a chanlyniad" : acknowledgement ? "cydnabyddiaeth" : "canlyniad";
        };
    }

    static String day(LocalDate day, Language language) {
        String[] months = language == Language.CY ? MONTHS_CY : MONTHS_EN;
        return day.getDayOfMonth() + " " + months[day.getMonthValue() - 1] + " " + day.getYear();
    }
}
