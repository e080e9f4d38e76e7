package wales.safeguarding.schemas.dutytoreport;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/** Someone living with the child. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HouseholdMember(String name, String relationship, LocalDate dateOfBirth, String notes) {}
