package wales.safeguarding.hub.childprotection;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.AgencyKind;
import wales.safeguarding.hub.directory.Directory;
import wales.safeguarding.hub.rules.ChildCase;
import wales.safeguarding.schemas.childprotection.ChildRef;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.validation.Violation;

/**
 * Finds a child's agencies in the directory: the GP practice by ODS code, the school by school number, the police
 * force covering the child's local authority; falls back to what the case record already knows.
 */
@ApplicationScoped
public class CaseParties {

    private final Directory directory;

    public CaseParties(Directory directory) {
        this.directory = directory;
    }

    public Optional<String> gpPractice(ChildRef child, Optional<ChildCase> known) {
        Optional<String> fromMessage = Optional.ofNullable(child == null ? null : child.gpPractice())
                .flatMap(gp -> directory.byOdsCode(gp.odsCode())).map(Agency::id);
        return fromMessage.or(() -> known.map(ChildCase::gpPractice));
    }

    public Optional<String> school(ChildRef child, Optional<ChildCase> known) {
        // after a school-transfer its new school holds: a later message may still carry the school the child left
        Optional<String> transferred = known.filter(ChildCase::schoolFromTransfer)
                .map(ChildCase::school);
        if (transferred.isPresent()) {
            return transferred;
        }
        Optional<String> fromMessage = Optional.ofNullable(child == null ? null : child.school())
                .flatMap(school -> directory.bySchoolNumber(school.schoolNumber())).map(Agency::id);
        return fromMessage.or(() -> known.map(ChildCase::school));
    }

    public Optional<String> policeForce(ChildRef child, String named, Optional<ChildCase> known) {
        Optional<String> fromMessage = Optional.ofNullable(named).flatMap(directory::find).map(Agency::id)
                .or(() -> Optional.ofNullable(child == null ? null : child.localAuthority())
                        .flatMap(directory::policeForceFor).map(Agency::id));
        return fromMessage.or(() -> known.map(ChildCase::policeForce));
    }

    public Optional<String> council(ChildRef child) {
        return Optional.ofNullable(child == null ? null : child.localAuthority())
                .flatMap(directory::childrensServicesFor).map(Agency::id);
    }

    /** Only children's services send this type; and a case belongs to one council. */
    public Optional<Violation> councilSends(Envelope message, Optional<ChildCase> known) {
        boolean council = directory.find(message.sender()).map(a -> a.kind() == AgencyKind.COUNCIL).orElse(false);
        if (!council) {
            return Optional.of(new Violation("/sender", "council-only-type",
                    message.type().wireName() + " messages are sent by children's services"));
        }
        if (known.isPresent() && !known.get().council().equals(message.sender())) {
            return Optional.of(new Violation("/caseReference", "case-of-sender",
                    "case " + message.caseReference() + " is held by another council"));
        }
        return Optional.empty();
    }

    public Directory directory() {
        return directory;
    }
}
