package wales.safeguarding.hub.refusals;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import wales.safeguarding.hub.problems.Problem;

/** Leaves the type of a problem answer where {@link RefusalRecorder} finds it when the answer's headers go out. */
@Provider
public class ProblemTypeFilter implements ContainerResponseFilter {

    private final CurrentVertxRequest request;

    public ProblemTypeFilter(CurrentVertxRequest request) {
        this.request = request;
    }

    @Override
    public void filter(ContainerRequestContext requestContext, ContainerResponseContext responseContext) {
        if (responseContext.getEntity() instanceof Problem problem && request.getCurrent() != null) {
            request.getCurrent().put(RefusalRecorder.PROBLEM_TYPE, problem.type());
        }
    }
}
