package wales.safeguarding.hub.childprotection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import wales.safeguarding.hub.calendar.WorkingDayCalendar;
import wales.safeguarding.hub.rules.CaseFacts;
import wales.safeguarding.hub.rules.Routing;
import wales.safeguarding.hub.tracking.StoredMessage;
import wales.safeguarding.schemas.childprotection.ChildRef;
import wales.safeguarding.schemas.childprotection.Invitee;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.MessageType;
import wales.safeguarding.schemas.validation.Violation;

/** The small readings of a child protection message every rule of this package makes. */
final class MessageParts {

    private MessageParts() {
    }

    static <T> T body(Envelope message, Class<T> type) {
        return CanonicalJson.bodyAs(message, type);
    }

    /** The agencies of a list of invitees (core group members), in order. */
    static List<String> agencies(List<Invitee> invitees) {
        List<String> ids = new ArrayList<>();
        if (invitees != null) {
            invitees.forEach(i -> ids.add(i.agencyId()));
        }
        return ids;
    }

    /** The recipients the sender named. */
    static List<String> named(Envelope message) {
        return message.recipients() == null ? List.of() : message.recipients();
    }

    static List<ChildRef> children(List<ChildRef> children) {
        return children == null ? List.of() : children;
    }

    /** A day's events (a conference held, a core group met) count from noon of that day, Welsh time. */
    static Instant noonOf(LocalDate day) {
        return day.atTime(LocalTime.NOON).atZone(WorkingDayCalendar.LONDON).toInstant();
    }

    /** The answer goes back to the sender of the message it answers, which the hub sent to the answer's sender. */
    static Routing answerTo(CaseFacts facts, Envelope answer, MessageType answered, String rule, String what) {
        Optional<StoredMessage> original = facts.answered(answer, answered);
        return original.map(o -> Routing.to(List.of(o.sender()))).orElseGet(() -> Routing.refused(
                new Violation("/correlationId", rule, "must be the messageId of " + what)));
    }
}
