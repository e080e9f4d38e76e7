package wales.safeguarding.hub.childprotection;

import java.time.LocalDate;
import java.util.List;

import wales.safeguarding.hub.tracking.ComplianceNote;

/** The compliance notes of the child protection rules, in Welsh and English side by side. */
final class ComplianceNotes {

    private ComplianceNotes() {
    }

    static ComplianceNote policeAdded(String police) {
        return new ComplianceNote("police-added",
                "The hub added " + police + " to the strategy discussion: the police take part in every strategy "
                        + "discussion.",
                "Ychwanegodd yr hwb " + police + " at y drafodaeth strategaeth: mae'r heddlu'n cymryd rhan ym mhob "
                        + "trafodaeth strategaeth.");
    }

    static ComplianceNote policeUnknown() {
        return new ComplianceNote("police-unknown",
                "No police force is known for the child's area; the invitation went without one.",
                "Nid oes heddlu'n hysbys ar gyfer ardal y plentyn; aeth y gwahoddiad hebddo.");
    }

    static ComplianceNote gpAdded(String gp) {
        return new ComplianceNote("gp-added",
                "The hub added the child's GP practice, " + gp + ": the GP is invited to every child protection "
                        + "conference, and the council left it out.",
                "Ychwanegodd yr hwb feddygfa deulu'r plentyn, " + gp + ": gwahoddir y meddyg teulu i bob cynhadledd "
                        + "amddiffyn plant, ac fe'i gadawyd allan gan y cyngor.");
    }

    static ComplianceNote gpUnknown() {
        return new ComplianceNote("gp-unknown",
                "No registered GP practice is known for the child; the invitation went without one. Find the "
                        + "practice and invite it.",
                "Nid oes meddygfa deulu gofrestredig yn hysbys ar gyfer y plentyn; aeth y gwahoddiad hebddi. Dewch o "
                        + "hyd i'r feddygfa a'i gwahodd.");
    }

    static ComplianceNote healthAdded(HealthProfessionals.Service service, String agency) {
        return new ComplianceNote("health-added",
                "The hub added " + agency + ", " + service.en + ": health professionals are invited to every child "
                        + "protection conference (recommendation 1.4), and the council left it out.",
                "Ychwanegodd yr hwb " + agency + ", " + service.cy + ": gwahoddir gweithwyr iechyd proffesiynol i bob "
                        + "cynhadledd amddiffyn plant (argymhelliad 1.4), ac fe'i gadawyd allan gan y cyngor.");
    }

    static ComplianceNote healthBoardUnknown() {
        return new ComplianceNote("health-board-unknown",
                "No health board is known for the child's area (the council's directory entry names none); the "
                        + "invitation went without its safeguarding team. Invite the health board.",
                "Nid oes bwrdd iechyd yn hysbys ar gyfer ardal y plentyn (nid yw cofnod y cyngor yn y cyfeiriadur yn "
                        + "enwi un); aeth y gwahoddiad heb ei dîm diogelu. Gwahoddwch y bwrdd iechyd.");
    }

    static ComplianceNote contributorsAdded(List<String> added) {
        String who = String.join(", ", added);
        return new ComplianceNote("contributors-added",
                "The hub also asked " + who + " for what they know of the children, for the strategy discussion: "
                        + "every relevant agency contributes, not only the police and children's services.",
                "Gofynnodd yr hwb hefyd i " + who + " am yr hyn a wyddant am y plant, ar gyfer y drafodaeth "
                        + "strategaeth: mae pob asiantaeth berthnasol yn cyfrannu, nid yr heddlu a'r gwasanaethau "
                        + "plant yn unig.");
    }

    static ComplianceNote safetyPlanPartiesAdded(List<String> added) {
        String who = String.join(", ", added);
        return new ComplianceNote("safety-plan-parties-added",
                "The hub also sent the safety plan to " + who + ": every action's owner, every invitee of the coming "
                        + "conference and every party of the strategy discussion receives it (recommendation 6.2).",
                "Anfonodd yr hwb y cynllun diogelwch hefyd at " + who + ": mae perchennog pob cam gweithredu, pob "
                        + "gwahoddedig i'r gynhadledd sydd i ddod a phob parti i'r drafodaeth strategaeth yn ei "
                        + "dderbyn (argymhelliad 6.2).");
    }

    static ComplianceNote safetyPlanMissing(String conference) {
        return new ComplianceNote("safety-plan-missing",
                "Conference " + conference + ": a child is at immediate risk until the conference, and no interim "
                        + "safety plan has gone to the partners through the hub. Send a safety-plan (recommendation "
                        + "6.2).",
                "Cynhadledd " + conference + ": mae plentyn mewn perygl uniongyrchol tan y gynhadledd, ac nid oes "
                        + "cynllun diogelwch interim wedi mynd at y partneriaid drwy'r hwb. Anfonwch safety-plan "
                        + "(argymhelliad 6.2).");
    }

    static ComplianceNote childParticipationNotRecorded(String conference, long missing, long children,
            boolean atConference) {
        String which = missing == children ? (children == 1 ? "the child" : "any of the " + children + " children")
                : missing + " of the " + children + " children";
        String pa = missing == children ? (children == 1 ? "y plentyn" : "yr un o'r " + children + " plentyn")
                : missing + " o'r " + children + " plentyn";
        return new ComplianceNote("child-participation-not-recorded", atConference
                ? "Conference " + conference + ": the outline plan does not say how " + which + " took part. "
                        + "The voice of the child should always be heard at the conference (Wales Safeguarding "
                        + "Procedures, section 3 part 2): record each child's participation."
                : "Conference " + conference + ": the invitation does not say whether " + which + " is invited or "
                        + "offered an advocate. Record each child's participation (Wales Safeguarding Procedures, "
                        + "section 3 part 2).",
                atConference
                        ? "Cynhadledd " + conference + ": nid yw'r cynllun amlinellol yn dweud sut y cymerodd " + pa
                                + " ran. Dylid clywed llais y plentyn yn y gynhadledd bob amser (Gweithdrefnau "
                                + "Diogelu Cymru, adran 3 rhan 2): cofnodwch gyfranogiad pob plentyn."
                        : "Cynhadledd " + conference + ": nid yw'r gwahoddiad yn dweud a yw " + pa + " wedi ei "
                                + "wahodd neu wedi cael cynnig eiriolwr. Cofnodwch gyfranogiad pob plentyn "
                                + "(Gweithdrefnau Diogelu Cymru, adran 3 rhan 2).");
    }

    static ComplianceNote advocacyNotOffered(String conference, long children) {
        String who = children == 1 ? "a child was" : children + " children were";
        String pwy = children == 1 ? "plentyn" : children + " plentyn";
        return new ComplianceNote("advocacy-not-offered",
                "Initial conference " + conference + ": " + who + " not made the active offer of an independent "
                        + "professional advocate, to which every child subject to enquiries leading to an initial "
                        + "conference is entitled (Social Services and Well-being (Wales) Act 2014, Part 10 Code of "
                        + "Practice).",
                "Cynhadledd gychwynnol " + conference + ": ni chafodd " + pwy + " y cynnig rhagweithiol o eiriolwr "
                        + "proffesiynol annibynnol, y mae gan bob plentyn sy'n destun ymholiadau sy'n arwain at "
                        + "gynhadledd gychwynnol hawl iddo (Deddf Gwasanaethau Cymdeithasol a Llesiant (Cymru) 2014, "
                        + "Cod Ymarfer Rhan 10).");
    }

    static ComplianceNote recipientsAdded(List<String> added) {
        String who = String.join(", ", added);
        return new ComplianceNote("recipients-added",
                "The hub also sent it to " + who + ": every invitee and core group member receives it, whether or not "
                        + "they attended.",
                "Anfonodd yr hwb ef hefyd at " + who + ": mae pob gwahoddedig ac aelod o'r grŵp craidd yn ei dderbyn, "
                        + "p'un a oeddent yn bresennol ai peidio.");
    }

    /** Who the register change must reach, in both languages. */
    enum Party {
        GP_PRACTICE("GP practice", "meddygfa deulu"),
        SCHOOL("school", "ysgol"),
        POLICE_FORCE("police force", "heddlu");

        final String en;
        final String cy;

        Party(String en, String cy) {
            this.en = en;
            this.cy = cy;
        }
    }

    static ComplianceNote registerChangeGap(Party party) {
        return new ComplianceNote("register-change-gap",
                "No " + party.en + " is known for the child; it was not told of the change to the register.",
                "Nid oes " + party.cy + " yn hysbys ar gyfer y plentyn; ni chafodd wybod am y newid i'r gofrestr.");
    }

    static ComplianceNote registerChangeAdded(Party party, String agency) {
        return new ComplianceNote("register-change-added",
                "The hub added " + agency + ": the child's " + party.en + " is told of every change to the register.",
                "Ychwanegodd yr hwb " + agency + ": rhoddir gwybod i " + party.cy + " y plentyn am bob newid i'r "
                        + "gofrestr.");
    }

    static ComplianceNote alertRouted(String agency, String role, String kind) {
        return new ComplianceNote("alert-routed",
                "The hub sent it to " + agency + " (" + role + "), in the core group of a child on the register, as "
                        + "the rules for a " + kind + " require.",
                "Anfonodd yr hwb ef at " + agency + " (" + role + "), yng ngrŵp craidd plentyn ar y gofrestr, fel y "
                        + "mae'r rheolau ar gyfer " + kind + " yn ei gwneud yn ofynnol.");
    }

    static ComplianceNote conferenceRescheduled(String conference, String startsAt) {
        return new ComplianceNote("conference-rescheduled",
                "Conference " + conference + " moved to " + startsAt + "; its clocks moved with it.",
                "Symudwyd cynhadledd " + conference + " i " + startsAt + "; symudodd ei chlociau gyda hi.");
    }

    static ComplianceNote initialConferenceLate(String conference, LocalDate startsOn, int workingDays,
            LocalDate limit) {
        return new ComplianceNote("conference-late",
                "Conference " + conference + ": the conference is booked for " + startsOn + ", after the "
                        + workingDays + "-working-day limit of " + limit + ": it will be late. The initial conference "
                        + "clock runs on and escalates as any late clock until the outline plan says it was held.",
                "Cynhadledd " + conference + ": mae'r gynhadledd wedi'i threfnu ar gyfer " + startsOn + ", ar ôl y "
                        + "terfyn o " + workingDays + " diwrnod gwaith, sef " + limit + ": bydd yn hwyr. Mae cloc y "
                        + "gynhadledd gychwynnol yn dal i redeg ac yn uwchgyfeirio fel unrhyw gloc hwyr nes bod y "
                        + "cynllun amlinellol yn dweud iddi gael ei chynnal.");
    }

    static ComplianceNote reviewConferenceLate(String conference, LocalDate startsOn, LocalDate limit) {
        return new ComplianceNote("conference-late",
                "Conference " + conference + ": the review conference is booked for " + startsOn + ", after the "
                        + "review due date of " + limit + ": it will be late. The review clock runs on and escalates as "
                        + "any late clock until the outline plan says it was held.",
                "Cynhadledd " + conference + ": mae'r gynhadledd adolygu wedi'i threfnu ar gyfer " + startsOn
                        + ", ar ôl y dyddiad adolygu, sef " + limit + ": bydd yn hwyr. Mae'r cloc adolygu yn dal i "
                        + "redeg ac yn uwchgyfeirio fel unrhyw gloc hwyr nes bod y cynllun amlinellol yn dweud iddi "
                        + "gael ei chynnal.");
    }

    static ComplianceNote initialConferenceNotDue(LocalDate concludedOn, String outcome, String nextStep) {
        return new ComplianceNote("initial-conference-not-due",
                "The section 47 enquiry concluded on " + concludedOn + " (" + outcome + "; next step: " + nextStep
                        + "): no initial child protection conference is due, so the hub stopped the case's initial "
                        + "conference clock and nobody will be reminded of it.",
                "Daeth yr ymholiad adran 47 i ben ar " + concludedOn + " (" + outcome + "; y cam nesaf: " + nextStep
                        + "): nid oes cynhadledd amddiffyn plant gychwynnol yn ddyledus, felly ataliodd yr hwb gloc y "
                        + "gynhadledd gychwynnol ar gyfer yr achos ac ni fydd neb yn cael ei atgoffa amdani.");
    }

    static ComplianceNote decisionPartiesAdded(List<String> added) {
        String who = String.join(", ", added);
        return new ComplianceNote("decision-parties-added",
                "The hub also sent it to " + who + ": the parties of the strategy discussion and each child's police "
                        + "force and GP practice hear the outcome of the enquiry.",
                "Anfonodd yr hwb ef hefyd at " + who + ": mae partïon y drafodaeth strategaeth a heddlu a meddygfa "
                        + "deulu pob plentyn yn clywed canlyniad yr ymholiad.");
    }

    static ComplianceNote conferenceNotNeeded(String conference) {
        return new ComplianceNote("conference-not-needed",
                "Conference " + conference + " is cancelled and no conference is needed: the hub stopped the case's "
                        + "initial conference clock, and the conference's outline plan, minutes and written report "
                        + "clocks.",
                "Mae cynhadledd " + conference + " wedi'i chanslo ac nid oes angen cynhadledd: ataliodd yr hwb gloc y "
                        + "gynhadledd gychwynnol ar gyfer yr achos, a chlociau cynllun amlinellol, cofnodion ac "
                        + "adroddiadau ysgrifenedig y gynhadledd.");
    }

    static ComplianceNote conferenceStillNeeded(String conference) {
        return new ComplianceNote("conference-still-needed",
                "Conference " + conference + " is cancelled but still needed: its outline plan, minutes and written "
                        + "report clocks stopped; the clock of the conference itself runs on, and a new "
                        + "conference-invitation must follow.",
                "Mae cynhadledd " + conference + " wedi'i chanslo ond mae ei hangen o hyd: ataliwyd clociau cynllun "
                        + "amlinellol, cofnodion ac adroddiadau ysgrifenedig y gynhadledd; mae cloc y gynhadledd ei "
                        + "hun yn dal i redeg, a rhaid i wahoddiad newydd i'r gynhadledd ddilyn.");
    }
}
