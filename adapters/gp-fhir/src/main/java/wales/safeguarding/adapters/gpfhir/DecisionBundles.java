package wales.safeguarding.adapters.gpfhir;

import java.util.ArrayList;
import java.util.List;

import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;

import wales.safeguarding.schemas.childprotection.ChildRef;
import wales.safeguarding.schemas.childprotection.ConferenceCancellation;
import wales.safeguarding.schemas.childprotection.Section47Determination;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.LanguagePreference;

/**
 * The FHIR messages of the decisions that stop or move a clock, built like the invitation they follow
 * ({@link GpOutboundMapper}): the children as {@code Patient}s, the practice as an {@code Organization}, and a letter
 * as a {@code Communication} in the practice's language.
 *
 * <ul>
 * <li>{@code section-47-determination}: a {@code Communication}, the outcome of the enquiry and the next step.
 * <li>{@code conference-cancellation}: the conference's {@code Appointment} again (the same conference identifier as
 * the invitation's), status {@code cancelled} with the reason, and a {@code Communication}, the letter. When the
 * conference is no longer needed, also the written report request ({@code Task}, the same identifier as the
 * invitation's) with status {@code cancelled}.
 * </ul>
 */
final class DecisionBundles {

    private DecisionBundles() {
    }

    static Bundle determination(FhirMessage m, Envelope e, Section47Determination d) {
        Organization practice = m.practice(d.children());
        LanguagePreference language = m.language();
        List<Reference> patients = patients(m, d.children(), practice);

        List<String> letter = DecisionLetters.determinationLetter(e, d, language);
        Communication communication = letter(m, e, letter, practice, patients, Texts.inLanguagesOneLine(language,
                DecisionLetters::determinationHeading));
        communication.addIdentifier(new Identifier().setSystem(FhirSystems.SECTION_47_ENQUIRY).setValue(d.enquiryId()));
        m.focus(communication, "determination-letter");
        return m.build();
    }

    static Bundle cancellation(FhirMessage m, Envelope e, ConferenceCancellation c) {
        Organization practice = m.practice(c.children());
        LanguagePreference language = m.language();
        List<Reference> patients = patients(m, c.children(), practice);

        Appointment appointment = new Appointment();
        appointment.setText(Narratives.of(Texts.inLanguages(language, cy -> List.of(
                DecisionLetters.cancellationHeadline(c, cy) + ".", DecisionLetters.stillNeeded(c, cy), c.reason()))));
        appointment.addIdentifier(FhirParts.conferenceId(c.conferenceId()));
        // a cancelled appointment may leave out its start and end (app-3): the cancellation does not repeat them
        appointment.setStatus(Appointment.AppointmentStatus.CANCELLED);
        appointment.setCancelationReason(new CodeableConcept().setText(c.reason()));
        appointment.setAppointmentType(new CodeableConcept().setText(
                Texts.inLanguagesOneLine(language, cy -> FhirParts.capitalised(Texts.kind(c.kind(), cy)))));
        appointment.setDescription(Texts.inLanguagesOneLine(language, cy -> DecisionLetters.stillNeeded(c, cy)));
        appointment.setCreatedElement(FhirParts.dateTime(e.createdAt()));
        for (Reference patient : patients) {
            appointment.addParticipant()
                    .setActor(patient)
                    .setRequired(Appointment.ParticipantRequired.INFORMATIONONLY)
                    .setStatus(Appointment.ParticipationStatus.NEEDSACTION);
        }
        Reference appointmentRef = m.focus(appointment, "appointment");

        List<String> letter = DecisionLetters.cancellationLetter(e, c, language);
        Communication communication = letter(m, e, letter, practice, patients, Texts.inLanguagesOneLine(language,
                cy -> Texts.w(cy, "category.cancellation")));
        communication.addAbout(appointmentRef);
        m.focus(communication, "cancellation-letter");

        if (!c.stillNeeded()) {
            Task task = new Task();
            task.setText(Narratives.of(Texts.inLanguages(language,
                    cy -> List.of(DecisionLetters.reportWithdrawn(c, cy) + "."))));
            // the identifier of the invitation's request, so the practice's system can close it
            task.addIdentifier(new Identifier().setSystem(FhirSystems.REPORT_REQUEST)
                    .setValue(c.conferenceId() + "/" + m.agencyId()));
            task.setGroupIdentifier(new Identifier().setSystem(FhirSystems.MESSAGE_ID).setValue(e.messageId().toString()));
            task.setStatus(Task.TaskStatus.CANCELLED);
            task.setStatusReason(new CodeableConcept().setText(
                    Texts.inLanguagesOneLine(language, cy -> DecisionLetters.stillNeeded(c, cy))));
            task.setIntent(Task.TaskIntent.ORDER);
            task.setCode(new CodeableConcept().addCoding(new Coding(FhirSystems.TASK_CODE,
                    FhirSystems.TASK_WRITTEN_REPORT, "Written report for a child protection conference")));
            task.setDescription(Texts.inLanguagesOneLine(language, cy -> DecisionLetters.reportWithdrawn(c, cy)));
            task.setFocus(appointmentRef.copy().setIdentifier(FhirParts.conferenceId(c.conferenceId())));
            if (patients.size() == 1) {
                task.setFor(patients.get(0));
            }
            task.setAuthoredOnElement(FhirParts.dateTime(e.createdAt()));
            task.setRequester(m.senderRef());
            if (practice != null) {
                task.setOwner(m.practiceRef);
            }
            m.focus(task, "report-request");
        }
        return m.build();
    }

    private static List<Reference> patients(FhirMessage m, List<ChildRef> children, Organization practice) {
        List<Reference> patients = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            patients.add(m.supporting(FhirParts.patient(children.get(i), practice, m.language()), "patient-" + i));
        }
        return patients;
    }

    /** A letter to the practice: completed, about the children (one child: its subject), from the council. */
    private static Communication letter(FhirMessage m, Envelope e, List<String> lines, Organization practice,
            List<Reference> patients, String category) {
        Communication communication = new Communication();
        communication.setText(Narratives.of(lines));
        communication.addIdentifier().setSystem(FhirSystems.MESSAGE_ID).setValue(e.messageId().toString());
        communication.setStatus(Communication.CommunicationStatus.COMPLETED);
        communication.addCategory(new CodeableConcept().setText(category));
        if (patients.size() == 1) {
            communication.setSubject(patients.get(0));
        }
        communication.setSentElement(FhirParts.dateTime(e.createdAt()));
        if (practice != null) {
            communication.addRecipient(m.practiceRef);
        }
        communication.setSender(m.senderRef());
        communication.addPayload().setContent(new StringType(Texts.joinLines(lines)));
        return communication;
    }
}
