package wales.safeguarding.hub.intake;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Set;

import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.MessageType;

/**
 * The rules of one flow: who its messages must reach beyond those the sender names, what they must not break, and
 * what their acceptance starts or stops (clocks, case records). Both steps run inside the intake's transaction, so a
 * refusal leaves nothing behind.
 */
public interface FlowRules {

    /** The message types these rules are for. */
    Set<MessageType> types();

    /** The recipients the rules require, the rules the message breaks, and any compliance notes. */
    Routing route(Connection c, Envelope message) throws SQLException;

    /** What the accepted message starts or stops; {@code stored} carries its recipients and acceptance time. */
    void accepted(Connection c, Envelope stored, Instant at) throws SQLException;
}
