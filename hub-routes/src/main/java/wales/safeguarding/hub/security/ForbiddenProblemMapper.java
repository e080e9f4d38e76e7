package wales.safeguarding.hub.security;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.quarkus.security.ForbiddenException;
import wales.safeguarding.hub.problems.Problem;
import wales.safeguarding.hub.problems.ProblemExceptionMapper;

/**
 * A signed-in caller without the role an endpoint needs gets a problem-details 403, like every other refusal. (A
 * caller not signed in keeps the OIDC challenge: 401 for a bearer token, the login redirect for the console's code
 * flow.)
 */
@Provider
public class ForbiddenProblemMapper implements ExceptionMapper<ForbiddenException> {

    @Override
    public Response toResponse(ForbiddenException e) {
        return Response.status(403).type(ProblemExceptionMapper.PROBLEM_JSON)
                .entity(Problem.of("forbidden", "Not allowed", 403, "your roles do not allow this")).build();
    }
}
