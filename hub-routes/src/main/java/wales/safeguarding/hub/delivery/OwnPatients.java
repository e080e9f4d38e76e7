package wales.safeguarding.hub.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.AgencyKind;

/**
 * A GP practice receives only its own patients (need-to-know, issue 10): when a message about a sibling group names
 * each child's GP practice ({@code body.children[*].gpPractice.odsCode}, or {@code .child.gpPractice.odsCode} for an
 * outline plan's decision per child), the practice's copy keeps only the children whose practice it is, by the ODS
 * code the directory gives it. When none of them is its patient (a practice invited as an ordinary invitee), the
 * children stay as the need-to-know policy gives them to every GP practice. Other recipients are not touched.
 */
final class OwnPatients {

    private OwnPatients() {
    }

    /** The message, its {@code body.children} narrowed to the practice's own patients when it is a GP practice's. */
    static ObjectNode only(Agency recipient, ObjectNode message) {
        if (recipient.kind() != AgencyKind.GP_PRACTICE || recipient.odsCode() == null
                || !(message.path("body").path("children") instanceof ArrayNode children)) {
            return message;
        }
        ArrayNode own = children.arrayNode();
        for (JsonNode child : children) {
            if (recipient.odsCode().equalsIgnoreCase(odsCode(child))) {
                own.add(child);
            }
        }
        if (!own.isEmpty() && own.size() < children.size()) {
            ((ObjectNode) message.get("body")).set("children", own);
        }
        return message;
    }

    /** The ODS code of a child's GP practice: a child reference's own, or that of the child a decision is about. */
    private static String odsCode(JsonNode child) {
        JsonNode gp = child.has("gpPractice") ? child.path("gpPractice") : child.path("child").path("gpPractice");
        return gp.path("odsCode").asText(null);
    }
}
