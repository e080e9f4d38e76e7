package wales.safeguarding.hub.intake;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.camel.builder.RouteBuilder;

/**
 * The way in, for every way in: the REST API, police notices (API and drop folder) and GP practices over FHIR each
 * make a canonical message and hand it here with the agency that called. Parse, validate, bind the sender, route and
 * store (one transaction: the message, its copies, its clocks, its history), queue each recipient's copy. A refusal
 * at any step reaches the caller as it was thrown (a problem with the field and the rule) and stores nothing: no
 * error handler retries or swallows it here. Route id {@code intake}; the steps are {@link MessageIntake}'s.
 */
@ApplicationScoped
public class IntakeRoute extends RouteBuilder {

    static final String ENTRY = "direct:intake";

    @Override
    public void configure() {
        from(ENTRY)
                .routeId("intake")
                .errorHandler(noErrorHandler())
                .bean("messageIntake", "parse").id("intake-parse")
                .bean("messageIntake", "validate").id("intake-validate")
                .bean("messageIntake", "bindSender").id("intake-bind-sender")
                .bean("messageIntake", "store").id("intake-store")
                .bean("messageIntake", "queue").id("intake-queue");
    }
}
