package wales.safeguarding.hub.support;

import java.util.UUID;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Messages of one child's case, made from the contract's examples: fresh ids, one case reference, one conference. */
public final class CaseMessages {

    private final String caseReference = "CCS-" + UUID.randomUUID();
    private final String conferenceId = "ICPC-" + UUID.randomUUID();

    public String caseReference() {
        return caseReference;
    }

    public String conferenceId() {
        return conferenceId;
    }

    /** The example of this type, in this case and conference, with a new id. */
    public ObjectNode of(String type) {
        ObjectNode message = Messages.example("valid/" + type + ".json");
        message.put("messageId", UUID.randomUUID().toString());
        message.put("caseReference", caseReference);
        ObjectNode body = message.with("body");
        if (body.has("conferenceId")) {
            body.put("conferenceId", conferenceId);
        }
        return message;
    }

    /** Sets the message's own recipient list (what the sender names). */
    public static ObjectNode naming(ObjectNode message, String... recipients) {
        ArrayNode list = message.putArray("recipients");
        for (String r : recipients) {
            list.add(r);
        }
        return message;
    }

    /** Keeps only these invitees on an invitation. */
    public static ObjectNode inviting(ObjectNode invitation, String... agencies) {
        ArrayNode invitees = invitation.with("body").putArray("invitees");
        for (String agency : agencies) {
            invitees.addObject().put("agencyId", agency).put("role", "invitee");
        }
        return invitation;
    }
}
