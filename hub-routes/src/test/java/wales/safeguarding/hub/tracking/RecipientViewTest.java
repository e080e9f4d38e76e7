package wales.safeguarding.hub.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class RecipientViewTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");
    private static final String SENDER = "police-south-wales";
    private static final String COUNCIL = "council-cardiff";
    private static final String GP = "gp-w97001";

    private static MessageStatus status() {
        return new MessageStatus(UUID.randomUUID(), "duty-to-report", SENDER, "CAR-1", null, AT,
                List.of(new MessageStatus.RecipientStatus(COUNCIL, "delivered", 1, null, "CS-77", AT),
                        new MessageStatus.RecipientStatus(GP, "failed", 3, "HTTP 422: name 'Jane' refused", null, AT)),
                List.of(new MessageStatus.ClockStatus("report-acknowledgement", COUNCIL, SENDER, AT, AT, null, 0, null, false),
                        new MessageStatus.ClockStatus("gp-report", GP, COUNCIL, AT, AT, null, 0, null, false),
                        new MessageStatus.ClockStatus("gp-reminder", GP, SENDER, AT, AT, null, 0, null, false)),
                List.of(new AuditRecord(AT, null, "accepted", null, null, "from " + SENDER, SENDER),
                        new AuditRecord(AT, null, "compliance-note", null, null, "late", "hub"),
                        new AuditRecord(AT, COUNCIL, "state-changed", null, "accepted", null, SENDER),
                        new AuditRecord(AT, GP, "state-changed", null, "accepted", null, SENDER),
                        new AuditRecord(AT, GP, "attempt-failed", null, null, "HTTP 422: name 'Jane' refused", "hub"),
                        new AuditRecord(AT, null, "body-read", null, null, "complaint 77", "olwen")));
    }

    @Test
    void should_show_the_sender_every_recipient_clock_and_event() {
        MessageStatus all = status();
        assertThat(RecipientView.of(all, SENDER)).isEqualTo(all);
    }

    @Test
    void should_show_a_recipient_only_its_own_delivery() {
        MessageStatus mine = RecipientView.of(status(), COUNCIL);
        assertThat(mine.recipients()).extracting(MessageStatus.RecipientStatus::agencyId).containsExactly(COUNCIL);
        assertThat(mine.recipients().get(0).recipientReference()).isEqualTo("CS-77");
        assertThat(mine.sender()).isEqualTo(SENDER);
        assertThat(mine.caseReference()).isEqualTo("CAR-1");
    }

    @Test
    void should_never_show_a_recipient_another_recipients_error_text() {
        MessageStatus mine = RecipientView.of(status(), COUNCIL);
        assertThat(mine.toString()).doesNotContain("Jane").doesNotContain("complaint 77");
        assertThat(mine.history()).noneMatch(e -> GP.equals(e.recipient()));
    }

    @Test
    void should_show_a_recipient_the_clocks_it_owes_or_waits_for() {
        assertThat(RecipientView.of(status(), COUNCIL).clocks()).extracting(MessageStatus.ClockStatus::clock)
                .containsExactly("report-acknowledgement", "gp-report");
        assertThat(RecipientView.of(status(), GP).clocks()).extracting(MessageStatus.ClockStatus::clock)
                .containsExactly("gp-report", "gp-reminder");
    }

    @Test
    void should_show_a_recipient_the_accepted_event_and_the_events_naming_it_but_no_other_unnamed_event() {
        assertThat(RecipientView.of(status(), GP).history()).extracting(AuditRecord::event)
                .containsExactly("accepted", "state-changed", "attempt-failed");
        assertThat(RecipientView.of(status(), COUNCIL).history()).extracting(AuditRecord::event)
                .containsExactly("accepted", "state-changed");
    }
}
