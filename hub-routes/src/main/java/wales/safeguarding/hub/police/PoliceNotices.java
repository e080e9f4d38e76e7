package wales.safeguarding.hub.police;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.adapters.police.PpnMapper;
import wales.safeguarding.adapters.police.PpnMappingException;
import wales.safeguarding.adapters.police.PpnParseResult;
import wales.safeguarding.adapters.police.PpnParser;
import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.AgencyKind;
import wales.safeguarding.hub.intake.MessageIdKey;
import wales.safeguarding.hub.tracking.Acceptance;
import wales.safeguarding.hub.intake.MessageIntake;
import wales.safeguarding.hub.problems.Problem;
import wales.safeguarding.hub.problems.ProblemException;
import wales.safeguarding.hub.tracking.StoredMessage;
import wales.safeguarding.schemas.envelope.DerivedIds;
import wales.safeguarding.schemas.envelope.MessageType;
import wales.safeguarding.schemas.validation.CanonicalValidator;
import wales.safeguarding.schemas.validation.Violation;

/**
 * A police force's Public Protection Notice (PPN, {@code schemas/police/ppn-1.0.xsd}), however it arrives (HTTPS or
 * the SFTP drop folder): parsed with a hardened parser (no DTDs, no external entities, bounded size), mapped to a
 * duty-to-report and accepted through the same intake as every canonical message. A notice sent again is the same
 * message (its id is derived from the force and the notice id, keyed with the hub's {@link MessageIdKey} so no other
 * agency can take it first), so it is delivered once. A force finds its notice by the notice id ({@link #find}).
 */
@ApplicationScoped
public class PoliceNotices {

    private final PpnParser parser = PpnParser.fromClasspath();
    private final CanonicalValidator validator;
    private final MessageIntake intake;
    private final MessageIdKey key;

    public PoliceNotices(MessageIntake intake, MessageIdKey key, CanonicalValidator validator) {
        this.intake = intake;
        this.key = key;
        this.validator = validator;
    }

    /** The duty-to-report this force's notice became, if the hub has it; never another force's. */
    public Optional<StoredMessage> find(Agency force, String noticeId) {
        return key.find(force.id(), MessageType.DUTY_TO_REPORT,
                key.ids().candidates(DerivedIds.POLICE_NOTICE, force.id(), noticeId));
    }

    /** Accepts the notice from this force, or refuses it with a problem naming each element and rule. */
    public Acceptance accept(byte[] xml, Agency force) {
        if (force.kind() != AgencyKind.POLICE) {
            throw new ProblemException(Problem.of("forbidden", "Only police forces send notices", 403,
                    "agency '" + force.id() + "' is not a police force"));
        }
        if (xml.length > PpnParser.MAX_NOTICE_BYTES) {
            throw ProblemException.tooLarge(PpnParser.MAX_NOTICE_BYTES);
        }
        PpnParseResult parsed = parser.parse(xml);
        if (parsed instanceof PpnParseResult.Rejected rejected) {
            List<Violation> violations = rejected.errors().stream()
                    .map(e -> new Violation(e.element(), e.rule(), e.message() + " (line " + e.line() + ")")).toList();
            throw new ProblemException(Problem.of("invalid-notice", "The notice breaks the PPN contract", 400,
                    violations.size() + " error(s); each names the element and the rule", violations));
        }
        var notice = ((PpnParseResult.Accepted) parsed).notice();
        if (!force.id().equals(notice.force())) {
            throw ProblemException.senderMismatch(force.id(), notice.force());
        }
        try {
            UUID id = key.idFor(force.id(), MessageType.DUTY_TO_REPORT, DerivedIds.POLICE_NOTICE, force.id(),
                    notice.noticeId());
            return intake.submit(new PpnMapper(validator, key.ids()).toCanonicalJson(notice, id), force);
        } catch (PpnMappingException e) {
            throw ProblemException.invalid(e.violations());
        }
    }
}
