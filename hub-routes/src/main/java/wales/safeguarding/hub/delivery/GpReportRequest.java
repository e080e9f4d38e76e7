package wales.safeguarding.hub.delivery;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Recommendation 1.8 of the 2023 review: GP practices provide a written report for all conferences. The hub tracks
 * the GP's report for every conference, so a GP practice's copy of every conference invitation asks for it
 * ({@code writtenReport.requested: true}), whatever the council's invitation says: due by the council's
 * {@code dueBy} when it gives one, else by the time the hub tracks the GP's report to (the end of the
 * {@code hub.conference.written-report-lead-working-days}th working day before the conference). The copy stays
 * valid against the contract (a requested report has a due date), and the practice reads the date it is chased at.
 */
final class GpReportRequest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private GpReportRequest() {
    }

    /**
     * Makes the GP's copy of a conference-invitation body ask for the written report.
     *
     * @param body               the GP practice's copy of the body (already trimmed), changed in place
     * @param dueBeforeConference when the hub tracks the GP's report to, for a conference starting at the given time
     */
    static void askedOf(ObjectNode body, UnaryOperator<Instant> dueBeforeConference) {
        JsonNode existing = body.get("writtenReport");
        ObjectNode report = existing instanceof ObjectNode object ? object : body.putObject("writtenReport");
        report.put("requested", true);
        if (!report.hasNonNull("dueBy")) {
            Instant startsAt = OffsetDateTime.parse(body.path("meeting").path("startsAt").asText()).toInstant();
            report.put("dueBy", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                    dueBeforeConference.apply(startsAt).atZone(LONDON).toOffsetDateTime()));
        }
    }
}
