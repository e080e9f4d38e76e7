package wales.safeguarding.hub.childprotection;

import static wales.safeguarding.hub.childprotection.MessageParts.children;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.rules.CaseFacts;
import wales.safeguarding.hub.rules.CaseRecord;
import wales.safeguarding.hub.rules.ChildRecord;
import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.rules.Routing;
import wales.safeguarding.schemas.childprotection.ChildDecision;
import wales.safeguarding.schemas.childprotection.HealthAssessment;
import wales.safeguarding.schemas.childprotection.ChildRef;
import wales.safeguarding.schemas.childprotection.ConferenceInvitation;
import wales.safeguarding.schemas.childprotection.OutlinePlan;
import wales.safeguarding.schemas.childprotection.Participation;
import wales.safeguarding.schemas.childprotection.RegisterChange;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.DerivedIds;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.MessageType;
import wales.safeguarding.schemas.validation.Violation;

/**
 * The register decisions of an outline plan, child by child: the children its {@code children} list names, else
 * every child of the case under the top-level decision.
 * <ul>
 * <li>A child on the register whom the conference takes off it must have their eligible care and support needs and a
 * contingency plan (recommendation 1.2): the child's own entry, else the top level. Without them the outline plan is
 * refused.</li>
 * <li>Every change of a child's registration reaches the child's GP practice (a FHIR practice's Flag is raised or
 * ended), school and police force: the hub makes a {@code register-change} for each such child, from the council,
 * routed as a council's own, stored and queued with the outline plan. A change the hub could not make (nothing is
 * known of the child, or no party of theirs can receive it) refuses the outline plan rather than accept half.</li>
 * </ul>
 */
final class RegisterDecisions {

    static final String REMOVAL_RULE = "removal-needs-eligible-needs-and-contingency-plan";

    /**
     * The conference's decision for one child. {@code child} is null when neither the outline plan nor the
     * conference's invitation names the child; {@code pointer} is where the decision is in the outline plan.
     */
    record Decision(String key, Optional<ChildRecord> known, ChildRef child, boolean registered,
            List<String> categoriesOfHarm, String eligibleNeeds, String contingencyPlan, String pointer,
            boolean ownEntry, HealthAssessment healthAssessment, Participation participation) {

        boolean wasRegistered() {
            return known.map(ChildRecord::registered).orElse(false);
        }

        boolean changes() {
            return registered != wasRegistered();
        }

        /** The child as the case knows them, or a child new to the case. */
        ChildRecord record() {
            return known.orElse(new ChildRecord(key, null, null, null, false, false));
        }
    }

    private final CaseParties parties;
    private final Envelope plan;
    private final OutlinePlan body;
    private final Optional<CaseRecord> known;
    private final List<Decision> decisions;
    private final DerivedIds ids;

    private RegisterDecisions(CaseParties parties, Envelope plan, CaseFacts facts, DerivedIds ids) {
        this.ids = ids;
        this.parties = parties;
        this.plan = plan;
        this.body = MessageParts.body(plan, OutlinePlan.class);
        this.known = facts.caseOf(plan.caseReference());
        this.decisions = body.children() != null ? fromEntries() : forEveryChild(facts);
    }

    /** The decisions of {@code plan}, read against what the hub knows of its case. */
    static RegisterDecisions of(CaseParties parties, Envelope plan, CaseFacts facts, DerivedIds ids) {
        return new RegisterDecisions(parties, plan, facts, ids);
    }

    List<Decision> decisions() {
        return decisions;
    }

    boolean anyRegistered() {
        return decisions.stream().anyMatch(Decision::registered);
    }

    private List<Decision> fromEntries() {
        List<ChildDecision> entries = body.children();
        List<String> keys = parties.keysOf(entries.stream().map(ChildDecision::child).toList(), known);
        List<Decision> list = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            ChildDecision entry = entries.get(i);
            list.add(new Decision(keys.get(i), CaseParties.known(known, keys.get(i)), entry.child(), entry.registered(),
                    entry.categoriesOfHarm() != null ? entry.categoriesOfHarm() : body.categoriesOfHarm(),
                    entry.eligibleNeeds() != null ? entry.eligibleNeeds() : body.eligibleNeeds(),
                    entry.contingencyPlan() != null ? entry.contingencyPlan() : body.contingencyPlan(),
                    "/body/children/" + i, true,
                    entry.healthAssessment() != null ? entry.healthAssessment() : body.healthAssessment(),
                    entry.participation() != null ? entry.participation() : body.participation()));
        }
        return list;
    }

    /** No list of children: the top-level decision is each child's, named as the conference's invitation names them. */
    private List<Decision> forEveryChild(CaseFacts facts) {
        List<ChildRecord> children = known.map(CaseRecord::children).orElse(List.of());
        Optional<Envelope> invitation = facts.conferenceInvitation(plan.caseReference(), body.conferenceId());
        List<ChildRef> invited = invitation
                .map(i -> children(MessageParts.body(i, ConferenceInvitation.class).children())).orElse(List.of());
        List<String> invitedKeys = invitation.map(i -> parties.keysOf(invited, known)).orElse(List.of());
        List<Decision> list = new ArrayList<>();
        for (ChildRecord child : children) {
            int at = invitedKeys.indexOf(child.key());
            list.add(new Decision(child.key(), Optional.of(child), at < 0 ? null : invited.get(at), body.registered(),
                    body.categoriesOfHarm(), body.eligibleNeeds(), body.contingencyPlan(), "/body", false,
                    body.healthAssessment(), body.participation()));
        }
        return list;
    }

    /** Why the outline plan cannot be accepted as it stands: 1.2 missing, or a register change the hub cannot make. */
    List<Violation> violations() {
        List<Violation> violations = new ArrayList<>();
        for (Decision d : decisions) {
            if (!d.changes()) {
                continue;
            }
            if (!d.registered()) {
                requireFor(d, d.eligibleNeeds(), "eligibleNeeds", "their eligible care and support needs", violations);
                requireFor(d, d.contingencyPlan(), "contingencyPlan", "a contingency plan", violations);
            }
            if (d.child() == null) {
                violations.add(new Violation("/body/children", "register-change-names-the-child",
                        "the conference changes the registration of a child of case " + plan.caseReference()
                                + " whom no invitation to conference " + body.conferenceId() + " named, so the hub "
                                + "cannot tell their GP practice, school and police force: give each child's "
                                + "decision in children"));
            } else {
                String pointer = d.pointer() + (d.ownEntry() ? "/child" : "");
                Routing routing = routing(d);
                if (routing.recipients().isEmpty()) {
                    violations.add(new Violation(pointer, "at-least-one-recipient", "no GP practice, school or "
                            + "police force is known for a child whose registration the conference changes"));
                }
                for (String agency : routing.recipients()) {
                    if (parties.directory().find(agency).filter(Agency::receives).isEmpty()) {
                        violations.add(new Violation(pointer, "known-recipient", "agency '" + agency + "', which "
                                + "the register change of a child must reach, is not in the directory or has no "
                                + "endpoint"));
                    }
                }
            }
        }
        return violations;
    }

    private static void requireFor(Decision d, String value, String field, String what, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(d.pointer() + "/" + field, REMOVAL_RULE,
                    "a child on the child protection register comes off it: recommendation 1.2 asks for " + what
                            + (d.ownEntry() ? " in the child's decision or for all the children" : "")));
        }
    }

    /**
     * The register change of every child whose registration the conference changes, from the council, answering the
     * outline plan, each addressed as a council's register change would be.
     */
    List<Effect.Derived> registerChanges(Instant at) {
        List<Effect.Derived> made = new ArrayList<>();
        for (Decision d : decisions) {
            if (d.changes() && d.child() != null) {
                Routing routing = routing(d);
                made.add(new Effect.Derived(registerChange(d, at).withRecipients(routing.recipients()),
                        routing.notes(), d.ownEntry() ? d.pointer() + "/child" : "/body/children"));
            }
        }
        return made;
    }

    /** What the case learns of the children the outline plan names: their GP practice, school and police force. */
    List<Effect> rememberNamedChildren() {
        List<Effect> effects = new ArrayList<>();
        for (Decision d : decisions) {
            if (d.ownEntry()) {
                Optional<ChildRecord> child = d.known();
                effects.add(new Effect.RememberChild(plan.caseReference(), d.key(),
                        parties.gpPractice(d.child(), child).orElse(null),
                        parties.school(d.child(), child).orElse(null),
                        parties.policeForce(d.child(), null, child).orElse(null), CaseParties.named(d.child())));
            }
        }
        return effects;
    }

    private Routing routing(Decision d) {
        Envelope change = registerChange(d, plan.createdAt().toInstant());
        return RegisterRules.reachParties(parties, change, MessageParts.body(change, RegisterChange.class), known);
    }

    private Envelope registerChange(Decision d, Instant at) {
        RegisterChange change = d.registered()
                ? new RegisterChange("added", body.heldOn(), d.child(), d.categoriesOfHarm(), null, null, null)
                : new RegisterChange("removed", body.heldOn(), d.child(), null, d.eligibleNeeds(), d.contingencyPlan(),
                        null);
        // Keyed with the hub's secret: no agency can send a message under this id first and block the outline plan.
        UUID id = ids.registerChange(plan.messageId(), d.key());
        String childReference = d.child().childReference() != null ? d.child().childReference()
                : decisions.size() == 1 ? plan.childReference() : null;
        return new Envelope(id, MessageType.REGISTER_CHANGE, Envelope.SCHEMA_VERSION, plan.sender(), List.of(),
                plan.caseReference(), childReference, plan.messageId(), plan.language(), plan.securityLabel(),
                at.atOffset(ZoneOffset.UTC), null, CanonicalJson.mapper().valueToTree(change));
    }
}
