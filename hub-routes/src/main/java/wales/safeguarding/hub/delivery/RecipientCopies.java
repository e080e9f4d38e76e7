package wales.safeguarding.hub.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import wales.safeguarding.hub.calendar.StatutoryClocks;
import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.AgencyKind;
import wales.safeguarding.hub.directory.Directory;
import wales.safeguarding.hub.schooltransfer.TransferParties;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.MessageType;
import wales.safeguarding.schemas.policy.NeedToKnowPolicy;

/**
 * Each recipient gets only what it needs: its copy of a message keeps the body fields the need-to-know policy
 * ({@code schemas/policy/need-to-know.json}) gives its kind of agency, and a safeguarding board's copy names no
 * child. A recipient with a role in the message gets its role's part instead (the new school of a school transfer
 * receives the safeguarding file; the old school, also a school, does not). The hub keeps the whole message; only the copies on the delivery queues are trimmed.
 * A GP practice's copy of a conference invitation always asks for its written report (recommendation 1.8,
 * {@link GpReportRequest}). Intake checks each recipient's adapter can send the copy made here
 * ({@code intake.Deliverability}).
 */
@ApplicationScoped
public class RecipientCopies {

    private final NeedToKnowPolicy policy = NeedToKnowPolicy.fromClasspath();
    private final Directory directory;
    private final TransferParties transfers;
    private final StatutoryClocks calendar;
    private final int reportLeadDays;

    public RecipientCopies(Directory directory, TransferParties transfers, StatutoryClocks calendar,
            @ConfigProperty(name = "hub.conference.written-report-lead-working-days") int reportLeadDays) {
        this.directory = directory;
        this.transfers = transfers;
        this.calendar = calendar;
        this.reportLeadDays = reportLeadDays;
    }

    public byte[] copyFor(String type, String recipient, byte[] message) {
        Agency agency = directory.find(recipient)
                .orElseThrow(() -> new IllegalStateException("recipient '" + recipient + "' left the directory"));
        MessageType messageType = MessageType.fromWireName(type)
                .orElseThrow(() -> new IllegalStateException("unknown message type '" + type + "'"));
        try {
            ObjectNode envelope = (ObjectNode) CanonicalJson.mapper().readTree(message);
            JsonNode body = envelope.get("body");
            JsonNode copy = policy.bodyFor(messageType, agency.kind().wireName(), role(messageType, agency, body), body);
            if (messageType == MessageType.CONFERENCE_INVITATION && agency.kind() == AgencyKind.GP_PRACTICE
                    && copy instanceof ObjectNode invitation) {
                GpReportRequest.askedOf(invitation, startsAt -> calendar.dueBefore(startsAt, reportLeadDays).dueAt());
            }
            envelope.set("body", copy);
            if (agency.kind() == AgencyKind.SAFEGUARDING_BOARD) {
                envelope.remove("childReference");
            }
            return CanonicalJson.mapper().writeValueAsBytes(envelope);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + recipient + "'s copy of a " + type, e);
        }
    }

    /** The recipient's role in this message where the policy gives one (the new school of a transfer), else null. */
    private String role(MessageType type, Agency recipient, JsonNode body) {
        return type == MessageType.SCHOOL_TRANSFER && transfers.isNewSchool(recipient, body) ? TransferParties.NEW_SCHOOL
                : null;
    }
}
