package wales.safeguarding.hub.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ComplianceNoteTest {

    @Test
    void should_read_back_a_note_from_the_history_in_both_languages() {
        ComplianceNote note = new ComplianceNote("gp-added", "The hub added gp-z99001.", "Ychwanegodd yr hwb gp-z99001.");
        assertThat(ComplianceNote.fromDetail(note.detail())).isEqualTo(note);
    }

    @Test
    void should_keep_an_unreadable_history_line_whole() {
        assertThat(ComplianceNote.fromDetail("something else")).extracting(ComplianceNote::en).isEqualTo("something else");
    }
}
