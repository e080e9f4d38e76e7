package wales.safeguarding.hub.police;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import org.apache.camel.Exchange;
import org.jboss.logging.Logger;

import wales.safeguarding.hub.directory.Directory;
import wales.safeguarding.hub.tracking.Acceptance;
import wales.safeguarding.hub.problems.ProblemException;
import wales.safeguarding.schemas.envelope.CanonicalJson;

/**
 * One notice file from a force's SFTP drop folder. A notice the hub accepted moves to {@code done/} with a receipt
 * (the message id and where to track it); a notice that breaks the contract moves to {@code error/} with a receipt
 * naming each element and rule. Anything else (the hub cannot store it now) leaves the file where it is, to be read
 * again at the next poll: a file is never lost, and a notice read twice is still delivered once.
 */
@ApplicationScoped
@Named("policeDropFolder")
public class PoliceDropFolder {

    private static final Logger LOG = Logger.getLogger(PoliceDropFolder.class);

    static final String OUTCOME = "ppnOutcome";
    static final String FORCE = "ppnForce";
    static final String DONE = "done";
    static final String ERROR = "error";

    private final PoliceNotices notices;
    private final Directory directory;

    public PoliceDropFolder(PoliceNotices notices, Directory directory) {
        this.notices = notices;
        this.directory = directory;
    }

    public void receive(Exchange exchange) {
        String forceId = exchange.getProperty(FORCE, String.class);
        String file = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        var force = directory.find(forceId).orElseThrow(() -> new IllegalStateException("no agency " + forceId));
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("file", file);
        try {
            Acceptance accepted = notices.accept(exchange.getIn().getBody(byte[].class), force);
            exchange.setProperty(OUTCOME, DONE);
            receipt.put("outcome", accepted.duplicate() ? "already-accepted" : "accepted");
            receipt.put("messageId", accepted.messageId().toString());
            receipt.put("acceptedAt", accepted.acceptedAt().toString());
            receipt.put("tracking", "/api/v1/messages/" + accepted.messageId());
            LOG.infof("notice file from %s accepted as %s", forceId, accepted.messageId());
        } catch (ProblemException refused) {
            exchange.setProperty(OUTCOME, ERROR);
            receipt.put("outcome", "refused");
            receipt.put("problem", refused.problem());
            LOG.warnf("notice file from %s refused: %s", forceId, refused.problem().title());
        }
        exchange.getIn().setBody(CanonicalJson.write(receipt));
    }
}
