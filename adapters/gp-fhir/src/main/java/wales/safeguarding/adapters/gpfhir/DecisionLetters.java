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
        return w(cy, "determination.heading");
    }

    static List<String> determinationLetter(Envelope e, Section47Determination d, LanguagePreference preference) {
        return inLanguages(preference, cy -> determinationLetter(e, d, cy));
    }

    private static List<String> determinationLetter(Envelope e, Section47Determination d, boolean cy) {
        List<String> l = new ArrayList<>();
        l.add(determinationHeading(cy));
        l.add(w(cy, "determination.enquiry", "enquiry", d.enquiryId(), "case", e.caseReference(), "sender",
                e.sender()));
        l.add(w(cy, "determination.concluded", "day", cy ? onDayCy(d.concludedOn()) : humanDate(d.concludedOn())));
        for (ChildRef c : d.children()) {
            l.add(w(cy, "child", "child", child(c, cy)));
        }
        l.add(w(cy, "determination.outcome", "outcome", conclusion(d.outcome(), cy)));
        l.add(w(cy, "determination.next", "next", nextStep(d.nextStep(), cy)));
        if (d.convenesConference()) {
            l.add(w(cy, "determination.conference-follows"));
        }
        l.add(w(cy, "why"));
        l.add(d.reason());
        if (d.strategyMeetingId() != null) {
            l.add(w(cy, "determination.strategy", "meeting", d.strategyMeetingId()));
        }
        if (d.invitees() != null && !d.invitees().isEmpty()) {
            l.add(w(cy, "determination.told", "invitees",
                    d.invitees().stream().map(Texts::invitee).collect(Collectors.joining("; "))));
        }
        return l;
    }

    static String nextStep(String nextStep, boolean cy) {
        return wordOr(cy, "next." + nextStep, nextStep);
    }

    /** The cancellation in one sentence: the Appointment's narrative and the letter's first line. */
    static String cancellationHeadline(ConferenceCancellation c, boolean cy) {
        return w(cy, "cancellation.headline", "kind", kindSoft(c.kind(), cy), "conference", c.conferenceId());
    }

    static String stillNeeded(ConferenceCancellation c, boolean cy) {
        return w(cy, c.stillNeeded() ? "cancellation.still-needed" : "cancellation.not-needed");
    }

    static List<String> cancellationLetter(Envelope e, ConferenceCancellation c, LanguagePreference preference) {
        return inLanguages(preference, cy -> {
            List<String> l = new ArrayList<>();
            l.add(cancellationHeadline(c, cy) + ".");
            l.add(w(cy, "cancellation.conference", "conference", c.conferenceId(), "case", e.caseReference(), "sender",
                    e.sender()));
            for (ChildRef child : c.children()) {
                l.add(w(cy, "child", "child", child(child, cy)));
            }
            l.add(stillNeeded(c, cy));
            l.add(w(cy, "cancellation.why"));
            l.add(c.reason());
            return l;
        });
    }

    /** The withdrawn written report request in one line: the cancelled Task's description. */
    static String reportWithdrawn(ConferenceCancellation c, boolean cy) {
        return w(cy, "cancellation.report-withdrawn", "kind", kindSoft(c.kind(), cy), "conference", c.conferenceId());
    }
}
