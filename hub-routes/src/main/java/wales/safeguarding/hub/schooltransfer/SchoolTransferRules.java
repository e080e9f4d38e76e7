package wales.safeguarding.hub.schooltransfer;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.childprotection.CaseParties;
import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.rules.CaseFacts;
import wales.safeguarding.hub.rules.CaseRecord;
import wales.safeguarding.hub.rules.ChildRecord;
import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.rules.FlowRules;
import wales.safeguarding.hub.rules.Routing;
import wales.safeguarding.schemas.childprotection.SchoolTransfer;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.MessageType;

/**
 * A child moves school and the safeguarding file follows (recommendation 1.9).
 * <ul>
 * <li>Only the children's services that hold the case (or, for a case the hub has not seen, of the child's local
 * authority) send it; the old school must be the one the case record gives; the new school must be a school the hub
 * can deliver to.</li>
 * <li>It reaches the new school, with the file; the old school and the education service of each school's area (both
 * councils' when the child crosses the border between them), with a notice of who moved, from where, to where and
 * when, and no file (the need-to-know policy's {@code new-school} role).</li>
 * <li>Acceptance makes the new school the case's school, moves the school's place in the core group from the old
 * school to the new one, and starts the {@code school-transfer-acknowledgement} clock owed by the new school to the
 * council, which its {@code acknowledgement} of the transfer meets.</li>
 * </ul>
 */
@ApplicationScoped
public class SchoolTransferRules implements FlowRules {

    /** The new school's acknowledgement of the file: {@code <type>-acknowledgement}, met by an acknowledgement. */
    public static final String ACKNOWLEDGEMENT_CLOCK = "school-transfer-acknowledgement";

    private final CaseParties parties;
    private final TransferParties transfers;

    public SchoolTransferRules(CaseParties parties, TransferParties transfers) {
        this.parties = parties;
        this.transfers = transfers;
    }

    @Override
    public Set<MessageType> types() {
        return Set.of(MessageType.SCHOOL_TRANSFER);
    }

    @Override
    public Routing route(Envelope message, CaseFacts facts) {
        Optional<CaseRecord> known = facts.caseOf(message.caseReference());
        SchoolTransfer body = CanonicalJson.bodyAs(message, SchoolTransfer.class);
        TransferParties.Resolution transfer = transfers.resolve(message.sender(), body, known,
                CaseParties.known(known, parties.keyOf(body.child(), known)));
        return parties.councilSends(message, known).map(Routing::refused).orElseGet(() -> new Routing(
                transfer.violations().isEmpty() ? transfer.recipients() : List.of(), transfer.violations(),
                transfer.notes()));
    }

    @Override
    public List<Effect> accepted(Envelope message, Instant at, CaseFacts facts) {
        SchoolTransfer body = CanonicalJson.bodyAs(message, SchoolTransfer.class);
        Optional<CaseRecord> known = facts.caseOf(message.caseReference());
        String key = parties.keyOf(body.child(), known);
        Optional<ChildRecord> child = CaseParties.known(known, key);
        TransferParties.Resolution transfer = transfers.resolve(message.sender(), body, known, child);
        String newSchool = transfer.newSchool().map(Agency::id).orElseThrow();
        String oldSchool = child.map(ChildRecord::school)
                .orElse(transfer.oldSchool().map(Agency::id).orElse(null));
        return List.of(
                new Effect.RememberCase(message.caseReference(), message.sender()),
                new Effect.RememberChild(message.caseReference(), key,
                        parties.gpPractice(body.child(), child).orElse(null), null, null),
                new Effect.MoveSchool(message.caseReference(), key, newSchool),
                new Effect.MoveCoreGroupSchool(message.caseReference(), oldSchool, newSchool),
                new Effect.StartClock(ACKNOWLEDGEMENT_CLOCK, message.caseReference(), null, newSchool,
                        message.sender(), at));
    }
}
