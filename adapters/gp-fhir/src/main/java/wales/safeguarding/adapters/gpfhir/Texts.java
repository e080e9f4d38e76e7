package wales.safeguarding.adapters.gpfhir;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import wales.safeguarding.schemas.childprotection.ChildRef;
import wales.safeguarding.schemas.childprotection.ConferenceInvitation;
import wales.safeguarding.schemas.childprotection.Invitee;
import wales.safeguarding.schemas.childprotection.Joining;
import wales.safeguarding.schemas.childprotection.OutlinePlan;
import wales.safeguarding.schemas.childprotection.RegisterChange;
import wales.safeguarding.schemas.dutytoreport.Address;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.LanguagePreference;

/**
 * The plain-text letters and documents a GP practice reads (the invitation letter, the outline plan as a document,
 * the register notice), and the date formats they use. The agency's own text (reason, conclusion, plan) passes
 * through unchanged and untranslated. The frame of the invitation letter is in the practice's language, or in Welsh
 * and English together, Welsh first, where its preference is unknown (the active offer: the Welsh is never the
 * lesser); the frame of the other documents is English.
 */
final class Texts {

    private static final DateTimeFormatter FHIR_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final DateTimeFormatter HUMAN_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter HUMAN_TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final Locale WELSH = Locale.forLanguageTag("cy-GB");
    private static final DateTimeFormatter HUMAN_DATE_CY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", WELSH);
    private static final DateTimeFormatter BIRTH_DATE_CY = DateTimeFormatter.ofPattern("d MMMM yyyy", WELSH);

    private Texts() {
    }

    /** A FHIR dateTime/instant with the sender's offset kept, to the second. */
    static String fhirDateTime(OffsetDateTime t) {
        return FHIR_DATE_TIME.format(t);
    }

    static String humanDate(LocalDate d) {
        return HUMAN_DATE.format(d);
    }

    static String humanDateTime(OffsetDateTime t) {
        return humanDateTime(t, false);
    }

    static String humanDateTime(OffsetDateTime t, boolean cy) {
        return (cy ? HUMAN_DATE_CY : HUMAN_DATE).format(t) + (cy ? " am " : " at ") + HUMAN_TIME.format(t) + " (UTC"
                + t.getOffset().getId().replace("Z", "+00:00") + ")";
    }

    static String nhsNumber(String n) {
        return n != null && n.length() == 10 ? n.substring(0, 3) + " " + n.substring(3, 6) + " " + n.substring(6) : n;
    }

    static String child(ChildRef c) {
        return child(c, false);
    }

    static String child(ChildRef c, boolean cy) {
        StringBuilder s = new StringBuilder(c.name());
        if (c.dateOfBirth() != null) {
            s.append(cy ? ", ganwyd " : ", born ").append((cy ? BIRTH_DATE_CY : BIRTH_DATE).format(c.dateOfBirth()));
        }
        if (c.nhsNumber() != null) {
            s.append(cy ? ", rhif GIG " : ", NHS number ").append(nhsNumber(c.nhsNumber()));
        }
        return s.toString();
    }

    static String invitee(Invitee i) {
        return (i.name() != null ? i.name() + ", " : "") + i.role() + " (" + i.agencyId() + ")";
    }

    static String kind(ConferenceInvitation inv) {
        return "review".equals(inv.kind()) ? "review child protection conference" : "initial child protection conference";
    }

    static String conclusion(String outcome) {
        return conclusion(outcome, false);
    }

    static String conclusion(String outcome, boolean cy) {
        return switch (outcome == null ? "" : outcome) {
            case "not-substantiated" -> cy ? "heb ei gadarnhau" : "not substantiated";
            case "substantiated-no-continuing-risk" -> cy ? "wedi'i gadarnhau, dim risg barhaus"
                    : "substantiated, no continuing risk";
            case "substantiated-convene-conference" -> cy ? "wedi'i gadarnhau, cynullir cynhadledd"
                    : "substantiated, a conference is convened";
            default -> outcome;
        };
    }

    private static String formatCy(String format) {
        return switch (format == null ? "" : format) {
            case "face-to-face" -> "wyneb yn wyneb";
            case "virtual" -> "rhithwir";
            default -> format;
        };
    }

    static String categories(List<String> categories) {
        return categories == null ? "" : categories.stream().map(c -> c.replace('-', ' ')).collect(Collectors.joining(", "));
    }

    static String address(Address a) {
        List<String> parts = new ArrayList<>(a.lines());
        if (a.postcode() != null) {
            parts.add(a.postcode());
        }
        return String.join(", ", parts);
    }

    /** How to join: address, link and phone, one line each. */
    static List<String> joining(Joining j) {
        return joining(j, false);
    }

    static List<String> joining(Joining j, boolean cy) {
        List<String> lines = new ArrayList<>();
        if (j == null) {
            return lines;
        }
        if (j.address() != null) {
            lines.add((cy ? "Cyfeiriad: " : "Address: ") + address(j.address()));
        }
        if (j.link() != null) {
            lines.add((cy ? "Ymuno ar-lein: " : "Join online: ") + j.link());
        }
        if (j.phone() != null) {
            lines.add((cy ? "Ymuno dros y ffôn: " : "Join by phone: ") + j.phone());
        }
        return lines;
    }

    /**
     * The invitation letter in the practice's language: Welsh, English, or both where its preference is unknown
     * (Welsh first, a blank line between them).
     */
    static List<String> invitationLetter(Envelope e, ConferenceInvitation inv, LanguagePreference preference) {
        List<String> l = new ArrayList<>();
        if (preference != LanguagePreference.EN) {
            l.addAll(invitationLetterCy(e, inv));
        }
        if (preference != LanguagePreference.CY) {
            if (!l.isEmpty()) {
                l.add("");
            }
            l.addAll(invitationLetterEn(e, inv));
        }
        return l;
    }

    private static List<String> invitationLetterEn(Envelope e, ConferenceInvitation inv) {
        List<String> l = new ArrayList<>();
        l.add(("review".equals(inv.kind()) ? "Invitation to a " : "Invitation to an ") + kind(inv));
        l.add("Conference " + inv.conferenceId() + ", case " + e.caseReference() + ", from " + e.sender());
        l.add("When: " + humanDateTime(inv.meeting().startsAt()) + ", " + inv.meeting().format());
        if (inv.rescheduledFrom() != null) {
            l.add("This conference was moved; it was to start on " + humanDateTime(inv.rescheduledFrom()) + ".");
        }
        l.addAll(joining(inv.meeting().joining()));
        for (ChildRef c : inv.children()) {
            l.add("Child: " + child(c));
        }
        if (inv.previousConferenceId() != null) {
            l.add("Previous conference: " + inv.previousConferenceId());
        }
        l.add("Why the conference is held:");
        l.add(inv.reason());
        l.add("Conclusion of the section 47 enquiry: " + conclusion(inv.section47Conclusion().outcome()) + ".");
        l.add(inv.section47Conclusion().summary());
        if (reportDue(inv)) {
            l.add("Written report: please send your written report by " + humanDateTime(inv.writtenReport().dueBy())
                    + " (complete the Task in this message with the report as a DocumentReference).");
        } else {
            l.add("Written report: not requested.");
        }
        l.add("Invited: " + inv.invitees().stream().map(Texts::invitee).collect(Collectors.joining("; ")));
        return l;
    }

    private static List<String> invitationLetterCy(Envelope e, ConferenceInvitation inv) {
        List<String> l = new ArrayList<>();
        l.add("review".equals(inv.kind()) ? "Gwahoddiad i gynhadledd adolygu amddiffyn plant"
                : "Gwahoddiad i gynhadledd amddiffyn plant gychwynnol");
        l.add("Cynhadledd " + inv.conferenceId() + ", achos " + e.caseReference() + ", gan " + e.sender());
        l.add("Pryd: " + humanDateTime(inv.meeting().startsAt(), true) + ", " + formatCy(inv.meeting().format()));
        if (inv.rescheduledFrom() != null) {
            l.add("Symudwyd y gynhadledd hon; roedd i fod i ddechrau: " + humanDateTime(inv.rescheduledFrom(), true) + ".");
        }
        l.addAll(joining(inv.meeting().joining(), true));
        for (ChildRef c : inv.children()) {
            l.add("Plentyn: " + child(c, true));
        }
        if (inv.previousConferenceId() != null) {
            l.add("Y gynhadledd flaenorol: " + inv.previousConferenceId());
        }
        l.add("Pam y cynhelir y gynhadledd:");
        l.add(inv.reason());
        l.add("Casgliad yr ymholiad adran 47: " + conclusion(inv.section47Conclusion().outcome(), true) + ".");
        l.add(inv.section47Conclusion().summary());
        if (reportDue(inv)) {
            l.add("Adroddiad ysgrifenedig: anfonwch eich adroddiad ysgrifenedig erbyn "
                    + humanDateTime(inv.writtenReport().dueBy(), true)
                    + " (cwblhewch y Dasg yn y neges hon gyda'r adroddiad fel DocumentReference).");
        } else {
            l.add("Adroddiad ysgrifenedig: ni ofynnwyd amdano.");
        }
        l.add("Gwahoddwyd: " + inv.invitees().stream().map(Texts::invitee).collect(Collectors.joining("; ")));
        return l;
    }

    private static boolean reportDue(ConferenceInvitation inv) {
        return inv.writtenReport() != null && inv.writtenReport().requested() && inv.writtenReport().dueBy() != null;
    }

    static List<String> outlinePlanDocument(Envelope e, OutlinePlan p) {
        List<String> l = new ArrayList<>();
        l.add("Outline plan of the child protection conference " + p.conferenceId() + " held on " + humanDate(p.heldOn()));
        l.add("Case " + e.caseReference() + ", from " + e.sender());
        l.add("Outline plan:");
        l.add(p.outlinePlan());
        l.add("Decisions:");
        for (int i = 0; i < p.decisions().size(); i++) {
            l.add((i + 1) + ". " + p.decisions().get(i));
        }
        l.add(p.registered()
                ? "The child is on the child protection register under: " + categories(p.categoriesOfHarm()) + "."
                : "The child is not on the child protection register.");
        l.add("Attended: " + (p.attended() == null || p.attended().isEmpty() ? "none listed" : String.join(", ", p.attended())));
        if (p.nextConferenceDate() != null) {
            l.add("Next conference: " + humanDate(p.nextConferenceDate()));
        }
        if (p.coreGroup() != null && !p.coreGroup().isEmpty()) {
            l.add("Core group: " + p.coreGroup().stream().map(Texts::invitee).collect(Collectors.joining("; ")));
        }
        return l;
    }

    static List<String> registerNotice(Envelope e, RegisterChange r) {
        List<String> l = new ArrayList<>();
        if ("added".equals(r.change())) {
            l.add(r.child().name() + " is on the child protection register from " + humanDate(r.effectiveOn())
                    + " under: " + categories(r.categoriesOfHarm()) + ".");
        } else {
            l.add(r.child().name() + " was removed from the child protection register on " + humanDate(r.effectiveOn()) + ".");
        }
        l.add("Child: " + child(r.child()));
        l.add("Case " + e.caseReference() + ", from " + e.sender());
        if (r.eligibleNeeds() != null) {
            l.add("Eligible needs:");
            l.add(r.eligibleNeeds());
        }
        if (r.contingencyPlan() != null) {
            l.add("Contingency plan:");
            l.add(r.contingencyPlan());
        }
        return l;
    }

    /** The lines as one text, without a trailing line break (FHIR strings must not end in whitespace). */
    static String joinLines(List<String> lines) {
        return String.join("\n", lines);
    }
}
