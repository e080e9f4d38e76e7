package wales.safeguarding.hub.refusals;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * A refusal answered as 404 so that the answer does not tell whether the thing exists (another agency's message is
 * "not found", exactly as an id nobody used), yet still counted and logged as a refusal by {@link RefusalRecorder}
 * under its real reason, so probing for other agencies' ids is seen.
 */
@ApplicationScoped
public class HiddenRefusals {

    /** Where the reason waits for the recorder on the request's routing context. */
    static final String REASON = "hub.hidden-refusal";

    private final CurrentVertxRequest request;

    public HiddenRefusals(CurrentVertxRequest request) {
        this.request = request;
    }

    /** Counts this request's 404 as a refusal of type {@code problemType}. */
    public void mark(String problemType) {
        RoutingContext rc = request.getCurrent();
        if (rc != null) {
            rc.put(REASON, problemType);
        }
    }
}
