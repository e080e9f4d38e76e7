package wales.safeguarding.schemas.childprotection;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * Body of {@code school-transfer}: a child moves school, and the safeguarding file follows them to
 * the new school. The old school and the local authority's education service are told of the move
 * without the file (the need-to-know policy's {@code new-school} role is the only one that
 * receives {@code safeguardingFile}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SchoolTransfer(
        ChildRef child,
        TransferSchool oldSchool,
        TransferSchool newSchool,
        LocalDate startsOn,
        SafeguardingFile safeguardingFile) {}
