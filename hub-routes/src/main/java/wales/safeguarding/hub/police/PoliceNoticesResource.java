package wales.safeguarding.hub.police;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import wales.safeguarding.adapters.police.PpnMapper;
import wales.safeguarding.adapters.police.PpnMappingException;
import wales.safeguarding.adapters.police.PpnParseResult;
import wales.safeguarding.adapters.police.PpnParser;
import wales.safeguarding.hub.directory.AgencyKind;
import wales.safeguarding.hub.intake.Acceptance;
import wales.safeguarding.hub.intake.MessageIntake;
import wales.safeguarding.hub.intake.MessagesResource;
import wales.safeguarding.hub.intake.Problem;
import wales.safeguarding.hub.intake.ProblemException;
import wales.safeguarding.hub.intake.ProblemExceptionMapper;
import wales.safeguarding.hub.security.CallerAgency;
import wales.safeguarding.schemas.validation.Violation;

/**
 * Police forces send Public Protection Notices (PPN, {@code schemas/police/ppn-1.0.xsd}) over HTTPS. Each notice is
 * parsed with a hardened parser (no DTDs, no external entities, bounded size), validated, mapped to a
 * duty-to-report and accepted through the same intake as every canonical message. A notice sent again is the same
 * message (its id is derived from the force and the notice id), so it is delivered once.
 */
@Path("/api/v1/police/notices")
@Authenticated
@Tag(name = "Police", description = "Public Protection Notices from police forces")
public class PoliceNoticesResource {

    private final PpnParser parser = PpnParser.fromClasspath();
    private final PpnMapper mapper = new PpnMapper();
    private final MessageIntake intake;
    private final CallerAgency caller;

    public PoliceNoticesResource(MessageIntake intake, CallerAgency caller) {
        this.intake = intake;
        this.caller = caller;
    }

    @POST
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Produces({MediaType.APPLICATION_JSON, ProblemExceptionMapper.PROBLEM_JSON})
    @Operation(summary = "Send a Public Protection Notice", description = "Answers 202 once the duty-to-report it "
            + "becomes is stored; the same notice sent again answers 200 with the original acceptance.")
    @APIResponse(responseCode = "202", description = "Accepted as a duty-to-report")
    @APIResponse(responseCode = "400", description = "Not a valid notice: each error names the element and the rule")
    @APIResponse(responseCode = "403", description = "Not a police force, or a notice of another force")
    public Response send(InputStream body) {
        var force = caller.require();
        if (force.kind() != AgencyKind.POLICE) {
            throw new ProblemException(Problem.of("forbidden", "Only police forces send notices", 403,
                    "agency '" + force.id() + "' is not a police force"));
        }
        PpnParseResult parsed = parser.parse(read(body));
        if (parsed instanceof PpnParseResult.Rejected rejected) {
            List<Violation> violations = rejected.errors().stream()
                    .map(e -> new Violation(e.element(), e.rule(), e.message() + " (line " + e.line() + ")")).toList();
            throw new ProblemException(Problem.of("invalid-notice", "The notice breaks the PPN contract", 400,
                    violations.size() + " error(s); each names the element and the rule", violations));
        }
        var notice = ((PpnParseResult.Accepted) parsed).notice();
        if (!force.id().equals(notice.force())) {
            throw ProblemException.senderMismatch(force.id(), notice.force());
        }
        byte[] canonical;
        try {
            canonical = mapper.toCanonicalJson(notice);
        } catch (PpnMappingException e) {
            throw ProblemException.invalid(e.violations());
        }
        Acceptance acceptance = intake.submit(canonical, force);
        String tracking = "/api/v1/messages/" + acceptance.messageId();
        return Response.status(acceptance.duplicate() ? Response.Status.OK : Response.Status.ACCEPTED)
                .location(URI.create(tracking)).type(MediaType.APPLICATION_JSON)
                .entity(new MessagesResource.Accepted(acceptance.messageId(), "accepted", acceptance.acceptedAt(),
                        acceptance.recipients(), tracking, acceptance.duplicate(), acceptance.notes()))
                .build();
    }

    private static byte[] read(InputStream body) {
        try {
            byte[] bytes = body.readNBytes(PpnParser.MAX_NOTICE_BYTES + 1);
            if (bytes.length > PpnParser.MAX_NOTICE_BYTES) {
                throw ProblemException.tooLarge(PpnParser.MAX_NOTICE_BYTES);
            }
            return bytes;
        } catch (IOException e) {
            throw ProblemException.notJson("the body could not be read");
        }
    }
}
