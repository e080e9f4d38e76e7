package wales.safeguarding.hub.boardexport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.rules.CaseFacts;
import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.rules.FlowRules;
import wales.safeguarding.hub.rules.Routing;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.MessageType;
import wales.safeguarding.schemas.oversight.BoardReportExport;
import wales.safeguarding.schemas.validation.Violation;

/**
 * The monthly board-report-export (issue 15 item 5): made by the hub only, to the agency it names (the National
 * Independent Safeguarding Board, {@code hub.national-board.agency}). Its acceptance starts the clock
 * {@value #CLOCK} for that agency, subject the month: its acknowledgement is owed within
 * {@code hub.national-board.acknowledgement-working-days} and, when it does not come, the normal ladder escalates to
 * the board's own contacts ({@code hub.clocks.board-report-export-acknowledgement.ladder}). The acknowledgement
 * ({@link wales.safeguarding.hub.acknowledgement.AcknowledgementRules}) meets it.
 */
@ApplicationScoped
public class BoardExportRules implements FlowRules {

    /** The clock of the national board's acknowledgement: {@code <type>-acknowledgement}, as acknowledgements meet. */
    public static final String CLOCK = MessageType.BOARD_REPORT_EXPORT.wireName() + "-acknowledgement";

    @Override
    public Set<MessageType> types() {
        return Set.of(MessageType.BOARD_REPORT_EXPORT);
    }

    @Override
    public Routing route(Envelope message, CaseFacts facts) {
        if (!Routing.HUB.equals(message.sender())) {
            return Routing.refused(new Violation("/type", "hub-only-type",
                    "board-report-export messages are made by the hub, not sent to it"));
        }
        if (message.recipients() == null || message.recipients().isEmpty()) {
            return Routing.refused(new Violation("/recipients", "at-least-one-recipient",
                    "the export names the national board it goes to"));
        }
        return Routing.to(List.of());
    }

    @Override
    public List<Effect> accepted(Envelope stored, Instant at, CaseFacts facts) {
        String month = CanonicalJson.bodyAs(stored, BoardReportExport.class).period().month();
        List<Effect> effects = new ArrayList<>();
        for (String board : stored.recipients()) {
            // the board owes it; nobody else waits but the hub, so the ladder's notices go to the board's contacts
            effects.add(new Effect.StartClock(CLOCK, null, month, board, board, at));
        }
        return effects;
    }
}
