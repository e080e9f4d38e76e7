package wales.safeguarding.adapters.gpfhir;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;

import wales.safeguarding.schemas.childprotection.ConferenceReport;
import wales.safeguarding.schemas.childprotection.DocumentContent;
import wales.safeguarding.schemas.childprotection.ReportAuthor;
import wales.safeguarding.schemas.envelope.Language;

/**
 * What a GP system sends the hub, read into the canonical contract (for the hub's FHIR endpoint to wire in):
 *
 * <ul>
 *   <li>the written report: a {@code Task} with status {@code completed} (the hub's report request, updated) whose
 *       {@code output} is a {@code DocumentReference}, sent alone (the DocumentReference contained in the Task) or in
 *       a Bundle with it; it becomes a {@code conference-report} body ({@link #toConferenceReport});</li>
 *   <li>a response message to one of the hub's messages ({@code MessageHeader.response}), read into a
 *       {@link GpAcknowledgement} ({@link #toAcknowledgement}).</li>
 * </ul>
 *
 * <p>Anything it cannot take is an {@link InboundRejectedException} carrying the OperationOutcome (see
 * {@link OperationOutcomes}) and the HTTP status to answer with. The sending agency is never read from the payload:
 * the hub passes the agency the caller authenticated as.
 */
public final class GpInboundMapper {

    private static final int MAX_TEXT_CHARS = 20_000;
    private static final int MAX_BASE64_CHARS = 1_500_000;
    private static final int MAX_SHORT_CHARS = 200;

    /**
     * The written report in a completed Task.
     *
     * @param fhir           a Task, or a Bundle holding one Task and the resources it refers to (JSON or XML)
     * @param senderAgencyId the directory agency the caller authenticated as: the report's {@code author.agencyId}
     * @throws InboundRejectedException when it is not a completed Task with a report the hub can read
     */
    public GpConferenceReport toConferenceReport(String fhir, String senderAgencyId) {
        return toConferenceReport(parseOnly(fhir), senderAgencyId);
    }

    /** The same, for a resource the caller has parsed already: validated here, before it is read. */
    public GpConferenceReport toConferenceReport(IBaseResource resource, String senderAgencyId) {
        GpFhirValidator.requireValidInbound(resource);
        Bundle bundle = resource instanceof Bundle b ? b : null;
        Task task = findTask(resource);
        if (task.getStatus() != Task.TaskStatus.COMPLETED) {
            throw rejected(OperationOutcomes.notSupported("Task.status",
                    "only a completed Task returns a written report"));
        }
        String conferenceId = conferenceId(task, bundle);
        DocumentReference document = reportDocument(task, bundle);
        ReportAuthor author = author(document, task, bundle, senderAgencyId);
        DocumentContent report = content(document, conferenceId);
        String summary = task.getOutput().stream()
                .filter(o -> o.getType().getCoding().stream().anyMatch(c -> FhirSystems.TASK_OUTPUT.equals(c.getSystem())
                        && FhirSystems.OUTPUT_HEALTH_RELEVANT_SUMMARY.equals(c.getCode())))
                .map(o -> o.getValue() instanceof StringType s ? s.getValue() : null)
                .filter(s -> s != null && !s.isBlank()).findFirst().orElse(null);
        if (summary != null && summary.length() > MAX_TEXT_CHARS) {
            throw rejected(OperationOutcomes.invalid("Task.output", "maxLength",
                    "the health-relevant summary is longer than " + MAX_TEXT_CHARS + " characters"));
        }
        return new GpConferenceReport(invitationMessageId(task),
                new ConferenceReport(conferenceId, author, report, summary));
    }

    /**
     * A GP system's response message.
     *
     * @param fhir a Bundle of type message whose first entry is a MessageHeader with {@code response}
     * @throws InboundRejectedException when it is not one
     */
    public GpAcknowledgement toAcknowledgement(String fhir) {
        return toAcknowledgement(parseOnly(fhir));
    }

    /** The same, for a resource the caller has parsed already: validated here, before it is read. */
    public GpAcknowledgement toAcknowledgement(IBaseResource resource) {
        GpFhirValidator.requireValidInbound(resource);
        if (!(resource instanceof Bundle bundle) || bundle.getType() != Bundle.BundleType.MESSAGE) {
            throw rejected(OperationOutcomes.notSupported("Bundle.type", "a response must be a Bundle of type message"));
        }
        if (bundle.getEntry().isEmpty() || !(bundle.getEntry().get(0).getResource() instanceof MessageHeader header)) {
            throw rejected(OperationOutcomes.required("Bundle.entry[0]", "the first entry must be a MessageHeader"));
        }
        if (!header.hasResponse() || !header.getResponse().hasIdentifier()) {
            throw rejected(OperationOutcomes.required("Bundle.entry[0].resource.response",
                    "a response message names the message it answers in response.identifier"));
        }
        if (!header.getResponse().hasCode()) {
            throw rejected(OperationOutcomes.required("Bundle.entry[0].resource.response.code",
                    "a response message has a code: ok, transient-error or fatal-error"));
        }
        String diagnostics = null;
        Reference details = header.getResponse().getDetails();
        Optional<Resource> outcome = resolve(details, bundle, header);
        if (outcome.isPresent() && outcome.get() instanceof OperationOutcome oo) {
            diagnostics = GpResponseReader.diagnostics(oo);
        }
        return new GpAcknowledgement(header.getResponse().getIdentifier(), header.getResponse().getCode().toCode(),
                diagnostics == null || diagnostics.isBlank() ? null : diagnostics);
    }

    private static IBaseResource parseOnly(String fhir) {
        try {
            return GpFhirContext.parse(fhir);
        } catch (RuntimeException e) {
            // HAPI's parser messages can quote content; say only that it is not readable
            throw new InboundRejectedException(400, OperationOutcomes.notFhir("the body is not a FHIR R4 resource in JSON or XML"));
        }
    }

    private static Task findTask(IBaseResource resource) {
        if (resource instanceof Task task) {
            return task;
        }
        if (resource instanceof Bundle bundle) {
            List<Task> tasks = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                    .filter(Task.class::isInstance).map(Task.class::cast).toList();
            if (tasks.size() == 1) {
                return tasks.get(0);
            }
            throw rejected(OperationOutcomes.invalid("Bundle.entry", "one-task",
                    "the Bundle must hold exactly one Task (it holds " + tasks.size() + ")"));
        }
        throw rejected(OperationOutcomes.notSupported(resource.fhirType(),
                "a written report comes as a Task, or a Bundle holding the Task"));
    }

    /** From Task.focus (its identifier, or the Appointment it points at), else from Task.identifier. */
    private static String conferenceId(Task task, Bundle bundle) {
        Reference focus = task.getFocus();
        if (isConference(focus.getIdentifier())) {
            return checkedConferenceId(focus.getIdentifier().getValue());
        }
        Optional<Resource> target = resolve(focus, bundle, task);
        if (target.isPresent() && target.get() instanceof org.hl7.fhir.r4.model.Appointment appointment) {
            for (Identifier id : appointment.getIdentifier()) {
                if (isConference(id)) {
                    return checkedConferenceId(id.getValue());
                }
            }
        }
        for (Identifier id : task.getIdentifier()) {
            if (isConference(id)) {
                return checkedConferenceId(id.getValue());
            }
            if (FhirSystems.REPORT_REQUEST.equals(id.getSystem()) && id.getValue() != null && id.getValue().contains("/")) {
                return checkedConferenceId(id.getValue().substring(0, id.getValue().lastIndexOf('/')));
            }
        }
        throw rejected(OperationOutcomes.required("Task.focus",
                "the Task must name the conference: focus.identifier with system " + FhirSystems.CONFERENCE_ID));
    }

    private static String checkedConferenceId(String id) {
        if (id.isBlank() || id.length() > 64) {
            throw rejected(OperationOutcomes.invalid("Task.focus.identifier", "conference-id",
                    "the conference id must be 1 to 64 characters"));
        }
        return id;
    }

    private static boolean isConference(Identifier id) {
        return id != null && FhirSystems.CONFERENCE_ID.equals(id.getSystem()) && id.getValue() != null;
    }

    private static UUID invitationMessageId(Task task) {
        Identifier group = task.getGroupIdentifier();
        if (group != null && FhirSystems.MESSAGE_ID.equals(group.getSystem()) && group.getValue() != null) {
            try {
                return UUID.fromString(group.getValue());
            } catch (IllegalArgumentException notUuid) {
                throw rejected(OperationOutcomes.invalid("Task.groupIdentifier", "uuid",
                        "the groupIdentifier with system " + FhirSystems.MESSAGE_ID + " must be the invitation's UUID"));
            }
        }
        return null;
    }

    private static DocumentReference reportDocument(Task task, Bundle bundle) {
        List<Task.TaskOutputComponent> outputs = task.getOutput();
        int unresolved = -1;
        for (int i = 0; i < outputs.size(); i++) {
            if (outputs.get(i).getValue() instanceof Reference ref) {
                Optional<Resource> target = resolve(ref, bundle, task);
                if (target.isPresent() && target.get() instanceof DocumentReference document) {
                    return document;
                }
                if (target.isEmpty() && unresolved < 0) {
                    unresolved = i;
                }
            }
        }
        if (unresolved >= 0) {
            throw rejected(OperationOutcomes.invalid("Task.output[" + unresolved + "].valueReference", "resolvable",
                    "the DocumentReference must be contained in the Task or be in the same Bundle"));
        }
        throw rejected(OperationOutcomes.required("Task.output",
                "a completed Task returns the report as an output whose value is a Reference to a DocumentReference"));
    }

    private static ReportAuthor author(DocumentReference document, Task task, Bundle bundle, String agencyId) {
        String name = null;
        String role = null;
        for (Reference ref : document.getAuthor()) {
            Optional<Resource> target = resolve(ref, bundle, document, task);
            if (target.isPresent() && target.get() instanceof PractitionerRole practitionerRole) {
                role = practitionerRole.getCode().stream().map(c -> c.hasText() ? c.getText()
                        : c.getCodingFirstRep().getDisplay()).filter(s -> s != null && !s.isBlank()).findFirst().orElse(null);
                Optional<Resource> practitioner = resolve(practitionerRole.getPractitioner(), bundle, document, task);
                name = practitioner.filter(Practitioner.class::isInstance).map(p -> name((Practitioner) p))
                        .orElse(practitionerRole.getPractitioner().getDisplay());
            } else if (target.isPresent() && target.get() instanceof Practitioner practitioner && name == null) {
                name = name(practitioner);
            }
            if (name != null && role != null) {
                break;
            }
        }
        if (name == null || name.isBlank() || role == null || role.isBlank()) {
            throw rejected(OperationOutcomes.required("DocumentReference.author",
                    "the report's author must be a PractitionerRole (in the Bundle or contained) with a code naming "
                            + "the role and a practitioner with a name"));
        }
        if (name.length() > MAX_SHORT_CHARS || role.length() > MAX_SHORT_CHARS) {
            throw rejected(OperationOutcomes.invalid("DocumentReference.author", "maxLength",
                    "the author's name and role are at most " + MAX_SHORT_CHARS + " characters each"));
        }
        return new ReportAuthor(name, role, agencyId);
    }

    static String name(Practitioner practitioner) {
        return practitioner == null ? null : name(practitioner.getName());
    }

    /** The first name that says something: its text, else prefix, given and family joined. */
    static String name(List<HumanName> names) {
        for (HumanName n : names) {
            if (n.hasText()) {
                return n.getText();
            }
            List<String> parts = new ArrayList<>();
            n.getPrefix().forEach(p -> parts.add(p.getValue()));
            n.getGiven().forEach(g -> parts.add(g.getValue()));
            if (n.hasFamily()) {
                parts.add(n.getFamily());
            }
            if (!parts.isEmpty()) {
                return String.join(" ", parts);
            }
        }
        return null;
    }

    private static DocumentContent content(DocumentReference document, String conferenceId) {
        if (document.getContent().isEmpty() || !document.getContentFirstRep().hasAttachment()) {
            throw rejected(OperationOutcomes.required("DocumentReference.content", "the report must be an attachment"));
        }
        Attachment attachment = document.getContentFirstRep().getAttachment();
        String location = "DocumentReference.content[0].attachment";
        if (!attachment.hasData()) {
            throw rejected(OperationOutcomes.required(location + ".data",
                    "the report must travel in the attachment's data (a url is not fetched)"));
        }
        String mediaType = attachment.getContentType() == null ? ""
                : attachment.getContentType().split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        if (!mediaType.equals("text/plain") && !mediaType.equals("application/pdf")) {
            throw rejected(OperationOutcomes.invalid(location + ".contentType", "media-type",
                    "the report must be text/plain or application/pdf"));
        }
        String languageCode = attachment.hasLanguage() ? attachment.getLanguage() : document.getLanguage();
        Language language = languageCode == null ? null
                : Language.fromCode(languageCode.toLowerCase(java.util.Locale.ROOT).split("-", 2)[0]).orElse(null);
        if (language == null) {
            throw rejected(OperationOutcomes.invalid(location + ".language", "language",
                    "the report's language must be en or cy"));
        }
        String title = attachment.hasTitle() ? attachment.getTitle()
                : document.hasDescription() ? document.getDescription() : "Written report for conference " + conferenceId;
        if (title.length() > MAX_SHORT_CHARS) {
            throw rejected(OperationOutcomes.invalid(location + ".title", "maxLength",
                    "the title is at most " + MAX_SHORT_CHARS + " characters"));
        }
        byte[] data = attachment.getData();
        if (mediaType.equals("text/plain")) {
            String text = utf8(data, location);
            if (text.isBlank()) {
                throw rejected(OperationOutcomes.invalid(location + ".data", "not-empty", "the report is empty"));
            }
            if (text.length() <= MAX_TEXT_CHARS) {
                return new DocumentContent(title, mediaType, language, text, null);
            }
        }
        String base64 = Base64.getEncoder().encodeToString(data);
        if (base64.length() > MAX_BASE64_CHARS || data.length == 0) {
            throw rejected(OperationOutcomes.invalid(location + ".data", "size",
                    "the report must be between 1 byte and about 1.1 MB"));
        }
        return new DocumentContent(title, mediaType, language, null, base64);
    }

    private static String utf8(byte[] data, String location) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            throw rejected(OperationOutcomes.invalid(location + ".data", "utf-8", "a text/plain report must be UTF-8"));
        }
    }

    /**
     * The resource a reference points at: one HAPI linked while parsing, one contained in one of {@code owners}
     * ({@code #id}), or a Bundle entry (by fullUrl or {@code Type/id}).
     */
    static Optional<Resource> resolve(Reference reference, Bundle bundle, DomainResource... owners) {
        if (reference == null || reference.isEmpty()) {
            return Optional.empty();
        }
        if (reference.getResource() instanceof Resource linked) {
            return Optional.of(linked);
        }
        String ref = reference.getReference();
        if (ref == null) {
            return Optional.empty();
        }
        if (ref.startsWith("#")) {
            for (DomainResource owner : owners) {
                for (Resource contained : owner.getContained()) {
                    String id = contained.getIdElement().getIdPart();
                    if (id != null && (ref.substring(1).equals(id) || ref.equals(id))) {
                        return Optional.of(contained);
                    }
                }
            }
            return Optional.empty();
        }
        if (bundle == null) {
            return Optional.empty();
        }
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Resource r = entry.getResource();
            if (r == null) {
                continue;
            }
            String typeAndId = r.fhirType() + "/" + r.getIdElement().getIdPart();
            if (ref.equals(entry.getFullUrl()) || ref.equals(r.getIdElement().getValue()) || ref.equals(typeAndId)
                    || (entry.getFullUrl() != null && entry.getFullUrl().endsWith("/" + ref))) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    private static InboundRejectedException rejected(OperationOutcome outcome) {
        return new InboundRejectedException(422, outcome);
    }
}
