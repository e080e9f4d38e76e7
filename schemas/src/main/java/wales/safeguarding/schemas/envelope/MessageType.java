package wales.safeguarding.schemas.envelope;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * The message types of contract 1.x. The wire name is also the name of the body schema:
 * {@code schemas/body/<wireName>.schema.json}.
 */
public enum MessageType {
    DUTY_TO_REPORT("duty-to-report"),
    REPORT_ACKNOWLEDGEMENT("report-acknowledgement"),
    REPORT_OUTCOME("report-outcome"),
    DELIVERY_RECEIPT("delivery-receipt"),
    ACKNOWLEDGEMENT("acknowledgement"),
    ESCALATION("escalation"),
    STRATEGY_MEETING_INVITATION("strategy-meeting-invitation"),
    CONFERENCE_INVITATION("conference-invitation"),
    CONFERENCE_REPORT("conference-report"),
    OUTLINE_PLAN("outline-plan"),
    CONFERENCE_MINUTES("conference-minutes"),
    MINUTES_CORRECTION("minutes-correction"),
    REGISTER_CHANGE("register-change"),
    PLAN_UPDATE("plan-update"),
    INFORMATION_SHARE("information-share"),
    HEALTH_ALERT("health-alert"),
    SCHOOL_ALERT("school-alert"),
    SCHOOL_TRANSFER("school-transfer"),
    SECTION_47_DETERMINATION("section-47-determination"),
    CONFERENCE_CANCELLATION("conference-cancellation"),
    /** Children's services' interim safety plan until the initial conference (recommendation 6.2). */
    SAFETY_PLAN("safety-plan"),
    /** A health agency completed a child's health assessment set at a conference (recommendation 1.7). */
    HEALTH_ASSESSMENT("health-assessment"),
    /** What an agency the hub asked knows of the children, for a strategy discussion. */
    STRATEGY_CONTRIBUTION("strategy-contribution"),
    /** Children's services ask every relevant agency for what it knows, for a discussion held at short notice. */
    STRATEGY_CONTRIBUTION_REQUEST("strategy-contribution-request"),
    /** One agency challenges another's decision about a case (recommendation 5.2). */
    PROFESSIONAL_CHALLENGE("professional-challenge"),
    /** The answer to a professional challenge: agreed, resolved or stepped up to the next stage. */
    CHALLENGE_RESPONSE("challenge-response"),
    /** A council hands a case to another council, as the children move there. */
    CASE_TRANSFER("case-transfer"),
    /**
     * The hub's monthly export of the safeguarding boards' report (per council and per agency, JSON and CSV) to the
     * National Independent Safeguarding Board; sent by the hub only.
     */
    BOARD_REPORT_EXPORT("board-report-export"),
    /** The record of a strategy meeting held: the day, who of its invitees came, what it decided. */
    STRATEGY_MEETING_RECORD("strategy-meeting-record");

    private final String wireName;

    MessageType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static Optional<MessageType> fromWireName(String s) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(s)).findFirst();
    }

    /** Jackson's way in; unknown names fail, so validate with the CanonicalValidator first. */
    @JsonCreator
    public static MessageType ofWireName(String s) {
        return fromWireName(s).orElseThrow(() -> new IllegalArgumentException("unknown message type: " + s));
    }

    @Override
    public String toString() {
        return wireName;
    }
}
