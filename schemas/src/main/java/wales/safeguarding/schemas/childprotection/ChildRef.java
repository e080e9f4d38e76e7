package wales.safeguarding.schemas.childprotection;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import wales.safeguarding.schemas.dutytoreport.GpPracticeRef;
import wales.safeguarding.schemas.dutytoreport.SchoolRef;

/**
 * A child as the child protection messages name them. {@code localAuthority} is the ONS code
 * (W06...) of the council that holds the case.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChildRef(
        String name,
        LocalDate dateOfBirth,
        String nhsNumber,
        String localAuthority,
        SchoolRef school,
        GpPracticeRef gpPractice,
        String childReference) {

    public ChildRef(String name, LocalDate dateOfBirth, String nhsNumber, String localAuthority, SchoolRef school,
            GpPracticeRef gpPractice) {
        this(name, dateOfBirth, nhsNumber, localAuthority, school, gpPractice, null);
    }
}
