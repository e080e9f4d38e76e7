package wales.safeguarding.hub.childprotection;

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
}
