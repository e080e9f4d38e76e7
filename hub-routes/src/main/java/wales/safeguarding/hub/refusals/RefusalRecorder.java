package wales.safeguarding.hub.refusals;

import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import wales.safeguarding.hub.database.Transactions;
import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.Directory;
import wales.safeguarding.hub.metrics.RefusalMetrics;
import wales.safeguarding.hub.security.CallerAgency;

/**
 * Counts and logs every refusal (401, 403, 409, 413, 415, 422, 429, and a 404 that hides a refusal:
 * {@link HiddenRefusals}) of an agency API request (issue 11 finding 6), so probing is seen. It sits on the HTTP router ahead of the token check, so the 401s the OIDC layer answers and the
 * 413s of the HTTP body limit are seen as well as the hub's own problem answers. One log line per refusal: status,
 * problem type, agency, path template; never a body or an id. The count is written to PostgreSQL off the event loop,
 * and to the {@code hub_refusals_total} series by status, problem type and agency kind ({@link RefusalMetrics}).
 */
@ApplicationScoped
public class RefusalRecorder {

    /** Where a resource's problem answer leaves its type for this recorder ({@link ProblemTypeFilter}). */
    static final String PROBLEM_TYPE = "hub.problem-type";
    /** The agency of a request with no valid token (or a client the directory does not know). */
    public static final String UNKNOWN = "unknown";
    /** Ahead of the security handlers (CORS 300, authentication 200: a filter of priority p has route order -p). */
    private static final int ORDER = -1000;

    private static final Logger LOG = Logger.getLogger(RefusalRecorder.class);

    private final Directory directory;
    private final Transactions transactions;
    private final RefusalRepository repository;
    private final Clock clock;
    private final RefusalMetrics metrics;
    // one writer, a bounded queue: a flood of refusals costs the database one upsert at a time and never the event loop
    private final ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(10_000), r -> new Thread(r, "refusal-counter"), new ThreadPoolExecutor.DiscardPolicy());

    public RefusalRecorder(Directory directory, Transactions transactions, RefusalRepository repository, Clock clock,
            RefusalMetrics metrics) {
        this.metrics = metrics;
        this.directory = directory;
        this.transactions = transactions;
        this.repository = repository;
        this.clock = clock;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(rc -> {
            RefusalPaths.template(rc.normalizedPath())
                    .ifPresent(template -> rc.addHeadersEndHandler(v -> refused(rc, template)));
            rc.next();
        });
    }

    private void refused(RoutingContext rc, String template) {
        int status = rc.response().getStatusCode();
        String hidden = status == 404 ? rc.get(HiddenRefusals.REASON) : null;
        if (!RefusalStatuses.counted(status) && hidden == null) {
            return;
        }
        String agency = status == 401 ? UNKNOWN : agencyOf(rc);
        String type = hidden != null ? hidden : RefusalStatuses.problemType(status, rc.get(PROBLEM_TYPE));
        LOG.infof("refused %d %s agency=%s %s %s", status, type, agency, rc.request().method(), template);
        metrics.refused(status, type, agency);
        writer.execute(() -> transactions.inTransaction(c -> {
            repository.count(c, agency, status, clock.instant());
            return null;
        }));
    }

    private String agencyOf(RoutingContext rc) {
        SecurityIdentity identity = rc.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        return CallerAgency.clientIdOf(identity).flatMap(directory::forClient).map(Agency::id).orElse(UNKNOWN);
    }

    @PreDestroy
    void stop() {
        writer.shutdown();
    }
}
