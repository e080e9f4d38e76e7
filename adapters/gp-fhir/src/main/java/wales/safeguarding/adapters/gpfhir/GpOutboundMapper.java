package wales.safeguarding.adapters.gpfhir;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;

import wales.safeguarding.schemas.childprotection.ChildRef;
import wales.safeguarding.schemas.childprotection.ConferenceCancellation;
import wales.safeguarding.schemas.childprotection.ConferenceInvitation;
import wales.safeguarding.schemas.childprotection.ConferenceMinutes;
import wales.safeguarding.schemas.childprotection.DocumentContent;
import wales.safeguarding.schemas.childprotection.Invitee;
import wales.safeguarding.schemas.childprotection.OutlinePlan;
import wales.safeguarding.schemas.childprotection.RegisterChange;
import wales.safeguarding.schemas.childprotection.Section47Determination;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.LanguagePreference;
import wales.safeguarding.schemas.spi.AgencyEndpoint;
import wales.safeguarding.schemas.spi.UnsendableMessageException;

/**
 * Maps one canonical message (the copy for one GP practice) to a FHIR R4 message: a {@code Bundle} of type
 * {@code message} whose first entry is a {@code MessageHeader} (event = the hub message type, source = the hub,
 * destination = the practice, focus = the content), then the content, then the resources it refers to.
 *
 * <p>The mapping is deterministic: the MessageHeader id is the canonical {@code messageId} and every other
 * resource id is derived from the messageId, the recipient and the resource's role, so a resend (at-least-once
 * delivery, an operator's replay) is the same message and the GP system can de-duplicate it on
 * {@code MessageHeader.id}. Only {@code Bundle.timestamp} (when the Bundle was assembled) changes.
 *
 * <p>It does not validate: {@link GpFhirAdapter} validates every Bundle before it is sent.
 */
public final class GpOutboundMapper {

    /** The hub's own FHIR identity in {@code MessageHeader.source.endpoint}. */
    public static final String HUB_ENDPOINT = "https://hub.safeguarding.wales/fhir";
    /**
     * A booked Appointment needs an end (app-3), and the canonical invitation has none: conferences are booked for
     * this long. The letter gives only the start.
     */
    public static final Duration CONFERENCE_LENGTH = Duration.ofHours(2);
    /**
     * Optional per-agency setting ({@code hub.agencies.<agency id>.ods-code}): the practice's ODS code, needed only
     * when the children of one message are registered at different practices.
     */
    public static final String ODS_CODE_SETTING = "ods-code";

    /** v3 ParticipationType |Participation|: an invitee takes part; its role is in the text. */
    private static final Coding PARTICIPATION = new Coding(
            "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "PART", "Participation");

    private final Clock clock;
    private final String hubEndpoint;

    public GpOutboundMapper(Clock clock) {
        this(clock, HUB_ENDPOINT);
    }

    public GpOutboundMapper(Clock clock, String hubEndpoint) {
        this.clock = Objects.requireNonNull(clock);
        this.hubEndpoint = Objects.requireNonNull(hubEndpoint);
    }

    /**
     * The FHIR message for {@code endpoint}'s practice.
     *
     * @throws UnsendableMessageException when the practice cannot be identified for a request that needs it
     */
    public Bundle toBundle(Envelope envelope, AgencyEndpoint endpoint) {
        return switch (envelope.type()) {
            case CONFERENCE_INVITATION -> invitation(envelope, endpoint,
                    CanonicalJson.bodyAs(envelope, ConferenceInvitation.class));
            case OUTLINE_PLAN -> outlinePlan(envelope, endpoint, CanonicalJson.bodyAs(envelope, OutlinePlan.class));
            case CONFERENCE_MINUTES -> minutes(envelope, endpoint,
                    CanonicalJson.bodyAs(envelope, ConferenceMinutes.class));
            case REGISTER_CHANGE -> registerChange(envelope, endpoint,
                    CanonicalJson.bodyAs(envelope, RegisterChange.class));
            case SECTION_47_DETERMINATION -> {
                Section47Determination d = CanonicalJson.bodyAs(envelope, Section47Determination.class);
                yield DecisionBundles.determination(message(envelope, endpoint, d.children()), envelope, d);
            }
            case CONFERENCE_CANCELLATION -> {
                ConferenceCancellation c = CanonicalJson.bodyAs(envelope, ConferenceCancellation.class);
                yield DecisionBundles.cancellation(message(envelope, endpoint, c.children()), envelope, c);
            }
            // Every other message a practice may be sent (an answer to its own report, a strategy meeting, a plan
            // update, an alert, a reminder from the hub) travels as a Communication carrying the canonical body.
            default -> communication(envelope, endpoint);
        };
    }

    /** A FHIR message for the practice, identified as for an invitation about these children. */
    private FhirMessage message(Envelope e, AgencyEndpoint endpoint, List<ChildRef> children) {
        return new FhirMessage(clock, hubEndpoint, e, endpoint, FhirParts.practiceOds(endpoint, children));
    }

    private Bundle communication(Envelope e, AgencyEndpoint endpoint) {
        FhirMessage m = new FhirMessage(clock, hubEndpoint, e, endpoint, practiceOdsCode(endpoint));
        m.practice(List.of());
        LanguagePreference language = endpoint.language();
        String type = e.type().wireName();
        List<String> notice = Letters.messageNotice(e, language);
        Communication communication = new Communication();
        communication.setText(Narratives.of(notice));
        communication.addIdentifier().setSystem(FhirSystems.MESSAGE_ID).setValue(e.messageId().toString());
        communication.setStatus(Communication.CommunicationStatus.COMPLETED);
        communication.setSent(Date.from(e.createdAt().toInstant()));
        communication.setLanguage(e.language().code());
        // what arrived, readable by a GP system that does not open the attachment; the body only in the attachment
        communication.addPayload().setContent(new StringType(Texts.joinLines(notice)));
        communication.addPayload().setContent(FhirParts.attachment("application/json", e.language().code(),
                CanonicalJson.write(e.body()), Texts.inLanguagesOneLine(language,
                        cy -> Texts.w(cy, "attachment.canonical", "type", type)),
                e.createdAt()));
        m.focus(communication, "communication");
        return m.build();
    }

    private Bundle invitation(Envelope e, AgencyEndpoint endpoint, ConferenceInvitation inv) {
        FhirMessage m = new FhirMessage(clock, hubEndpoint, e, endpoint, FhirParts.practiceOds(endpoint, inv.children()));
        Organization practice = m.practice(inv.children());
        // Recommendation 1.8: a practice provides a written report for every conference, whatever the council's
        // writtenReport says; the Task it completes needs the practice as its owner (GpRequirements checks it first).
        if (practice == null) {
            throw new UnsendableMessageException(FhirParts.noPractice(endpoint, inv.children()));
        }
        List<Reference> patients = new ArrayList<>();
        for (int i = 0; i < inv.children().size(); i++) {
            patients.add(m.supporting(FhirParts.patient(inv.children().get(i), practice, endpoint.language()), "patient-" + i));
        }

        Appointment appointment = new Appointment();
        LanguagePreference language = endpoint.language();
        appointment.setText(Narratives.of(Texts.inLanguages(language, cy -> List.of(
                Texts.w(cy, "appointment.conference", "conference", inv.conferenceId(), "kind", Texts.kind(inv, cy)),
                Texts.w(cy, "appointment.starts", "when", Texts.humanDateTime(inv.meeting().startsAt(), cy), "format",
                        Texts.format(inv.meeting().format(), cy)),
                inv.reason()))));
        appointment.addIdentifier(FhirParts.conferenceId(inv.conferenceId()));
        appointment.setStatus(Appointment.AppointmentStatus.BOOKED);
        appointment.setAppointmentType(new CodeableConcept().setText(
                Texts.inLanguagesOneLine(language, cy -> FhirParts.capitalised(Texts.kind(inv, cy)))));
        appointment.setDescription(inv.reason());
        appointment.setStartElement(new InstantType(Texts.fhirDateTime(inv.meeting().startsAt())));
        appointment.setEndElement(new InstantType(Texts.fhirDateTime(inv.meeting().startsAt().plus(CONFERENCE_LENGTH))));
        appointment.setCreatedElement(FhirParts.dateTime(e.createdAt()));
        appointment.setComment(Texts.joinLines(Texts.inLanguages(language, cy -> {
            List<String> joining = Texts.joining(inv.meeting().joining(), cy);
            joining.add(0, Texts.w(cy, "appointment.format", "format", Texts.format(inv.meeting().format(), cy)));
            return joining;
        })));
        for (Reference patient : patients) {
            appointment.addParticipant()
                    .setActor(patient)
                    .setRequired(Appointment.ParticipantRequired.INFORMATIONONLY)
                    .setStatus(Appointment.ParticipationStatus.NEEDSACTION);
        }
        for (Invitee invitee : inv.invitees()) {
            appointment.addParticipant()
                    .addType(new CodeableConcept().addCoding(PARTICIPATION.copy()).setText(invitee.role()))
                    .setActor(new Reference().setDisplay(Texts.invitee(invitee)))
                    .setRequired(Appointment.ParticipantRequired.REQUIRED)
                    .setStatus(Appointment.ParticipationStatus.NEEDSACTION);
        }
        Reference appointmentRef = m.focus(appointment, "appointment");

        List<String> letter = Letters.invitationLetter(e, inv, language);
        Communication communication = new Communication();
        communication.setText(Narratives.of(letter));
        communication.setStatus(Communication.CommunicationStatus.COMPLETED);
        communication.addCategory(new CodeableConcept().setText(Texts.inLanguagesOneLine(language,
                cy -> Texts.w(cy, "category.invitation"))));
        if (patients.size() == 1) {
            communication.setSubject(patients.get(0));
        }
        communication.addAbout(appointmentRef);
        communication.setSentElement(FhirParts.dateTime(e.createdAt()));
        if (practice != null) {
            communication.addRecipient(m.practiceRef);
        }
        communication.setSender(m.senderRef());
        communication.addPayload().setContent(new StringType(Texts.joinLines(letter)));
        m.focus(communication, "invitation-letter");

        Task task = new Task();
        task.setText(Narratives.of(Texts.inLanguages(language, cy -> List.of(
                Texts.reportTaskDescription(inv, cy),
                Texts.w(cy, "report.task.complete")))));
        task.addIdentifier(new Identifier().setSystem(FhirSystems.REPORT_REQUEST)
                .setValue(inv.conferenceId() + "/" + endpoint.agencyId()));
        task.setGroupIdentifier(new Identifier().setSystem(FhirSystems.MESSAGE_ID)
                .setValue(e.messageId().toString()));
        task.setStatus(Task.TaskStatus.REQUESTED);
        task.setIntent(Task.TaskIntent.ORDER);
        task.setCode(new CodeableConcept().addCoding(new Coding(FhirSystems.TASK_CODE,
                FhirSystems.TASK_WRITTEN_REPORT, "Written report for a child protection conference")));
        task.setDescription(Texts.inLanguagesOneLine(language, cy -> Texts.reportTaskDescription(inv, cy)));
        task.setFocus(appointmentRef.copy().setIdentifier(FhirParts.conferenceId(inv.conferenceId())));
        if (patients.size() == 1) {
            task.setFor(patients.get(0));
        }
        task.setAuthoredOnElement(FhirParts.dateTime(e.createdAt()));
        task.setRequester(m.senderRef());
        task.setOwner(m.practiceRef);
        OffsetDateTime dueBy = Texts.reportDueBy(inv);
        if (dueBy != null) {
            task.getExecutionPeriod().setEndElement(FhirParts.dateTime(dueBy));
            task.getRestriction().getPeriod().setEndElement(FhirParts.dateTime(dueBy));
        }
        m.focus(task, "report-request");
        return m.build();
    }

    private Bundle outlinePlan(Envelope e, AgencyEndpoint endpoint, OutlinePlan plan) {
        FhirMessage m = new FhirMessage(clock, hubEndpoint, e, endpoint, practiceOdsCode(endpoint));
        m.practice(List.of());
        LanguagePreference language = endpoint.language();
        List<String> lines = Letters.outlinePlanDocument(e, plan, language);
        DocumentReference doc = document(e, m, "outline-plan", "Outline plan of a child protection conference",
                Texts.inLanguagesOneLine(language, cy -> Letters.outlinePlanHeading(plan, cy)),
                Narratives.of(e.language().code(), lines), true, plan.conferenceId());
        doc.setLanguage(e.language().code());
        byte[] text = (Texts.joinLines(lines) + "\n").getBytes(StandardCharsets.UTF_8);
        doc.addContent().setAttachment(FhirParts.attachment("text/plain", e.language().code(), text,
                Texts.inLanguagesOneLine(language,
                        cy -> Texts.w(cy, "attachment.outline-plan", "conference", plan.conferenceId())),
                e.createdAt()));
        m.focus(doc, "outline-plan");
        return m.build();
    }

    private Bundle minutes(Envelope e, AgencyEndpoint endpoint, ConferenceMinutes minutes) {
        FhirMessage m = new FhirMessage(clock, hubEndpoint, e, endpoint, practiceOdsCode(endpoint));
        m.practice(List.of());
        DocumentContent content = minutes.minutes();
        Function<Boolean, String> description = cy -> Letters.minutesDescription(minutes.conferenceId(),
                minutes.isFinal(), cy);
        // the council's title, then the hub's description in the practice's language
        List<String> narrative = new ArrayList<>(List.of(content.title()));
        narrative.addAll(Texts.inLanguages(endpoint.language(), cy -> List.of(description.apply(cy))));
        DocumentReference doc = document(e, m, "conference-minutes", "Minutes of a child protection conference",
                Texts.inLanguagesOneLine(endpoint.language(), description), Narratives.of(content.language().code(), narrative), minutes.isFinal(), minutes.conferenceId());
        doc.setLanguage(content.language().code());
        byte[] data;
        if (content.contentBase64() != null) {
            data = GpRequirements.base64OrNull(content.contentBase64());
            if (data == null) {
                throw new UnsendableMessageException("/body/minutes/contentBase64 is not base64");
            }
        } else {
            data = content.text().getBytes(StandardCharsets.UTF_8);
        }
        doc.addContent().setAttachment(FhirParts.attachment(content.mediaType(), content.language().code(), data,
                content.title(), e.createdAt()));
        m.focus(doc, "conference-minutes");
        return m.build();
    }

    /**
     * One child's entry on the register: the case and the child (the council's reference for the child, else the NHS
     * number a register change for a practice always carries), so that two siblings at one practice have two Flags
     * and the removal of one ends only that child's.
     */
    static String registration(Envelope e, RegisterChange change) {
        String child = change.child().childReference() != null ? change.child().childReference()
                : change.child().nhsNumber();
        return e.caseReference() + "/" + child;
    }

    private Bundle registerChange(Envelope e, AgencyEndpoint endpoint, RegisterChange change) {
        FhirMessage m = new FhirMessage(clock, hubEndpoint, e, endpoint, FhirParts.practiceOds(endpoint, List.of(change.child())));
        Organization practice = m.practice(List.of(change.child()));
        Reference patient = m.supporting(FhirParts.patient(change.child(), practice, endpoint.language()), "patient-0");
        boolean added = "added".equals(change.change());
        LanguagePreference language = endpoint.language();

        Flag flag = new Flag();
        flag.setText(Narratives.of(Texts.inLanguages(language, cy -> List.of(Letters.registerHeadline(change, cy)))));
        flag.addIdentifier(new Identifier().setSystem(FhirSystems.REGISTRATION).setValue(registration(e, change)));
        flag.setStatus(added ? Flag.FlagStatus.ACTIVE : Flag.FlagStatus.INACTIVE);
        flag.addCategory(new CodeableConcept().addCoding(
                new Coding("http://terminology.hl7.org/CodeSystem/flag-category", "safety", "Safety")));
        // the SNOMED CT display stays as the code system has it; the text is what the practice reads
        flag.setCode(new CodeableConcept()
                .addCoding(new Coding(FhirSystems.SNOMED_CT, FhirSystems.CHILD_PROTECTION_PLAN,
                        FhirSystems.CHILD_PROTECTION_PLAN_DISPLAY))
                .setText(Texts.inLanguagesOneLine(language,
                        cy -> Texts.w(cy, "flag.child-protection-plan"))));
        flag.setSubject(patient);
        if (added) {
            flag.getPeriod().setStartElement(new DateTimeType(change.effectiveOn().toString()));
        } else {
            flag.getPeriod().setEndElement(new DateTimeType(change.effectiveOn().toString()));
        }
        flag.setAuthor(m.senderRef());
        Reference flagRef = m.focus(flag, "register-flag");

        List<String> notice = Letters.registerNotice(e, change, language);
        Communication communication = new Communication();
        communication.setText(Narratives.of(notice));
        communication.setStatus(Communication.CommunicationStatus.COMPLETED);
        communication.addCategory(new CodeableConcept().setText(Texts.inLanguagesOneLine(language,
                cy -> Texts.w(cy, "category.register-change"))));
        communication.setSubject(patient);
        communication.addAbout(flagRef);
        communication.setSentElement(FhirParts.dateTime(e.createdAt()));
        if (practice != null) {
            communication.addRecipient(m.practiceRef);
        }
        communication.setSender(m.senderRef());
        communication.addPayload().setContent(new StringType(Texts.joinLines(notice)));
        m.focus(communication, "register-notice");
        return m.build();
    }

    private static DocumentReference document(Envelope e, FhirMessage m, String typeCode, String typeDisplay,
            String description, org.hl7.fhir.r4.model.Narrative narrative, boolean isFinal, String conferenceId) {
        LanguagePreference language = m.language();
        DocumentReference doc = new DocumentReference();
        doc.setText(narrative);
        doc.setMasterIdentifier(new Identifier().setSystem(FhirSystems.MESSAGE_ID).setValue(e.messageId().toString()));
        doc.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
        doc.setDocStatus(isFinal ? DocumentReference.ReferredDocumentStatus.FINAL
                : DocumentReference.ReferredDocumentStatus.PRELIMINARY);
        doc.setType(new CodeableConcept().addCoding(new Coding(FhirSystems.DOCUMENT_TYPE, typeCode, typeDisplay))
                .setText(Texts.inLanguagesOneLine(language, cy -> cy ? Letters.documentTypeCy(typeCode) : typeDisplay)));
        doc.setDateElement(new InstantType(Texts.fhirDateTime(e.createdAt())));
        doc.addAuthor(m.senderRef());
        doc.setDescription(description);
        doc.getContext().addRelated(new Reference().setType("Appointment").setIdentifier(FhirParts.conferenceId(conferenceId))
                .setDisplay(Texts.inLanguagesOneLine(language,
                        cy -> Texts.w(cy, "related.conference", "conference", conferenceId))));
        doc.getContext().addRelated(new Reference().setIdentifier(new Identifier()
                .setSystem(FhirSystems.CASE_REFERENCE).setValue(e.caseReference()))
                .setDisplay(Texts.inLanguagesOneLine(language, cy -> Texts.w(cy, "related.case", "case",
                        e.caseReference()))));
        return doc;
    }

    /** The practice's ODS code: the directory's, else the one configured ({@code hub.agencies.<id>.ods-code}). */
    static String practiceOdsCode(AgencyEndpoint endpoint) {
        return endpoint.ods().or(() -> endpoint.secret(ODS_CODE_SETTING)).orElse(null);
    }
}
