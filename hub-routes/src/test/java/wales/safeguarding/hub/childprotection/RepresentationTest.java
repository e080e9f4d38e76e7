package wales.safeguarding.hub.childprotection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import wales.safeguarding.hub.tracking.ComplianceNote;

/** Representation at review conferences (recommendation 2.2), as a rule over who came before. */
class RepresentationTest {

    private static final List<String> INVITED = List.of("gp-1", "school-1", "police-1");

    @Test
    @DisplayName("2.2: an agency absent from two review conferences running is noted once, when the run reaches two")
    void should_note_an_agency_once_when_its_run_of_absences_reaches_the_threshold() {
        // newest first: gp-1 missed the one before (its second running now); school-1 missed the two before (noted
        // then, not again); police-1 came to the one before
        Map<String, List<Boolean>> before = Map.of("gp-1", List.of(false, true), "school-1", List.of(false, false),
                "police-1", List.of(true, false));

        List<ComplianceNote> notes = Representation.absences("RCPC-3", "review", INVITED, Set.of(),
                before::get, 2);

        assertThat(notes).extracting(ComplianceNote::code).containsExactly("agency-absent");
        assertThat(notes.get(0).en()).contains("RCPC-3", "gp-1", "missed 2 review conferences", "2.2");
        assertThat(notes.get(0).cy()).contains("gp-1", "wedi colli 2 cynhadledd adolygu");
    }

    @Test
    void should_note_nothing_for_an_agency_that_came_an_initial_conference_or_a_first_absence() {
        Map<String, List<Boolean>> none = Map.of("gp-1", List.of(), "school-1", List.of(), "police-1", List.of());

        assertThat(Representation.absences("RCPC-1", "review", INVITED, Set.of("gp-1", "school-1", "police-1"),
                a -> List.of(false, false), 2)).isEmpty();
        assertThat(Representation.absences("ICPC-1", "initial", INVITED, Set.of(), a -> List.of(false), 2)).isEmpty();
        assertThat(Representation.absences("RCPC-1", "review", INVITED, Set.of(), none::get, 2)).isEmpty();
        // a threshold of one notes every first absence
        assertThat(Representation.absences("RCPC-1", "review", INVITED, Set.of("school-1", "police-1"),
                none::get, 1)).extracting(ComplianceNote::en).singleElement().asString().contains("gp-1");
    }
}
