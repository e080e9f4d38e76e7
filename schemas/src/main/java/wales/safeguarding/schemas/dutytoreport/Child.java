package wales.safeguarding.schemas.dutytoreport;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * A child the report concerns. {@code localAuthority} is the ONS code (W06...) of the council
 * responsible.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Child(
        String name,
        LocalDate dateOfBirth,
        String nhsNumber,
        Address address,
        String localAuthority,
        SchoolRef school,
        GpPracticeRef gpPractice) {}
