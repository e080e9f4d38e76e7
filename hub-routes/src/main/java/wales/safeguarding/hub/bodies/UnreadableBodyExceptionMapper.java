package wales.safeguarding.hub.bodies;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.jboss.logging.Logger;

import wales.safeguarding.hub.problems.Problem;
import wales.safeguarding.hub.problems.ProblemExceptionMapper;

/**
 * A stored body the hub cannot open (its key file is missing, or the bytes do not authenticate) answers 503 with a
 * problem naming the key and the row, not a bare 500: the request can succeed once an operator restores the key
 * (deploy/README "Body keys"). Logged once per request at ERROR, with the same words (never a byte of a body).
 */
@Provider
public class UnreadableBodyExceptionMapper implements ExceptionMapper<UnreadableBodyException> {

    private static final Logger LOG = Logger.getLogger(UnreadableBodyExceptionMapper.class);

    @Override
    public Response toResponse(UnreadableBodyException e) {
        LOG.errorf("a stored body could not be opened: %s", e.getMessage());
        return Response.status(503).type(ProblemExceptionMapper.PROBLEM_JSON)
                .entity(Problem.of("body-unreadable", "A stored message body cannot be opened", 503, e.getMessage()
                        + "; the hub's operators must restore the body key (try again once they have)"))
                .build();
    }
}
