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
        return inLanguages(preference, cy -> cy ? invitationLetterCy(e, inv) : invitationLetterEn(e, inv));
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
        l.add(writtenReportRequest(inv, false));
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
        l.add(writtenReportRequest(inv, true));
        l.add("Gwahoddwyd: " + inv.invitees().stream().map(Texts::invitee).collect(Collectors.joining("; ")));
        return l;
    }

    /**
     * The letter's written report line. Recommendation 1.8: a GP practice provides a written report for every
     * conference, so the practice is asked whatever the council's {@code writtenReport.requested} says; by its due
     * date, or before the conference when the invitation gives none.
     */
    static String writtenReportRequest(ConferenceInvitation inv, boolean cy) {
        OffsetDateTime dueBy = reportDueBy(inv);
        if (cy) {
            return "Adroddiad ysgrifenedig: anfonwch eich adroddiad ysgrifenedig "
                    + (dueBy != null ? Texts.byDeadline(dueBy, true) : "cyn y gynhadledd")
                    + " (cwblhewch y Dasg yn y neges hon gyda'r adroddiad fel DocumentReference).";
        }
        return "Written report: please send your written report "
                + (dueBy != null ? Texts.byDeadline(dueBy, false) : "before the conference")
                + " (complete the Task in this message with the report as a DocumentReference).";
    }

    static String outlinePlanHeading(OutlinePlan p, boolean cy) {
        return cy ? "Cynllun amlinellol y gynhadledd amddiffyn plant " + p.conferenceId() + " a gynhaliwyd "
                + onDayCy(p.heldOn())
                : "Outline plan of the child protection conference " + p.conferenceId() + " held on " + humanDate(p.heldOn());
    }

    static List<String> outlinePlanDocument(Envelope e, OutlinePlan p, LanguagePreference preference) {
        return inLanguages(preference, cy -> outlinePlanDocument(e, p, cy));
    }

    private static List<String> outlinePlanDocument(Envelope e, OutlinePlan p, boolean cy) {
        List<String> l = new ArrayList<>();
        l.add(outlinePlanHeading(p, cy));
        l.add(caseFrom(e, cy));
        l.add(cy ? "Cynllun amlinellol:" : "Outline plan:");
        l.add(p.outlinePlan());
        l.add(cy ? "Penderfyniadau:" : "Decisions:");
        for (int i = 0; i < p.decisions().size(); i++) {
            l.add((i + 1) + ". " + p.decisions().get(i));
        }
        if (cy) {
            l.add(p.registered()
                    ? "Mae'r plentyn ar y gofrestr amddiffyn plant. Categorïau niwed: " + categories(p.categoriesOfHarm(), true) + "."
                    : "Nid yw'r plentyn ar y gofrestr amddiffyn plant.");
        } else {
            l.add(p.registered()
                    ? "The child is on the child protection register under: " + categories(p.categoriesOfHarm()) + "."
                    : "The child is not on the child protection register.");
        }
        boolean noneAttended = p.attended() == null || p.attended().isEmpty();
        l.add((cy ? "Yn bresennol: " : "Attended: ")
                + (noneAttended ? (cy ? "neb wedi'i restru" : "none listed") : String.join(", ", p.attended())));
        if (p.nextConferenceDate() != null) {
            l.add((cy ? "Y gynhadledd nesaf: " : "Next conference: ") + humanDate(p.nextConferenceDate(), cy));
        }
        if (p.coreGroup() != null && !p.coreGroup().isEmpty()) {
            l.add((cy ? "Grŵp craidd: " : "Core group: ")
                    + p.coreGroup().stream().map(Texts::invitee).collect(Collectors.joining("; ")));
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
            return (cy ? "Asesiad iechyd " : "Health assessment ") + who + (cy
                    ? "cam gweithredu i " + a.owner() + " ei gwblhau erbyn diwedd " + humanDate(a.dueBy(), true)
                            + "; anfonwch health-assessment pan fydd wedi'i wneud."
                    : "an action for " + a.owner() + " to complete by the end of " + humanDate(a.dueBy(), false)
                            + "; send a health-assessment when it is done.");
        }
        return (cy ? "Asesiad iechyd " : "Health assessment ") + who
                + (cy ? "wedi'i wneud ar " : "done on ") + humanDate(a.completedOn(), cy) + ".";
    }

    static String minutesDescription(String conferenceId, boolean isFinal, boolean cy) {
        if (cy) {
            return "Cofnodion y gynhadledd amddiffyn plant " + conferenceId
                    + (isFinal ? " (terfynol)" : " (nid terfynol: gall cywiriadau ddilyn)");
        }
        return "Minutes of the child protection conference " + conferenceId
                + (isFinal ? " (final)" : " (not final: corrections may follow)");
    }

    /** The Welsh text of a hub document type (the coding's display stays English, as the code system has it). */
    static String documentTypeCy(String typeCode) {
        return "outline-plan".equals(typeCode) ? "Cynllun amlinellol cynhadledd amddiffyn plant"
                : "Cofnodion cynhadledd amddiffyn plant";
    }

    static String caseFrom(Envelope e, boolean cy) {
        return (cy ? "Achos " : "Case ") + e.caseReference() + (cy ? ", gan " : ", from ") + e.sender();
    }

    /** The register change in one sentence: the Flag's narrative and the notice's first line. */
    static String registerHeadline(RegisterChange r, boolean cy) {
        boolean added = "added".equals(r.change());
        if (cy) {
            return added
                    ? "Mae " + r.child().name() + " ar y gofrestr amddiffyn plant o " + onDayCy(r.effectiveOn())
                            + ". Categorïau niwed: " + categories(r.categoriesOfHarm(), true) + "."
                    : "Tynnwyd " + r.child().name() + " oddi ar y gofrestr amddiffyn plant " + onDayCy(r.effectiveOn())
                            + ".";
        }
        return added
                ? r.child().name() + " is on the child protection register from " + humanDate(r.effectiveOn())
                        + " under: " + categories(r.categoriesOfHarm()) + "."
                : r.child().name() + " was removed from the child protection register on " + humanDate(r.effectiveOn()) + ".";
    }

    static List<String> registerNotice(Envelope e, RegisterChange r, LanguagePreference preference) {
        return inLanguages(preference, cy -> registerNotice(e, r, cy));
    }

    private static List<String> registerNotice(Envelope e, RegisterChange r, boolean cy) {
        List<String> l = new ArrayList<>();
        l.add(registerHeadline(r, cy));
        l.add((cy ? "Plentyn: " : "Child: ") + child(r.child(), cy));
        l.add(caseFrom(e, cy));
        if (r.eligibleNeeds() != null) {
            l.add(cy ? "Anghenion cymwys:" : "Eligible needs:");
            l.add(r.eligibleNeeds());
        }
        if (r.contingencyPlan() != null) {
            l.add(cy ? "Cynllun wrth gefn:" : "Contingency plan:");
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
            l.add((cy ? "Hysbysiad gan yr hwb diogelu: " : "Safeguarding hub notice: ") + typeInWords(e.type(), cy));
            l.add(FhirParts.capitalised((e.caseReference() == null ? "" : (cy ? "Achos " : "Case ") + e.caseReference() + ", ")
                    + (cy ? "gan " : "from ") + e.sender() + (cy ? ", anfonwyd: " : ", sent ")
                    + humanDateTime(e.createdAt(), cy) + "."));
            l.add(cy ? "Mae'r neges lawn ynghlwm (JSON canonaidd, schemas.safeguarding.wales)."
                    : "The full message is attached (canonical JSON, schemas.safeguarding.wales).");
            return l;
        });
    }

    static String typeInWords(MessageType type, boolean cy) {
        return switch (type) {
            case DUTY_TO_REPORT -> cy ? "adroddiad dyletswydd i adrodd" : "duty-to-report";
            case REPORT_ACKNOWLEDGEMENT -> cy ? "cydnabyddiaeth o adroddiad dyletswydd i adrodd"
                    : "acknowledgement of a duty-to-report";
            case REPORT_OUTCOME -> cy ? "canlyniad adroddiad dyletswydd i adrodd" : "outcome of a duty-to-report";
            case DELIVERY_RECEIPT -> cy ? "derbynneb danfon" : "delivery receipt";
            case ACKNOWLEDGEMENT -> cy ? "cydnabyddiaeth" : "acknowledgement";
            case ESCALATION -> cy ? "nodyn atgoffa neu uwchgyfeirio am gam sy'n hwyr"
                    : "reminder or escalation about an overdue step";
            case STRATEGY_MEETING_INVITATION -> cy ? "gwahoddiad i gyfarfod strategaeth" : "invitation to a strategy meeting";
            case CONFERENCE_INVITATION -> cy ? "gwahoddiad i gynhadledd amddiffyn plant"
                    : "invitation to a child protection conference";
            case CONFERENCE_REPORT -> cy ? "adroddiad ysgrifenedig ar gyfer cynhadledd amddiffyn plant"
                    : "written report for a child protection conference";
            case OUTLINE_PLAN -> cy ? "cynllun amlinellol a chrynodeb o'r penderfyniadau"
                    : "outline plan and summary of decisions";
            case CONFERENCE_MINUTES -> cy ? "cofnodion cynhadledd amddiffyn plant" : "minutes of a child protection conference";
            case MINUTES_CORRECTION -> cy ? "cywiriad i gofnodion cynhadledd" : "correction to conference minutes";
            case REGISTER_CHANGE -> cy ? "newid i'r gofrestr amddiffyn plant" : "change to the child protection register";
            case PLAN_UPDATE -> cy ? "diweddariad i'r cynllun amddiffyn plant" : "update to the child protection plan";
            case INFORMATION_SHARE -> cy ? "gwybodaeth a rannwyd gan asiantaeth" : "information shared by an agency";
            case HEALTH_ALERT -> cy ? "rhybudd iechyd" : "health alert";
            case SCHOOL_ALERT -> cy ? "rhybudd gan ysgol" : "alert from a school";
            case SCHOOL_TRANSFER -> cy ? "trosglwyddo ffeil ddiogelu i ysgol newydd"
                    : "safeguarding file passed to a new school";
            case SECTION_47_DETERMINATION -> cy ? "canlyniad ymholiad adran 47" : "outcome of a section 47 enquiry";
            case CONFERENCE_CANCELLATION -> cy ? "canslo cynhadledd amddiffyn plant"
                    : "cancellation of a child protection conference";
            case SAFETY_PLAN -> cy ? "cynllun diogelwch interim hyd at y gynhadledd amddiffyn plant"
                    : "interim safety plan until the child protection conference";
            case HEALTH_ASSESSMENT -> cy ? "asesiad iechyd plentyn wedi'i gwblhau" : "a child's health assessment completed";
            case STRATEGY_CONTRIBUTION -> cy ? "cyfraniad at drafodaeth strategaeth" : "contribution to a strategy discussion";
        };
    }
}
