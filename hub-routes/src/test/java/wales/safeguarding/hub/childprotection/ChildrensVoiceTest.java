package wales.safeguarding.hub.childprotection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.tracking.ComplianceNote;
import wales.safeguarding.schemas.childprotection.ChildInvited;
import wales.safeguarding.schemas.childprotection.ChildRef;
import wales.safeguarding.schemas.childprotection.Participation;
import wales.safeguarding.schemas.validation.Violation;

/** The child's voice at their conference (issue 14 item 5; Wales Safeguarding Procedures section 3 part 2), as rules. */
class ChildrensVoiceTest {

    private static final ChildRef ALYS = child("Alys", "REF-1");
    private static final ChildRef OWAIN = child("Owain", "REF-2");

    private static ChildRef child(String name, String reference) {
        return new ChildRef(name + " Enghraifft", LocalDate.parse("2016-04-12"), null, "W06000010", null, null,
                reference);
    }

    private static ChildInvited invited(String reference) {
        return new ChildInvited(reference, true, true, null);
    }

    @Test
    @DisplayName("3.2: a conference about one child may leave out which child an entry is about")
    void should_read_an_entry_without_a_reference_as_the_only_childs() {
        List<ChildInvited> entries = List.of(new ChildInvited(null, false, true, "child-declined"));

        assertThat(ChildrensVoice.violations(List.of(ALYS), entries)).isEmpty();
        assertThat(ChildrensVoice.invited(List.of(ALYS), entries)).containsExactly(entries.get(0));
    }

    @Test
    @DisplayName("3.1 sibling groups: each entry names its child; an unknown or repeated child refuses the invitation")
    void should_refuse_entries_that_do_not_name_one_child_of_the_invitation_each() {
        List<ChildInvited> entries = List.of(invited(null), invited("REF-9"), invited("REF-2"), invited("REF-2"));

        assertThat(ChildrensVoice.violations(List.of(ALYS, OWAIN), entries))
                .extracting(Violation::pointer, Violation::rule).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("/body/childParticipation/0/childReference",
                                ChildrensVoice.CHILD_NAMED),
                        org.assertj.core.groups.Tuple.tuple("/body/childParticipation/1/childReference",
                                ChildrensVoice.KNOWN_CHILD),
                        org.assertj.core.groups.Tuple.tuple("/body/childParticipation/3",
                                ChildrensVoice.ONE_ENTRY));
    }

    @Test
    @DisplayName("3.2: a child the invitation says nothing of is noted to the council, and recorded as not recorded")
    void should_note_and_record_a_child_without_an_entry() {
        List<ChildInvited> byChild = ChildrensVoice.invited(List.of(ALYS, OWAIN), List.of(invited("REF-2")));

        assertThat(byChild).containsExactly(null, invited("REF-2"));
        List<ComplianceNote> notes = ChildrensVoice.invitationNotes("ICPC-1", true, byChild);
        assertThat(notes).extracting(ComplianceNote::code).containsExactly("child-participation-not-recorded");
        assertThat(notes.get(0).en()).contains("ICPC-1", "1 of the 2 children", "section 3 part 2");
        assertThat(notes.get(0).cy()).contains("1 o'r 2 plentyn");

        Effect.RecordChildrensVoice record = ChildrensVoice.invitationRecord("CASE-1", "council", "ICPC-1", byChild);
        assertThat(record.stage()).isEqualTo(Effect.RecordChildrensVoice.INVITATION);
        assertThat(record.children()).containsExactly(Effect.ChildVoice.NOT_RECORDED,
                new Effect.ChildVoice(true, true, true, null, null));
    }

    @Test
    @DisplayName("Part 10 Code of Practice: a child at an initial conference not offered an advocate is noted")
    void should_note_an_initial_conference_whose_child_was_not_offered_an_advocate() {
        List<ChildInvited> byChild = List.of(new ChildInvited("REF-1", true, false, null),
                new ChildInvited("REF-2", false, false, "age-and-understanding"));

        List<ComplianceNote> initial = ChildrensVoice.invitationNotes("ICPC-1", true, byChild);
        assertThat(initial).extracting(ComplianceNote::code).containsExactly("advocacy-not-offered");
        assertThat(initial.get(0).en()).contains("2 children were not made the active offer", "Part 10");
        // a review conference: the entitlement the code names is to children whose enquiries lead to an initial one
        assertThat(ChildrensVoice.invitationNotes("RCPC-1", false, byChild)).isEmpty();
        assertThat(ChildrensVoice.invitationRecord("CASE-1", "council", "ICPC-1", byChild).children())
                .containsExactly(new Effect.ChildVoice(true, true, false, null, null),
                        new Effect.ChildVoice(true, false, false, null, "age-and-understanding"));
    }

    @Test
    @DisplayName("3.2: an outline plan records how each child took part, and notes a child it says nothing of")
    void should_record_how_each_child_took_part_and_note_the_ones_left_out() {
        List<Participation> byChild = Arrays.asList(new Participation("written-views", true, null),
                new Participation(Participation.DID_NOT_TAKE_PART, false, "age-and-understanding"), null);

        assertThat(ChildrensVoice.outlinePlanNotes("ICPC-1", byChild)).singleElement().satisfies(note -> {
            assertThat(note.code()).isEqualTo("child-participation-not-recorded");
            assertThat(note.en()).contains("1 of the 3 children", "took part");
        });
        assertThat(ChildrensVoice.outlinePlanNotes("ICPC-1", byChild.subList(0, 2))).isEmpty();
        assertThat(ChildrensVoice.outlinePlanRecord("CASE-1", "council", "ICPC-1", byChild).children())
                .containsExactly(new Effect.ChildVoice(true, null, true, "written-views", null),
                        new Effect.ChildVoice(true, null, false, Participation.DID_NOT_TAKE_PART,
                                "age-and-understanding"),
                        Effect.ChildVoice.NOT_RECORDED);
    }
}
