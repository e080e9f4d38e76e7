package wales.safeguarding.hub.register;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.security.Authenticated;
import wales.safeguarding.hub.intake.RequestBodies;
import wales.safeguarding.hub.problems.Problem;
import wales.safeguarding.hub.problems.ProblemException;
import wales.safeguarding.hub.problems.ProblemExceptionMapper;
import wales.safeguarding.hub.register.RegisterEnquiryRules.Answer;
import wales.safeguarding.hub.register.RegisterEnquiryRules.Enquiry;
import wales.safeguarding.hub.security.CallerAgency;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.validation.Violation;

/** Agencies ask whether a child is on a register held by the hub's councils ({@link RegisterEnquiries}). */
@Path("/api/v1/register-enquiries")
@Authenticated
@Tag(name = "Register enquiries", description = "Is this child on a child protection register, and whom to call")
public class RegisterEnquiriesResource {

    /** The largest enquiry read. */
    static final int MAX_BYTES = 16 * 1024;
    private static final List<String> FIELDS = List.of("nhsNumber", "name", "dateOfBirth", "localAuthority", "reason");

    private final RegisterEnquiries enquiries;
    private final CallerAgency caller;

    public RegisterEnquiriesResource(RegisterEnquiries enquiries, CallerAgency caller) {
        this.enquiries = enquiries;
        this.caller = caller;
    }

    @POST
    // every type reaches the method, so a refusal is our problem-details answer, not the framework's bare 415
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, ProblemExceptionMapper.PROBLEM_JSON})
    @Operation(summary = "Ask whether a child is on a child protection register",
            description = "By nhsNumber, or by name, dateOfBirth and localAuthority (ONS code), with a reason. Answers "
                    + "onRegister, since when and the council with its contact; nothing else of the case. Every "
                    + "enquiry is audited with who asked and why; a health board's (unscheduled care) enquiry that "
                    + "finds a child tells the child's council.")
    @APIResponse(responseCode = "200", description = "The answer: {onRegister, since, council {id, name, contact}}")
    @APIResponse(responseCode = "400", description = "Not JSON")
    @APIResponse(responseCode = "403", description = "An agency of a kind that may not ask")
    @APIResponse(responseCode = "422", description = "A field missing or wrong: each violation names it and the rule")
    @APIResponse(responseCode = "429", description = "Over the agency's enquiry rate; Retry-After says when to ask")
    public Answer enquire(InputStream body) {
        var agency = caller.require();
        byte[] raw = RequestBodies.readLimited(body, MAX_BYTES);
        JsonNode tree;
        try {
            tree = CanonicalJson.mapper().readTree(raw);
        } catch (IOException e) {
            throw ProblemException.notJson("the enquiry is not JSON");
        }
        if (tree == null || !tree.isObject()) {
            throw ProblemException.notJson("the enquiry is a JSON object");
        }
        List<Violation> violations = new ArrayList<>();
        tree.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                violations.add(new Violation("/" + f, "no-such-field", "an enquiry has only " + FIELDS));
            }
        });
        for (String f : FIELDS) {
            if (tree.has(f) && !tree.get(f).isTextual() && !tree.get(f).isNull()) {
                violations.add(new Violation("/" + f, "string", "a string"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.of("invalid-enquiry", "The enquiry cannot be answered", 422,
                    violations.size() + " violation(s); each names the field (JSON pointer) and the rule",
                    violations));
        }
        return enquiries.enquire(agency, new Enquiry(text(tree, "nhsNumber"), text(tree, "name"),
                text(tree, "dateOfBirth"), text(tree, "localAuthority"), text(tree, "reason")));
    }

    private static String text(JsonNode tree, String field) {
        return tree.path(field).isTextual() ? tree.get(field).asText() : null;
    }
}
