package wales.safeguarding.hub.delivery;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.camel.builder.RouteBuilder;

import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.Directory;
import wales.safeguarding.hub.endpoints.EndpointHealthStore;

/**
 * One route per agency endpoint: take the next copy from the agency's durable queue, map it with the agency's
 * adapter, send it, record the receipt. For an agency that polls, the copy goes to its inbox instead. Route ids {@code delivery-<agency>}; the call to the agency has id
 * {@code delivery-to-<agency>}.
 */
@ApplicationScoped
public class DeliveryRoute extends RouteBuilder {

    private final Directory directory;
    private final DeliveryQueues queues;
    private final OutboundAdapters adapters;
    private final EndpointHealthStore endpoints;

    public DeliveryRoute(Directory directory, DeliveryQueues queues, OutboundAdapters adapters,
            EndpointHealthStore endpoints) {
        this.directory = directory;
        this.queues = queues;
        this.adapters = adapters;
        this.endpoints = endpoints;
    }

    @Override
    public void configure() {
        // an endpoint an operator paused stays paused: its route does not start until it is resumed
        Set<String> paused = endpoints.pausedAtStart();
        for (Agency agency : directory.receivers()) {
            if (agency.pulls()) {
                from("jms:queue:" + queues.queueFor(agency.id())
                        + "?transacted=true&lazyCreateTransactionManager=false&cacheLevelName=CACHE_CONSUMER")
                        .routeId("delivery-" + agency.id())
                        .autoStartup(!paused.contains(agency.id()))
                        .bean("inbox", "put").id("delivery-to-inbox-" + agency.id());
                continue;
            }
            // A directory entry whose transport no adapter speaks stops the start, not the first delivery.
            adapters.forTransport(agency.endpoint().transport());
            from("jms:queue:" + queues.queueFor(agency.id())
                    + "?transacted=true&lazyCreateTransactionManager=false&cacheLevelName=CACHE_CONSUMER"
                    + "&concurrentConsumers={{hub.delivery.concurrent-consumers}}")
                    .routeId("delivery-" + agency.id())
                    .autoStartup(!paused.contains(agency.id()))
                    .routeConfigurationId(DeliveryErrorPolicy.ID)
                    .bean("deliveryAttempts", "begin")
                    .filter(exchangeProperty(DeliveryAttempts.SKIP).isEqualTo(false))
                        .bean("deliveryAttempts", "toAgencyRequest")
                        .doTry()
                            // the endpoint as the directory has it now: an admin's edit applies to the next delivery
                            .toD("${exchangeProperty." + DeliveryAttempts.AGENCY_URI + "}").id("delivery-to-" + agency.id())
                        .doCatch(Exception.class)
                            .bean("deliveryAttempts", "unreachable")
                        .end()
                        .bean("deliveryAttempts", "recordResponse")
                    .end();
        }
    }

    static String agencyUri(Agency agency) {
        String url = agency.endpoint().url();
        return url + (url.contains("?") ? "&" : "?") + "throwExceptionOnFailure=false";
    }
}
