package wales.safeguarding.hub.casetransfer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.childprotection.CaseParties;
import wales.safeguarding.hub.childprotection.ConferenceRules;
import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.AgencyKind;
import wales.safeguarding.hub.rules.CaseFacts;
import wales.safeguarding.hub.rules.CaseRecord;
import wales.safeguarding.hub.rules.ChildRecord;
import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.rules.FlowRules;
import wales.safeguarding.hub.rules.Routing;
import wales.safeguarding.schemas.childprotection.ChildRef;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.MessageType;
import wales.safeguarding.schemas.transfer.CaseTransfer;
import wales.safeguarding.schemas.validation.Violation;

/**
 * A council hands a case to another council because the children moved there (Wales Safeguarding Procedures,
 * children at risk, section 4, "children who move between local authority areas",
 * safeguarding.wales/en/chi-i/chi-i-c4/c4-p10).
 * <ul>
 * <li>Only the council that holds the case sends it (for a case the hub has not seen, any council); the receiving
 * council must be another council of the directory.</li>
 * <li>It reaches the receiving council, with everything; and every party of the case, told who now holds it (the
 * need-to-know policy withholds the plan, the core group and the register detail): each child's GP practice, school
 * and police force, both as the case knew them and as the message gives them in the new area, the health boards and
 * education services of both councils' areas, the case's core group and the core group members the message
 * names.</li>
 * <li>Acceptance records the children (their new agencies) and their register status, adds the named core group
 * members, makes the receiving council the case's holder, hands the case's review conference and core group clocks
 * owed by the sending council to the receiving council (their deadlines stay: the next review is now the receiving
 * council's), and starts two clocks owed by the receiving council to the sending one: its
 * {@value #ACKNOWLEDGEMENT_CLOCK}, met by its {@code acknowledgement}, and, when a child is on the register, the
 * {@value #TRANSFER_IN_CONFERENCE} ("within 15 working days of the notification", hub.transfer.conference-working-days),
 * met by the outline plan of the first conference the receiving council holds for the case.</li>
 * <li>A child given the receiving council's own reference ({@code receivingChildReference}) is known by it from then
 * on, wherever the case stores the child ({@link Effect.RenameChild}), so that the receiving council's messages about
 * the child find the same child of the case; a reference given to two children, or that another child of the case is
 * known by, is refused ({@code one-child-per-reference}).</li>
 * </ul>
 */
@ApplicationScoped
public class CaseTransferRules implements FlowRules {

    /** The receiving council's acknowledgement: {@code <type>-acknowledgement}, met by an acknowledgement. */
    public static final String ACKNOWLEDGEMENT_CLOCK = "case-transfer-acknowledgement";
    /** The receiving council's transfer-in child protection conference. */
    public static final String TRANSFER_IN_CONFERENCE = ConferenceRules.TRANSFER_IN_CONFERENCE;
    /**
     * The clocks of the case that pass to the receiving council: the next review conference and the core group
     * meetings (those the registration and the outline plans started). The minutes and outline plans of conferences
     * the sending council held stay owed by it.
     */
    public static final List<String> HANDED_OVER = List.of("first-review-conference", "review-conference",
            "first-core-group", "core-group");

    private final CaseParties parties;

    public CaseTransferRules(CaseParties parties) {
        this.parties = parties;
    }

    @Override
    public Set<MessageType> types() {
        return Set.of(MessageType.CASE_TRANSFER);
    }

    @Override
    public Routing route(Envelope message, CaseFacts facts) {
        Optional<CaseRecord> known = facts.caseOf(message.caseReference());
        Optional<Violation> notHolder = parties.councilSends(message, known);
        if (notHolder.isPresent()) {
            return Routing.refused(notHolder.get());
        }
        CaseTransfer body = CanonicalJson.bodyAs(message, CaseTransfer.class);
        Optional<Violation> receiving = receivingCouncil(message, body);
        if (receiving.isPresent()) {
            return Routing.refused(receiving.get());
        }
        Optional<Violation> references = receivingReferences(body, known);
        if (references.isPresent()) {
            return Routing.refused(references.get());
        }
        return Routing.to(recipients(message, body, known, facts));
    }

    /**
     * The receiving council's references for the children: one child each, and none another child's key in the case
     * (the hub would take two children for one).
     */
    private Optional<Violation> receivingReferences(CaseTransfer body, Optional<CaseRecord> known) {
        List<ChildRef> children = children(body);
        List<String> keys = parties.keysOf(children, known);
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < children.size(); i++) {
            String reference = body.children().get(i).receivingChildReference();
            if (reference == null) {
                continue;
            }
            String at = "/body/children/" + i + "/receivingChildReference";
            if (!seen.add(reference)) {
                return Optional.of(new Violation(at, "one-child-per-reference",
                        "two children of the transfer have this reference"));
            }
            String key = keys.get(i);
            boolean another = known.map(k -> k.children().stream().map(ChildRecord::key)
                    .anyMatch(other -> other.equals(reference) && !other.equals(key))).orElse(false)
                    || keys.stream().anyMatch(other -> other.equals(reference) && !other.equals(key));
            if (another) {
                return Optional.of(new Violation(at, "one-child-per-reference",
                        "another child of the case is known by this reference"));
            }
        }
        return Optional.empty();
    }

    private Optional<Violation> receivingCouncil(Envelope message, CaseTransfer body) {
        boolean council = parties.directory().find(body.receivingCouncil())
                .map(a -> a.kind() == AgencyKind.COUNCIL).orElse(false);
        if (!council) {
            return Optional.of(new Violation("/body/receivingCouncil", "known-council",
                    "must be the agency id of children's services in the hub directory"));
        }
        if (body.receivingCouncil().equals(message.sender())) {
            return Optional.of(new Violation("/body/receivingCouncil", "not-self",
                    "must be another council than the sender"));
        }
        return Optional.empty();
    }

    /** The receiving council first, then every party of the case, old and new; never the sender. */
    private List<String> recipients(Envelope message, CaseTransfer body, Optional<CaseRecord> known,
            CaseFacts facts) {
        Set<String> to = new LinkedHashSet<>();
        to.add(body.receivingCouncil());
        List<ChildRef> children = children(body);
        List<String> keys = parties.keysOf(children, known);
        for (int i = 0; i < children.size(); i++) {
            ChildRef child = children.get(i);
            Optional<ChildRecord> was = CaseParties.known(known, keys.get(i));
            was.ifPresent(k -> {
                to.add(k.gpPractice());
                to.add(k.school());
                to.addAll(parties.otherProvision(null, was));
                to.add(k.policeForce());
            });
            parties.gpPractice(child, Optional.empty()).ifPresent(to::add);
            parties.educators(child, Optional.empty()).forEach(to::add);
            parties.policeForce(child, null, Optional.empty()).ifPresent(to::add);
            parties.healthBoard(child, body.receivingCouncil()).ifPresent(to::add);
            educationService(child == null ? null : child.localAuthority()).ifPresent(to::add);
        }
        parties.healthBoard(null, message.sender()).ifPresent(to::add);
        educationService(parties.directory().find(message.sender()).map(Agency::localAuthority).orElse(null))
                .ifPresent(to::add);
        to.addAll(facts.coreGroup(message.caseReference()));
        to.addAll(coreGroupAgencies(body));
        to.remove(null);
        to.remove(message.sender());
        return new ArrayList<>(to);
    }

    private Optional<String> educationService(String localAuthority) {
        return parties.directory().educationServiceFor(localAuthority).map(Agency::id);
    }

    /** The core group members' agencies that the directory knows, other than councils. */
    private List<String> coreGroupAgencies(CaseTransfer body) {
        return (body.coreGroup() == null ? List.<CaseTransfer.Member>of() : body.coreGroup()).stream()
                .map(CaseTransfer.Member::agencyId).filter(Objects::nonNull).distinct()
                .map(id -> parties.directory().find(id)).flatMap(Optional::stream)
                .filter(a -> a.kind() != AgencyKind.COUNCIL).map(Agency::id).toList();
    }

    private static List<ChildRef> children(CaseTransfer body) {
        return body.children().stream().map(CaseTransfer.TransferChild::child).toList();
    }

    @Override
    public List<Effect> accepted(Envelope message, Instant at, CaseFacts facts) {
        CaseTransfer body = CanonicalJson.bodyAs(message, CaseTransfer.class);
        String caseRef = message.caseReference();
        String receiving = body.receivingCouncil();
        List<ChildRef> children = children(body);
        List<String> keys = parties.keysOf(children, facts.caseOf(caseRef));
        List<Effect> effects = new ArrayList<>(parties.rememberChildren(message, children, facts));
        for (int i = 0; i < children.size(); i++) {
            effects.add(new Effect.SetRegistered(caseRef, keys.get(i), body.children().get(i).registered()));
        }
        List<String> members = coreGroupAgencies(body);
        if (!members.isEmpty()) {
            effects.add(new Effect.AddMembers(caseRef, Effect.AddMembers.CORE_GROUP, null, members));
        }
        effects.add(new Effect.TransferCase(caseRef, receiving));
        effects.add(new Effect.HandOverClocks(caseRef, HANDED_OVER, message.sender(), receiving));
        effects.add(new Effect.StartClock(ACKNOWLEDGEMENT_CLOCK, caseRef, null, receiving, message.sender(), at));
        if (body.children().stream().anyMatch(CaseTransfer.TransferChild::registered)) {
            effects.add(new Effect.StartClock(TRANSFER_IN_CONFERENCE, caseRef, null, receiving, message.sender(), at));
        }
        // last: every effect above wrote the child under the key the case knew; from now on the receiving council's
        for (int i = 0; i < children.size(); i++) {
            String reference = body.children().get(i).receivingChildReference();
            if (reference != null && !reference.equals(keys.get(i))) {
                effects.add(new Effect.RenameChild(caseRef, keys.get(i), reference));
            }
        }
        return effects;
    }
}
