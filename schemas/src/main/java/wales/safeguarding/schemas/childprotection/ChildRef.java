package wales.safeguarding.schemas.childprotection;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import wales.safeguarding.schemas.dutytoreport.GpPracticeRef;
import wales.safeguarding.schemas.dutytoreport.SchoolRef;

/**
 * A child as the child protection messages name them. {@code localAuthority} is the ONS code
 * (W06...) of the council that holds the case. {@code childReference} is the council's own opaque
 * reference for the child (never an NHS number): it tells brothers and sisters apart when a message
 * is about a sibling group. {@code otherProvision}: the education providers the child attends besides
 * their school (a pupil referral unit, an EOTAS provider, a youth justice or youth support service),
 * by directory id; null when the message does not say (the case keeps what it knew), empty when it
 * says there are none.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChildRef(
        String name,
        LocalDate dateOfBirth,
        String nhsNumber,
        String localAuthority,
        SchoolRef school,
        GpPracticeRef gpPractice,
        List<ProvisionRef> otherProvision,
        String childReference) {

    public ChildRef {
        otherProvision = otherProvision == null ? null : List.copyOf(otherProvision);
    }

    /** A child without the council's reference (contract 1.0). */
    public ChildRef(String name, LocalDate dateOfBirth, String nhsNumber, String localAuthority, SchoolRef school,
            GpPracticeRef gpPractice) {
        this(name, dateOfBirth, nhsNumber, localAuthority, school, gpPractice, null, null);
    }

    /** A child whose message names no other education provider. */
    public ChildRef(String name, LocalDate dateOfBirth, String nhsNumber, String localAuthority, SchoolRef school,
            GpPracticeRef gpPractice, String childReference) {
        this(name, dateOfBirth, nhsNumber, localAuthority, school, gpPractice, null, childReference);
    }

    /** One education provider a child attends besides their school, by its hub directory id. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProvisionRef(String agencyId) {
    }
}
