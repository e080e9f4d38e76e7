package wales.safeguarding.adapters.gpfhir;

import static wales.safeguarding.adapters.gpfhir.Texts.*;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import wales.safeguarding.schemas.childprotection.ChildRef;
import wales.safeguarding.schemas.childprotection.ConferenceInvitation;
import wales.safeguarding.schemas.childprotection.HealthAssessment;
import wales.safeguarding.schemas.childprotection.OutlinePlan;
import wales.safeguarding.schemas.childprotection.RegisterChange;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.LanguagePreference;
import wales.safeguarding.schemas.envelope.MessageType;

/**
 * The plain-text letters and documents a GP practice reads: the invitation letter, the outline plan as a document,
 * the minutes' description, the register notice, the notice of any other message. The agency's own text (reason,
 * conclusion, plan) passes through unchanged and untranslated; what the hub writes is in the practice's language
 * ({@link Texts#inLanguages}).
 */
final class Letters {

    private Letters() {
    }

    /** The invitation letter in the practice's language (see {@link #inLanguages}). */
    static List<String> invitationLetter(Envelope e, ConferenceInvitation inv, LanguagePreference preference) {
        return inLanguages(preference, cy -> invitationLetter(e, inv, cy));
    }

    private static List<String> invitationLetter(Envelope e, ConferenceInvitation inv, boolean cy) {
        List<String> l = new ArrayList<>();
        l.add(w(cy, "review".equals(inv.kind()) ? "invitation.heading.review" : "invitation.heading.initial"));
        l.add(w(cy, "invitation.conference", "conference", inv.conferenceId(), "case", e.caseReference(), "sender",
                e.sender()));
        l.add(w(cy, "invitation.when", "when", humanDateTime(inv.meeting().startsAt(), cy), "format",
                format(inv.meeting().format(), cy)));
        if (inv.rescheduledFrom() != null) {
            l.add(w(cy, "invitation.moved", "when", humanDateTime(inv.rescheduledFrom(), cy)));
        }
        l.addAll(joining(inv.meeting().joining(), cy));
        for (ChildRef c : inv.children()) {
            l.add(w(cy, "child", "child", child(c, cy)));
        }
        if (inv.previousConferenceId() != null) {
            l.add(w(cy, "invitation.previous", "conference", inv.previousConferenceId()));
        }
        l.add(w(cy, "invitation.why"));
        l.add(inv.reason());
        l.add(w(cy, "invitation.conclusion", "conclusion", conclusion(inv.section47Conclusion().outcome(), cy)));
        l.add(inv.section47Conclusion().summary());
        l.add(writtenReportRequest(inv, cy));
        l.add(w(cy, "invitation.invited", "invitees",
                inv.invitees().stream().map(Texts::invitee).collect(Collectors.joining("; "))));
        return l;
    }

    /**
     * The letter's written report line. Recommendation 1.8: a GP practice provides a written report for every
     * conference, so the practice is asked whatever the council's {@code writtenReport.requested} says; by its due
     * date, or before the conference when the invitation gives none.
     */
    static String writtenReportRequest(ConferenceInvitation inv, boolean cy) {
        OffsetDateTime dueBy = reportDueBy(inv);
        return dueBy != null ? w(cy, "report.request.by", "deadline", Texts.byDeadline(dueBy, cy))
                : w(cy, "report.request.before");
    }

    static String outlinePlanHeading(OutlinePlan p, boolean cy) {
        return w(cy, "plan.heading", "conference", p.conferenceId(), "day",
                cy ? onDayCy(p.heldOn()) : humanDate(p.heldOn()));
    }

    static List<String> outlinePlanDocument(Envelope e, OutlinePlan p, LanguagePreference preference) {
        return inLanguages(preference, cy -> outlinePlanDocument(e, p, cy));
    }

    private static List<String> outlinePlanDocument(Envelope e, OutlinePlan p, boolean cy) {
        List<String> l = new ArrayList<>();
        l.add(outlinePlanHeading(p, cy));
        l.add(caseFrom(e, cy));
        l.add(w(cy, "plan.outline"));
        l.add(p.outlinePlan());
        l.add(w(cy, "plan.decisions"));
        for (int i = 0; i < p.decisions().size(); i++) {
            l.add((i + 1) + ". " + p.decisions().get(i));
        }
        l.add(p.registered() ? w(cy, "plan.registered", "categories", categories(p.categoriesOfHarm(), cy))
                : w(cy, "plan.not-registered"));
        boolean noneAttended = p.attended() == null || p.attended().isEmpty();
        l.add(noneAttended ? w(cy, "plan.attended.none")
                : w(cy, "plan.attended", "agencies", String.join(", ", p.attended())));
        if (p.nextConferenceDate() != null) {
            l.add(w(cy, "plan.next", "day", humanDate(p.nextConferenceDate(), cy)));
        }
        if (p.coreGroup() != null && !p.coreGroup().isEmpty()) {
            l.add(w(cy, "plan.core-group", "members",
                    p.coreGroup().stream().map(Texts::invitee).collect(Collectors.joining("; "))));
        }
        if (p.healthAssessment() != null) {
            l.add(healthAssessment(null, p.healthAssessment(), cy));
        }
        if (p.children() != null) {
            p.children().stream().filter(c -> c.healthAssessment() != null && c.child() != null)
                    .forEach(c -> l.add(healthAssessment(c.child().name(), c.healthAssessment(), cy)));
        }
        return l;
    }

    /** A child's health assessment as the outline plan records it (recommendation 1.7): done, or an action. */
    private static String healthAssessment(String child, HealthAssessment a, boolean cy) {
        String who = child == null ? "" : child + ": ";
        if (a.actionSet()) {
            return w(cy, "health.action", "who", who, "owner", a.owner(), "day", humanDate(a.dueBy(), cy));
        }
        return w(cy, "health.done", "who", who, "day", humanDate(a.completedOn(), cy));
    }

    static String minutesDescription(String conferenceId, boolean isFinal, boolean cy) {
        return w(cy, isFinal ? "minutes.final" : "minutes.draft", "conference", conferenceId);
    }

    /** The Welsh text of a hub document type (the coding's display stays English, as the code system has it). */
    static String documentTypeCy(String typeCode) {
        return w(true, "outline-plan".equals(typeCode) ? "document.outline-plan" : "document.minutes");
    }

    static String caseFrom(Envelope e, boolean cy) {
        return w(cy, "case.from", "case", e.caseReference(), "sender", e.sender());
    }

    /** The register change in one sentence: the Flag's narrative and the notice's first line. */
    static String registerHeadline(RegisterChange r, boolean cy) {
        String day = cy ? onDayCy(r.effectiveOn()) : humanDate(r.effectiveOn());
        return "added".equals(r.change())
                ? w(cy, "register.added", "child", r.child().name(), "day", day, "categories",
                        categories(r.categoriesOfHarm(), cy))
                : w(cy, "register.removed", "child", r.child().name(), "day", day);
    }

    static List<String> registerNotice(Envelope e, RegisterChange r, LanguagePreference preference) {
        return inLanguages(preference, cy -> registerNotice(e, r, cy));
    }

    private static List<String> registerNotice(Envelope e, RegisterChange r, boolean cy) {
        List<String> l = new ArrayList<>();
        l.add(registerHeadline(r, cy));
        l.add(w(cy, "child", "child", child(r.child(), cy)));
        l.add(caseFrom(e, cy));
        if (r.eligibleNeeds() != null) {
            l.add(w(cy, "register.needs"));
            l.add(r.eligibleNeeds());
        }
        if (r.contingencyPlan() != null) {
            l.add(w(cy, "register.contingency"));
            l.add(r.contingencyPlan());
        }
        return l;
    }

    /**
     * What a message of a type without its own mapping is, in words, for the notice that heads its Communication:
     * the type, the case, the sender and when it was sent; nothing from the body.
     */
    static List<String> messageNotice(Envelope e, LanguagePreference preference) {
        return inLanguages(preference, cy -> {
            List<String> l = new ArrayList<>();
            l.add(w(cy, "notice.heading", "type", typeInWords(e.type(), cy)));
            String when = humanDateTime(e.createdAt(), cy);
            l.add(e.caseReference() == null ? w(cy, "notice.sent", "sender", e.sender(), "when", when)
                    : w(cy, "notice.sent.case", "case", e.caseReference(), "sender", e.sender(), "when", when));
            l.add(w(cy, "notice.attached"));
            return l;
        });
    }

    /** A message type in words; {@code texts/gp-letters} has {@code type.<type>} for every type (GpFhirTextsTest). */
    static String typeInWords(MessageType type, boolean cy) {
        return w(cy, "type." + type.wireName());
    }
}
