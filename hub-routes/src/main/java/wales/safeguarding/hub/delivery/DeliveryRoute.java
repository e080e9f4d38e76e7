package wales.safeguarding.hub.delivery;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.camel.builder.RouteBuilder;

/**
 * One delivery attempt of one recipient's copy, for every agency: count the attempt (or skip a copy already
 * delivered, or hold one back behind an earlier copy of the same case), map it with the agency's adapter, send it,
 * record the answer. For an agency that polls, the copy goes to its inbox instead. {@link DeliveryDispatcher} feeds it
 * from the agencies' queues and ends each broker transaction as the outcome says. Route id {@code delivery}; the call
 * to the agency's system has id {@code delivery-to-agency}, the inbox {@code delivery-to-inbox}.
 */
@ApplicationScoped
public class DeliveryRoute extends RouteBuilder {

    static final String ENTRY = "direct:deliver";
    static final String ROUTE_ID = "delivery";

    @Override
    public void configure() {
        from(ENTRY)
                .routeId(ROUTE_ID)
                .routeConfigurationId(DeliveryErrorPolicy.ID)
                .bean("deliveryAttempts", "begin")
                .filter(exchangeProperty(DeliveryAttempts.SKIP).isEqualTo(false))
                    .choice()
                        .when(exchangeProperty(DeliveryAttempts.PULLS).isEqualTo(true))
                            .bean("inbox", "put").id("delivery-to-inbox")
                        .otherwise()
                            .bean("deliveryAttempts", "toAgencyRequest")
                            .doTry()
                                // two endpoints (plain and TLS) for every agency: the URL is the directory's entry now
                                // (Exchange.HTTP_URI), so 2,000 agencies are not 2,000 Camel endpoints, and an admin's
                                // edit applies at once
                                .toD("${exchangeProperty." + DeliveryAttempts.AGENCY_ENDPOINT + "}").id("delivery-to-agency")
                            .doCatch(Exception.class)
                                .bean("deliveryAttempts", "unreachable")
                            .end()
                            .bean("deliveryAttempts", "recordResponse")
                    .end()
                .end();
    }
}
