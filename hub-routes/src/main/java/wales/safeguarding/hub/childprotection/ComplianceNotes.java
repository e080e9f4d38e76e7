package wales.safeguarding.hub.childprotection;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import wales.safeguarding.schemas.texts.Texts;
import wales.safeguarding.hub.tracking.ComplianceNote;
import wales.safeguarding.schemas.envelope.Language;

/**
 * The compliance notes of the child protection rules, in Welsh and English: the words are in
 * {@code texts/compliance-notes.cy.properties} and {@code .en.properties}, a key per note, which a translator edits;
 * this class picks the text and gives it its values.
 */
final class ComplianceNotes {

    private static final Texts TEXTS = Texts.of("compliance-notes");

    private ComplianceNotes() {
    }

    /** The note {@code code} in both languages, from the text {@code key}. */
    private static ComplianceNote noteFrom(String code, String key, Object... values) {
        return new ComplianceNote(code, TEXTS.get(Language.EN, key, values), TEXTS.get(Language.CY, key, values));
    }

    /** The note {@code code} in both languages, from the text of the same key. */
    private static ComplianceNote note(String code, Object... values) {
        return noteFrom(code, code, values);
    }

    static ComplianceNote policeAdded(String police) {
        return note("police-added", "police", police);
    }

    static ComplianceNote policeUnknown() {
        return note("police-unknown");
    }

    static ComplianceNote gpAdded(String gp) {
        return note("gp-added", "gp", gp);
    }

    static ComplianceNote gpUnknown() {
        return note("gp-unknown");
    }

    static ComplianceNote healthAdded(HealthProfessionals.Service service, String agency) {
        String key = "service." + service.name().toLowerCase(Locale.ROOT).replace('_', '-');
        return new ComplianceNote("health-added",
                TEXTS.get(Language.EN, "health-added", "agency", agency, "service", TEXTS.get(Language.EN, key)),
                TEXTS.get(Language.CY, "health-added", "agency", agency, "service", TEXTS.get(Language.CY, key)));
    }

    static ComplianceNote healthBoardUnknown() {
        return note("health-board-unknown");
    }

    static ComplianceNote contributorsAdded(List<String> added) {
        return note("contributors-added", "agencies", String.join(", ", added));
    }

    static ComplianceNote safetyPlanPartiesAdded(List<String> added) {
        return note("safety-plan-parties-added", "agencies", String.join(", ", added));
    }

    static ComplianceNote safetyPlanMissing(String conference) {
        return note("safety-plan-missing", "conference", conference);
    }

    static ComplianceNote childParticipationNotRecorded(String conference, long missing, long children,
            boolean atConference) {
        String which = missing < children ? "which.some" : children == 1 ? "which.the-child" : "which.all";
        String key = "child-participation-not-recorded." + (atConference ? "outline-plan" : "invitation");
        return new ComplianceNote("child-participation-not-recorded",
                TEXTS.get(Language.EN, key, "conference", conference, "which",
                        TEXTS.get(Language.EN, which, "missing", missing, "children", children)),
                TEXTS.get(Language.CY, key, "conference", conference, "which",
                        TEXTS.get(Language.CY, which, "missing", missing, "children", children)));
    }

    static ComplianceNote advocacyNotOffered(String conference, long children) {
        return noteFrom("advocacy-not-offered", children == 1 ? "advocacy-not-offered.one" : "advocacy-not-offered.many",
                "conference", conference, "children", children);
    }

    static ComplianceNote agencyAbsent(String conference, String agency, int conferences) {
        return note("agency-absent", "conference", conference, "agency", agency, "conferences", conferences);
    }

    static ComplianceNote agencyAbsentCoreGroup(String planId, LocalDate metOn, String agency, int coreGroups) {
        return note("agency-absent-core-group", "plan", planId, "day", metOn, "agency", agency,
                "coreGroups", coreGroups);
    }

    static ComplianceNote recipientsAdded(List<String> added) {
        return note("recipients-added", "agencies", String.join(", ", added));
    }

    /** Who the register change must reach; its words are {@code party.<key>} in the bundle. */
    enum Party {
        GP_PRACTICE("gp-practice"),
        SCHOOL("school"),
        EDUCATION_PROVIDER("education-provider"),
        POLICE_FORCE("police-force");

        final String key;

        Party(String key) {
            this.key = "party." + key;
        }
    }

    static ComplianceNote registerChangeGap(Party party) {
        return new ComplianceNote("register-change-gap",
                TEXTS.get(Language.EN, "register-change-gap", "party", TEXTS.get(Language.EN, party.key)),
                TEXTS.get(Language.CY, "register-change-gap", "party", TEXTS.get(Language.CY, party.key)));
    }

    static ComplianceNote registerChangeAdded(Party party, String agency) {
        return new ComplianceNote("register-change-added",
                TEXTS.get(Language.EN, "register-change-added", "agency", agency, "party",
                        TEXTS.get(Language.EN, party.key)),
                TEXTS.get(Language.CY, "register-change-added", "agency", agency, "party",
                        TEXTS.get(Language.CY, party.key)));
    }

    static ComplianceNote alertRouted(String agency, String role, String kind) {
        return note("alert-routed", "agency", agency, "role", role, "kind", kind);
    }

    static ComplianceNote conferenceRescheduled(String conference, String startsAt) {
        return note("conference-rescheduled", "conference", conference, "startsAt", startsAt);
    }

    static ComplianceNote initialConferenceLate(String conference, LocalDate startsOn, int workingDays,
            LocalDate limit) {
        return noteFrom("conference-late", "conference-late.initial", "conference", conference, "startsOn", startsOn,
                "workingDays", workingDays, "limit", limit);
    }

    static ComplianceNote reviewConferenceLate(String conference, LocalDate startsOn, LocalDate limit) {
        return noteFrom("conference-late", "conference-late.review", "conference", conference, "startsOn", startsOn,
                "limit", limit);
    }

    static ComplianceNote transferInConferenceLate(String conference, LocalDate startsOn, int workingDays,
            LocalDate limit) {
        return noteFrom("conference-late", "conference-late.transfer-in", "conference", conference, "startsOn",
                startsOn, "workingDays", workingDays, "limit", limit);
    }

    static ComplianceNote initialConferenceNotDue(LocalDate concludedOn, String outcome, String nextStep) {
        return note("initial-conference-not-due", "concludedOn", concludedOn, "outcome", outcome, "nextStep",
                nextStep);
    }

    static ComplianceNote decisionPartiesAdded(List<String> added) {
        return note("decision-parties-added", "agencies", String.join(", ", added));
    }

    static ComplianceNote conferenceNotNeeded(String conference) {
        return note("conference-not-needed", "conference", conference);
    }

    static ComplianceNote conferenceStillNeeded(String conference) {
        return note("conference-still-needed", "conference", conference);
    }
}
