package wales.safeguarding.hub.problems;

import wales.safeguarding.hub.problems.ProblemException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Writes a {@link ProblemException} as {@code application/problem+json}. */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

    public static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public Response toResponse(ProblemException e) {
        Response.ResponseBuilder answer = Response.status(e.problem().status()).type(PROBLEM_JSON).entity(e.problem());
        if (e.retryAfterSeconds() != null) {
            answer.header("Retry-After", e.retryAfterSeconds());
        }
        return answer.build();
    }
}
