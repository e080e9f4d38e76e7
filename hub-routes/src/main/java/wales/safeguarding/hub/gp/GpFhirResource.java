package wales.safeguarding.hub.gp;

import static wales.safeguarding.hub.gp.FhirResponses.FHIR_JSON;
import static wales.safeguarding.hub.gp.FhirResponses.outcome;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MessageHeader;

import io.quarkus.security.Authenticated;
import wales.safeguarding.adapters.gpfhir.GpAcknowledgement;
import wales.safeguarding.adapters.gpfhir.GpConferenceReport;
import wales.safeguarding.adapters.gpfhir.GpFhirContext;
import wales.safeguarding.adapters.gpfhir.GpFhirValidator;
import wales.safeguarding.adapters.gpfhir.GpInboundMapper;
import wales.safeguarding.adapters.gpfhir.GpPracticeMessages;
import wales.safeguarding.adapters.gpfhir.Questionnaires;
import wales.safeguarding.adapters.gpfhir.InboundRejectedException;
import wales.safeguarding.adapters.gpfhir.OperationOutcomes;
import wales.safeguarding.hub.database.Transactions;
import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.AgencyKind;
import wales.safeguarding.hub.tracking.Acceptance;
import wales.safeguarding.hub.intake.MessageIdKey;
import wales.safeguarding.hub.intake.MessageIntake;
import wales.safeguarding.hub.problems.ProblemException;
import wales.safeguarding.hub.intake.RequestBodies;
import wales.safeguarding.hub.security.CallerAgency;
import wales.safeguarding.hub.tracking.StoredMessage;
import wales.safeguarding.hub.tracking.TrackingRepository;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.DerivedIds;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.Language;
import wales.safeguarding.schemas.envelope.MessageType;
import wales.safeguarding.schemas.tracking.Acknowledgement;

/**
 * The hub's FHIR endpoint for GP practice systems: {@code $process-message}, {@code Task} updates and the hub's
 * questionnaires. Everything a practice sends is validated by HAPI (base R4, the questionnaire, the hub's rules)
 * before it is read.
 * <ul>
 * <li>A message of the practice's own (a duty-to-report, a health alert, a strategy contribution, a completed health
 * assessment, an acknowledgement with its contribution): a QuestionnaireResponse answering the hub's questionnaire
 * for the type ({@link GpPracticeIntake}).</li>
 * <li>A completed {@code Task} (the hub's written-report request) with its {@code DocumentReference} becomes a
 * {@code conference-report} to the council that called the conference, through the same intake as every message,
 * and stops the practice's written-report clock.</li>
 * <li>A response message ({@code MessageHeader.response}) to one of the hub's messages becomes the practice's
 * business {@code acknowledgement} to whoever sent that message: {@code ok} is accepted (the delivery moves to
 * acknowledged), any other code is a rejection carrying the practice's diagnostics.</li>
 * </ul>
 * Errors are answered as FHIR {@code OperationOutcome}s. A practice acts only as itself.
 */
@Path("/fhir")
@Authenticated
@Tag(name = "GP practices (FHIR R4)", description = "For GP practice systems that speak HL7 FHIR R4")
public class GpFhirResource {

    private static final long MAX_FHIR_BYTES = 2 * 1024 * 1024;

    private final GpInboundMapper mapper = new GpInboundMapper();
    private final GpPracticeIntake practiceMessages;
    private final CallerAgency caller;
    private final MessageIntake intake;
    private final Transactions transactions;
    private final TrackingRepository tracking;
    private final Clock clock;
    private final MessageIdKey key;

    public GpFhirResource(CallerAgency caller, MessageIntake intake, Transactions transactions,
            TrackingRepository tracking, Clock clock, MessageIdKey key, GpPracticeIntake practiceMessages) {
        this.practiceMessages = practiceMessages;
        this.key = key;
        this.caller = caller;
        this.intake = intake;
        this.transactions = transactions;
        this.tracking = tracking;
        this.clock = clock;
    }

    @POST
    // "$" arrives as "%24" from clients that encode it; both name the FHIR operation.
    @Path("/{operation: (\\$|%24)process-message}")
    @Consumes({FHIR_JSON, "application/fhir+xml", "application/json"})
    @Produces(FHIR_JSON)
    @Operation(summary = "A FHIR message from a GP practice: its own message (a QuestionnaireResponse answering the "
            + "hub's questionnaire for the type), a completed report Task, or a response message")
    public Response processMessage(InputStream body) {
        Agency practice = practice();
        String fhir = new String(RequestBodies.readLimited(body, MAX_FHIR_BYTES), StandardCharsets.UTF_8);
        try {
            IBaseResource resource = parse(fhir);
            if (GpPracticeMessages.isPracticeMessage(resource)) {
                GpFhirValidator.requireValidInbound(resource);
                return practiceMessages.submit(practice, GpPracticeMessages.read((Bundle) resource, practice.id()));
            }
            // parsed once: the mapper validates the resource and reads it
            if (isResponseMessage(resource)) {
                return acknowledged(practice, mapper.toAcknowledgement(resource));
            }
            return report(practice, mapper.toConferenceReport(resource, practice.id()));
        } catch (InboundRejectedException rejected) {
            return outcome(rejected.httpStatus(), rejected.operationOutcome());
        }
    }

    @GET
    @Path("/Questionnaire/{type}")
    @Produces(FHIR_JSON)
    @Operation(summary = "The hub's questionnaire for a message a GP practice sends (duty-to-report, health-alert, "
            + "strategy-contribution, health-assessment, acknowledgement)")
    public Response questionnaire(@PathParam("type") String type) {
        return MessageType.fromWireName(type).flatMap(Questionnaires::of)
                .map(q -> Response.ok(wales.safeguarding.adapters.gpfhir.GpFhirContext.toJson(q)).type(FHIR_JSON).build())
                .orElseGet(() -> outcome(404, OperationOutcomes.notSupported("type",
                        "the hub has a questionnaire only for the messages a GP practice sends")));
    }

    @PUT
    @Path("/Task/{id}")
    @Consumes({FHIR_JSON, "application/fhir+xml", "application/json"})
    @Produces(FHIR_JSON)
    @Operation(summary = "The practice updates the hub's written-report Task: completed, with the report")
    public Response updateTask(@PathParam("id") String id, InputStream body) {
        Agency practice = practice();
        try {
            String fhir = new String(RequestBodies.readLimited(body, MAX_FHIR_BYTES), StandardCharsets.UTF_8);
            return report(practice, mapper.toConferenceReport(fhir, practice.id()));
        } catch (InboundRejectedException rejected) {
            return outcome(rejected.httpStatus(), rejected.operationOutcome());
        }
    }

    private Response report(Agency practice, GpConferenceReport report) {
        StoredMessage invitation = transactions.inTransaction(c -> tracking.findMessage(c, report.invitationMessageId()))
                .filter(m -> MessageType.CONFERENCE_INVITATION.wireName().equals(m.type()))
                .orElse(null);
        if (invitation == null) {
            return outcome(422, OperationOutcomes.invalid("Task.basedOn",
                    "answers-an-invitation-sent-to-you"));
        }
        // One report per Task: sending the same Task again is the same message. Keyed with the hub's secret, so no
        // other agency can send under this id first and have the report refused.
        UUID messageId = key.idFor(practice.id(), MessageType.CONFERENCE_REPORT, DerivedIds.GP_REPORT, practice.id(),
                report.invitationMessageId().toString());
        Envelope message = new Envelope(messageId, MessageType.CONFERENCE_REPORT, Envelope.SCHEMA_VERSION, practice.id(),
                List.of(), invitation.caseReference(), invitation.childReference(), invitation.messageId(), Language.EN,
                "OFFICIAL-SENSITIVE", clock.instant().atOffset(ZoneOffset.UTC), null,
                CanonicalJson.mapper().valueToTree(report.body()));
        try {
            Acceptance accepted = intake.submit(CanonicalJson.write(message), practice);
            return outcome(accepted.duplicate() ? 200 : 202, OperationOutcomes.accepted(
                    "conference-report " + accepted.messageId() + " accepted for " + accepted.recipients()));
        } catch (ProblemException refused) {
            var first = refused.problem().violations().stream().findFirst();
            return outcome(refused.problem().status(), OperationOutcomes.invalid(
                    first.map(v -> v.pointer()).orElse("Task"), first.map(v -> v.rule()).orElse(refused.problem().title()),
                    refused.problem().detail()));
        }
    }

    /** The practice's response message becomes an acknowledgement to whoever sent the message it answers. */
    private Response acknowledged(Agency practice, GpAcknowledgement ack) {
        UUID original;
        try {
            original = UUID.fromString(ack.requestMessageId());
        } catch (IllegalArgumentException e) {
            return outcome(422, OperationOutcomes.invalid("MessageHeader.response.identifier",
                    "a-message-the-hub-sent"));
        }
        StoredMessage answered = transactions.inTransaction(c -> tracking.findMessage(c, original)).orElse(null);
        boolean rejected = !ack.ok();
        Acknowledgement body = new Acknowledgement(rejected ? "rejected" : "accepted",
                clock.instant().atOffset(ZoneOffset.UTC),
                rejected ? "the practice system answered " + ack.code()
                        + (ack.diagnostics() == null ? "" : ": " + ack.diagnostics()) : null, null);
        UUID messageId = key.idFor(practice.id(), MessageType.ACKNOWLEDGEMENT, DerivedIds.GP_ACKNOWLEDGEMENT,
                practice.id(), original.toString(), ack.code());
        Envelope message = new Envelope(messageId, MessageType.ACKNOWLEDGEMENT, Envelope.SCHEMA_VERSION, practice.id(),
                List.of(), answered == null ? null : answered.caseReference(),
                answered == null ? null : answered.childReference(), original, Language.EN, "OFFICIAL-SENSITIVE",
                clock.instant().atOffset(ZoneOffset.UTC), null, CanonicalJson.mapper().valueToTree(body));
        try {
            Acceptance accepted = intake.submit(CanonicalJson.write(message), practice);
            return outcome(200, OperationOutcomes.accepted(
                    "acknowledgement " + accepted.messageId() + " sent to " + accepted.recipients()));
        } catch (ProblemException refused) {
            return outcome(422, OperationOutcomes.invalid("MessageHeader.response.identifier",
                    "a-message-the-hub-sent-to-you", refused.problem().detail()));
        }
    }

    private static IBaseResource parse(String fhir) {
        try {
            return GpFhirContext.parse(fhir);
        } catch (RuntimeException notFhir) {
            throw new InboundRejectedException(400, OperationOutcomes.notFhir("the body is not a FHIR resource"));
        }
    }

    /** A message Bundle whose MessageHeader answers one of the hub's messages. */
    private static boolean isResponseMessage(IBaseResource resource) {
        return resource instanceof Bundle bundle && bundle.getType() == Bundle.BundleType.MESSAGE && bundle.hasEntry()
                && bundle.getEntryFirstRep().getResource() instanceof MessageHeader header && header.hasResponse();
    }

    private Agency practice() {
        Agency agency = caller.require();
        if (agency.kind() != AgencyKind.GP_PRACTICE && agency.kind() != AgencyKind.HEALTH_BOARD) {
            throw new ProblemException(wales.safeguarding.hub.problems.Problem.of("forbidden",
                    "Only GP practices and health boards use the FHIR endpoint", 403,
                    "agency '" + agency.id() + "' is a " + agency.kind().wireName()));
        }
        return agency;
    }


}
