package wales.safeguarding.schemas.transfer;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import wales.safeguarding.schemas.childprotection.ChildRef;
import wales.safeguarding.schemas.childprotection.KeyContact;

/**
 * Body of {@code case-transfer}: the council that holds a case hands it to {@code receivingCouncil} because the
 * children moved there. The receiving council receives all of it and acknowledges it; the children's agencies learn
 * only who now holds the case (the need-to-know policy withholds the plan, the core group and the register detail).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseTransfer(
        String receivingCouncil,
        Reason reason,
        LocalDate transferOn,
        List<TransferChild> children,
        PlanSummary plan,
        List<Member> coreGroup,
        KeyContacts keyContacts) {

    public static final String PERMANENT_MOVE = "permanent-move";
    public static final String PLACEMENT = "placement";
    public static final String OTHER = "other";

    /** Why the case moves: {@value #PERMANENT_MOVE}, {@value #PLACEMENT} or {@value #OTHER} (with a detail). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reason(String kind, String detail) {
    }

    /**
     * A child of the case and their register status; {@code receivingChildReference}, the receiving council's own
     * reference for the child when it gave one (the hub knows the child by it from the transfer on).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TransferChild(ChildRef child, boolean registered, LocalDate registeredOn,
            List<String> categoriesOfHarm, String receivingChildReference) {
    }

    /** The plan as it stands. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PlanSummary(String summary, LocalDate lastReviewedOn, LocalDate nextReviewDue) {
    }

    /** A core group member; {@code agencyId} when their agency is in the hub directory. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Member(String name, String role, String agencyId) {
    }

    /** The key contact at each council. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record KeyContacts(KeyContact sending, KeyContact receiving) {
    }
}
