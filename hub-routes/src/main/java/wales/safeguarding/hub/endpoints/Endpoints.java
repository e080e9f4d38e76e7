package wales.safeguarding.hub.endpoints;

import wales.safeguarding.hub.broker.QueueDepths;
import wales.safeguarding.hub.delivery.EndpointHealth;
import wales.safeguarding.hub.delivery.EndpointHealthStore;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.delivery.DeliveryQueues;
import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.Directory;
import wales.safeguarding.hub.problems.Problem;
import wales.safeguarding.hub.problems.ProblemException;

/** Every agency endpoint in the directory with its health, its paused state and the depth of its broker queue. */
@ApplicationScoped
public class Endpoints {

    private final Directory directory;
    private final EndpointHealthStore store;
    private final QueueDepths depths;
    private final DeliveryQueues queues;

    public Endpoints(Directory directory, EndpointHealthStore store, QueueDepths depths, DeliveryQueues queues) {
        this.directory = directory;
        this.store = store;
        this.depths = depths;
        this.queues = queues;
    }

    /**
     * Every endpoint. The depths come from one management request for all queues holding anything (2,000 endpoints
     * are not 2,000 requests); where the broker refuses it, each queue is counted on its own.
     */
    public List<EndpointStatus> all() throws SQLException {
        Map<String, EndpointHealth> health = store.all();
        Set<String> retrying = store.retrying();
        Function<String, Long> depth;
        try {
            Map<String, QueueDepths.Counts> waiting = depths.nonEmpty(queues.queueFor(""));
            depth = id -> {
                QueueDepths.Counts counts = waiting.get(queues.queueFor(id));
                return counts == null ? 0L : counts.messages();
            };
        } catch (Exception e) {
            depth = this::queueDepth;
        }
        Function<String, Long> depthOf = depth;
        return directory.receivers().stream().map(a -> status(a, health, retrying, depthOf.apply(a.id()))).toList();
    }

    public EndpointStatus one(String agencyId) throws SQLException {
        return status(require(agencyId), store.all(), store.retrying(), queueDepth(agencyId));
    }

    /** The agency, if it has an endpoint; a 404 problem otherwise. */
    public Agency require(String agencyId) {
        return directory.find(agencyId).filter(Agency::receives).orElseThrow(() -> new ProblemException(Problem.of(
                "not-found", "No such endpoint", 404, "no agency endpoint '" + agencyId + "' in the directory")));
    }

    /** The depth of the agency's delivery queue. */
    public long queueDepth(String agencyId) {
        return depths.depth(queues.queueFor(agencyId));
    }

    private EndpointStatus status(Agency agency, Map<String, EndpointHealth> health, Set<String> retrying, long depth) {
        EndpointHealth h = health.getOrDefault(agency.id(), EndpointHealth.none(agency.id()));
        String name = agency.name().getOrDefault("en", agency.name().values().stream().findFirst().orElse(agency.id()));
        return new EndpointStatus(agency.id(), name, agency.name().get("cy"), agency.kind().wireName(), agency.endpoint().transport(),
                h.lastSuccessAt(), h.lastFailureAt(), h.lastFailureReason(), h.consecutiveFailures(),
                retrying.contains(agency.id()), h.paused(), depth);
    }
}
