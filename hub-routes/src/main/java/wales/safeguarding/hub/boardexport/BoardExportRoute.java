package wales.safeguarding.hub.boardexport;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.camel.builder.RouteBuilder;

/**
 * Every {@code hub.national-board.check-interval-ms} (and {@code hub.national-board.start-delay-ms} after start, so a
 * hub that was down catches up), send the monthly board report exports that are due ({@link BoardExports#sweep}).
 */
@ApplicationScoped
public class BoardExportRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:board-export?period={{hub.national-board.check-interval-ms}}"
                + "&delay={{hub.national-board.start-delay-ms}}")
                .routeId("board-export-sweep")
                .bean("boardExports", "sweep");
    }
}
