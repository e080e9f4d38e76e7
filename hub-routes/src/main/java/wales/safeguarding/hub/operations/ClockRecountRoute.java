package wales.safeguarding.hub.operations;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.camel.builder.RouteBuilder;

/**
 * Once, soon after each start: count again the running clocks counted with other bank-holiday data than the file
 * loaded now ({@link ClockRecount}; nothing to do, one index walk, when the file did not change).
 */
@ApplicationScoped
public class ClockRecountRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:clock-recount?repeatCount=1&delay={{hub.calendar.recount-delay-ms}}")
                .routeId("clock-recount")
                .autoStartup("{{hub.calendar.recount-enabled}}")
                .bean("clockRecount", "run");
    }
}
