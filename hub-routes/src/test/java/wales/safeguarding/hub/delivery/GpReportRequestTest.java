package wales.safeguarding.hub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Issue 10 defect 9 (recommendation 1.8): a GP practice's copy of every conference invitation asks for its report. */
class GpReportRequestTest {

    private static final Instant HUB_DUE = Instant.parse("2027-01-01T00:00:00Z");

    @Test
    @DisplayName("issue 10 defect 9: requested false without a date: the GP's copy asks, due when the hub tracks it to")
    void should_ask_the_gp_by_the_hubs_due_time_when_the_council_asked_for_no_report() {
        ObjectNode body = invitation("2027-01-05T10:00:00Z");
        body.putObject("writtenReport").put("requested", false);
        AtomicReference<Instant> conference = new AtomicReference<>();

        GpReportRequest.askedOf(body, startsAt -> {
            conference.set(startsAt);
            return HUB_DUE;
        });

        assertThat(conference.get()).isEqualTo(Instant.parse("2027-01-05T10:00:00Z"));
        assertThat(body.get("writtenReport").toString()).isEqualTo("{\"requested\":true,\"dueBy\":\"2027-01-01T00:00:00Z\"}");
    }

    @Test
    @DisplayName("issue 10 defect 9: the hub's due time is written in London time, with seconds (RFC 3339)")
    void should_write_the_due_time_in_london_time() {
        ObjectNode body = invitation("2027-06-15T10:00:00+01:00");
        body.putObject("writtenReport").put("requested", false);

        GpReportRequest.askedOf(body, startsAt -> Instant.parse("2027-06-12T23:00:00Z"));

        assertThat(body.at("/writtenReport/dueBy").asText()).isEqualTo("2027-06-13T00:00:00+01:00");
    }

    @Test
    @DisplayName("issue 10 defect 9: requested false with the council's date: the GP's copy asks by that date")
    void should_keep_the_councils_due_date() {
        ObjectNode body = invitation("2027-01-05T10:00:00Z");
        body.putObject("writtenReport").put("requested", false).put("dueBy", "2026-12-30T17:00:00Z");

        GpReportRequest.askedOf(body, startsAt -> HUB_DUE);

        assertThat(body.get("writtenReport").toString()).isEqualTo("{\"requested\":true,\"dueBy\":\"2026-12-30T17:00:00Z\"}");
    }

    @Test
    @DisplayName("issue 10 defect 9: a report the council requested is left as it asked")
    void should_leave_a_requested_report_as_it_is() {
        ObjectNode body = invitation("2027-01-05T10:00:00Z");
        body.putObject("writtenReport").put("requested", true).put("dueBy", "2026-12-30T17:00:00+00:00");
        String before = body.toString();

        GpReportRequest.askedOf(body, startsAt -> HUB_DUE);

        assertThat(body.toString()).isEqualTo(before);
    }

    private static ObjectNode invitation(String startsAt) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("meeting").put("startsAt", startsAt);
        return body;
    }
}
