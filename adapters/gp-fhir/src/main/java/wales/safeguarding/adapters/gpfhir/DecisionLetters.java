package wales.safeguarding.adapters.gpfhir;

import static wales.safeguarding.adapters.gpfhir.Texts.*;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import wales.safeguarding.schemas.childprotection.ChildRef;
import wales.safeguarding.schemas.childprotection.ConferenceCancellation;
import wales.safeguarding.schemas.childprotection.Section47Determination;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.LanguagePreference;

/**
 * The letters of the decisions that stop or move a clock: the outcome of a section 47 enquiry and the cancellation
 * of a conference. As in {@link Letters}, the council's own words (the reason) pass through untranslated and what
 * the hub writes is in the practice's language ({@link Texts#inLanguages}).
 */
final class DecisionLetters {

    private DecisionLetters() {
    }

    static String determinationHeading(boolean cy) {
        return cy ? "Canlyniad ymholiad adran 47" : "Outcome of a section 47 enquiry";
    }

    static List<String> determinationLetter(Envelope e, Section47Determination d, LanguagePreference preference) {
        return inLanguages(preference, cy -> determinationLetter(e, d, cy));
    }

    private static List<String> determinationLetter(Envelope e, Section47Determination d, boolean cy) {
        List<String> l = new ArrayList<>();
        l.add(determinationHeading(cy));
        l.add((cy ? "Ymholiad " : "Enquiry ") + d.enquiryId() + (cy ? ", achos " : ", case ") + e.caseReference()
                + (cy ? ", gan " : ", from ") + e.sender());
        l.add(cy ? "Daeth yr ymholiad i ben " + onDayCy(d.concludedOn()) + "."
                : "The enquiry concluded on " + humanDate(d.concludedOn()) + ".");
        for (ChildRef c : d.children()) {
            l.add((cy ? "Plentyn: " : "Child: ") + child(c, cy));
        }
        l.add((cy ? "Canlyniad: " : "Outcome: ") + conclusion(d.outcome(), cy) + ".");
        l.add((cy ? "Y cam nesaf: " : "Next step: ") + nextStep(d.nextStep(), cy) + ".");
        if (d.convenesConference()) {
            l.add(cy ? "Bydd gwahoddiad i'r gynhadledd amddiffyn plant gychwynnol yn dilyn; gofynnir i'r feddygfa am "
                    + "adroddiad ysgrifenedig."
                    : "An invitation to the initial child protection conference will follow; the practice will be asked "
                    + "for a written report.");
        }
        l.add(cy ? "Pam:" : "Why:");
        l.add(d.reason());
        if (d.strategyMeetingId() != null) {
            l.add((cy ? "Y cyfarfod strategaeth a ddechreuodd yr ymholiad: " : "Strategy meeting that started the enquiry: ")
                    + d.strategyMeetingId());
        }
        if (d.invitees() != null && !d.invitees().isEmpty()) {
            l.add((cy ? "Hysbyswyd: " : "Told: ")
                    + d.invitees().stream().map(Texts::invitee).collect(Collectors.joining("; ")));
        }
        return l;
    }

    static String nextStep(String nextStep, boolean cy) {
        return switch (nextStep == null ? "" : nextStep) {
            case "no-further-action" -> cy ? "dim camau pellach" : "no further action";
            case "care-and-support" -> cy ? "gofal a chymorth, heb gynllun amddiffyn plant"
                    : "care and support, without a child protection plan";
            case "convene-conference" -> cy ? "cynnull cynhadledd amddiffyn plant gychwynnol"
                    : "convene an initial child protection conference";
            default -> nextStep;
        };
    }

    /** The cancellation in one sentence: the Appointment's narrative and the letter's first line. */
    static String cancellationHeadline(ConferenceCancellation c, boolean cy) {
        return cy ? "Canslwyd y " + kind(c.kind(), true).replaceFirst("^cynhadledd", "gynhadledd") + " " + c.conferenceId()
                : "The " + kind(c.kind(), false) + " " + c.conferenceId() + " is cancelled";
    }

    static String stillNeeded(ConferenceCancellation c, boolean cy) {
        if (c.stillNeeded()) {
            return cy ? "Mae angen y gynhadledd o hyd: caiff ei threfnu eto, a bydd gwahoddiad newydd yn dilyn."
                    : "The conference is still needed: it will be re-arranged, and a new invitation will follow.";
        }
        return cy ? "Nid oes angen y gynhadledd mwyach, na'r adroddiad ysgrifenedig ar ei chyfer."
                : "The conference is no longer needed, nor the written report for it.";
    }

    static List<String> cancellationLetter(Envelope e, ConferenceCancellation c, LanguagePreference preference) {
        return inLanguages(preference, cy -> {
            List<String> l = new ArrayList<>();
            l.add(cancellationHeadline(c, cy) + ".");
            l.add((cy ? "Cynhadledd " : "Conference ") + c.conferenceId() + (cy ? ", achos " : ", case ")
                    + e.caseReference() + (cy ? ", gan " : ", from ") + e.sender());
            for (ChildRef child : c.children()) {
                l.add((cy ? "Plentyn: " : "Child: ") + child(child, cy));
            }
            l.add(stillNeeded(c, cy));
            l.add(cy ? "Pam y'i canslwyd:" : "Why it is cancelled:");
            l.add(c.reason());
            return l;
        });
    }

    /** The withdrawn written report request in one line: the cancelled Task's description. */
    static String reportWithdrawn(ConferenceCancellation c, boolean cy) {
        return cy ? "Nid oes angen yr adroddiad ysgrifenedig ar gyfer y "
                + kind(c.kind(), true).replaceFirst("^cynhadledd", "gynhadledd") + " " + c.conferenceId() + " mwyach"
                : "The written report for the " + kind(c.kind(), false) + " " + c.conferenceId() + " is no longer needed";
    }
}
