package wales.safeguarding.hub.gp;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.AgencyKind;
import wales.safeguarding.hub.intake.MessageIdKey;
import wales.safeguarding.hub.problems.Problem;
import wales.safeguarding.hub.problems.ProblemException;
import wales.safeguarding.hub.problems.ProblemExceptionMapper;
import wales.safeguarding.hub.security.CallerAgency;
import wales.safeguarding.hub.tracking.StoredMessage;
import wales.safeguarding.schemas.envelope.DerivedIds;
import wales.safeguarding.schemas.envelope.MessageType;

/**
 * A GP practice finds the hub messages its FHIR answers became, without working out their ids (they are keyed with a
 * hub secret, so no agency can): its written report to a conference invitation, by the invitation's message id, and
 * its acknowledgement of a message, by that message's id. Only the token's own practice's messages are found.
 */
@Path("/api/v1/gp")
@Authenticated
@Tag(name = "GP practices (FHIR R4)", description = "For GP practice systems that speak HL7 FHIR R4")
public class GpAnswersResource {

    /** The FHIR response codes an acknowledgement's id is derived with (MessageHeader.response.code). */
    static final List<String> RESPONSE_CODES = List.of("ok", "transient-error", "fatal-error");

    /** Where a practice's answer is: the message it became and its tracking path. */
    public record Answer(UUID answers, UUID messageId, String type, Instant acceptedAt, String tracking) {
    }

    private final CallerAgency caller;
    private final MessageIdKey key;

    public GpAnswersResource(CallerAgency caller, MessageIdKey key) {
        this.caller = caller;
        this.key = key;
    }

    @GET
    @Path("/reports/{invitationMessageId}")
    @Produces({MediaType.APPLICATION_JSON, ProblemExceptionMapper.PROBLEM_JSON})
    @Operation(summary = "Find your practice's written report to a conference invitation", description = "The "
            + "message id the hub gave the report your practice sent for that invitation (completed Task), and its "
            + "tracking path. Another practice's report is not found.")
    @APIResponse(responseCode = "200", description = "The report's message id and tracking path")
    @APIResponse(responseCode = "403", description = "Not a GP practice or health board")
    @APIResponse(responseCode = "404", description = "No report of the token's practice to this invitation")
    public Answer report(@PathParam("invitationMessageId") String invitationMessageId) {
        Agency practice = practice();
        UUID invitation = idOrNotFound(invitationMessageId, "report");
        return found(invitation, key.find(practice.id(), MessageType.CONFERENCE_REPORT,
                key.ids().candidates(DerivedIds.GP_REPORT, practice.id(), invitation.toString())), "report");
    }

    @GET
    @Path("/acknowledgements/{answeredMessageId}")
    @Produces({MediaType.APPLICATION_JSON, ProblemExceptionMapper.PROBLEM_JSON})
    @Operation(summary = "Find your practice's acknowledgement of a message the hub sent it", description = "The "
            + "message id the hub gave the acknowledgement (FHIR response message) your practice sent for that "
            + "message, and its tracking path; the latest response code's first.")
    @APIResponse(responseCode = "200", description = "The acknowledgement's message id and tracking path")
    @APIResponse(responseCode = "403", description = "Not a GP practice or health board")
    @APIResponse(responseCode = "404", description = "No acknowledgement of the token's practice to this message")
    public Answer acknowledgement(@PathParam("answeredMessageId") String answeredMessageId) {
        Agency practice = practice();
        UUID answered = idOrNotFound(answeredMessageId, "acknowledgement");
        List<UUID> candidates = RESPONSE_CODES.stream().flatMap(code -> key.ids().candidates(
                DerivedIds.GP_ACKNOWLEDGEMENT, practice.id(), answered.toString(), code).stream()).toList();
        Optional<StoredMessage> latest = candidates.stream()
                .map(id -> key.find(practice.id(), MessageType.ACKNOWLEDGEMENT, List.of(id)))
                .flatMap(Optional::stream)
                .reduce((a, b) -> a.acceptedAt().isAfter(b.acceptedAt()) ? a : b);
        return found(answered, latest, "acknowledgement");
    }

    private Agency practice() {
        Agency agency = caller.require();
        if (agency.kind() != AgencyKind.GP_PRACTICE && agency.kind() != AgencyKind.HEALTH_BOARD) {
            throw new ProblemException(Problem.of("forbidden", "Only GP practices and health boards answer over FHIR",
                    403, "agency '" + agency.id() + "' is a " + agency.kind().wireName()));
        }
        return agency;
    }

    private static UUID idOrNotFound(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound("that message", what);
        }
    }

    private static Answer found(UUID answers, Optional<StoredMessage> message, String what) {
        return message.map(m -> new Answer(answers, m.messageId(), m.type(), m.acceptedAt(),
                "/api/v1/messages/" + m.messageId())).orElseThrow(() -> notFound(answers.toString(), what));
    }

    private static ProblemException notFound(String answers, String what) {
        return new ProblemException(Problem.of("not-found", "No such " + what, 404,
                "your practice has sent no " + what + " to " + answers + " that the hub accepted"));
    }
}
