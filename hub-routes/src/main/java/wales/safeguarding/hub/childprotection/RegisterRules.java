package wales.safeguarding.hub.childprotection;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.clocks.ClockKeeper;
import wales.safeguarding.hub.intake.ComplianceNote;
import wales.safeguarding.hub.intake.FlowRules;
import wales.safeguarding.hub.intake.Routing;
import wales.safeguarding.schemas.childprotection.PlanUpdate;
import wales.safeguarding.schemas.childprotection.RegisterChange;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.MessageType;

/**
 * The child protection register and the care and support protection plan.
 * <ul>
 * <li>A register change reaches the child's GP practice (so the GP record shows it), school and police force, as
 * well as whoever the council names; a gap is recorded, never silent. (A removal without the child's eligible care
 * and support needs and a contingency plan is refused by the contract itself.)</li>
 * <li>A plan update reaches the core group. It is the core group's record of its meeting, so it meets the core group
 * clock and starts the next: the first within 10 working days of the registering conference, then every 6 weeks.</li>
 * <li>Removal from the register ends the core group and review clocks.</li>
 * </ul>
 */
@ApplicationScoped
public class RegisterRules implements FlowRules {

    static final String FIRST_CORE_GROUP = "first-core-group";
    static final String CORE_GROUP = "core-group";

    private final CaseBook cases;
    private final CaseParties parties;
    private final ClockKeeper clocks;

    public RegisterRules(CaseBook cases, CaseParties parties, ClockKeeper clocks) {
        this.cases = cases;
        this.parties = parties;
        this.clocks = clocks;
    }

    @Override
    public Set<MessageType> types() {
        return Set.of(MessageType.REGISTER_CHANGE, MessageType.PLAN_UPDATE);
    }

    @Override
    public Routing route(Connection c, Envelope message) throws SQLException {
        Optional<CaseBook.ChildCase> known = cases.find(c, message.caseReference());
        var refusal = parties.councilSends(message, known);
        if (refusal.isPresent()) {
            return Routing.refused(refusal.get());
        }
        if (message.type() == MessageType.PLAN_UPDATE) {
            Set<String> coreGroup = new LinkedHashSet<>(cases.coreGroup(c, message.caseReference()));
            coreGroup.remove(message.sender());
            return Routing.to(new ArrayList<>(coreGroup));
        }
        RegisterChange body = ConferenceRules.body(message, RegisterChange.class);
        List<String> to = new ArrayList<>();
        List<ComplianceNote> notes = new ArrayList<>();
        reach(ComplianceNotes.Party.GP_PRACTICE, parties.gpPractice(body.child(), known), message, to, notes);
        reach(ComplianceNotes.Party.SCHOOL, parties.school(body.child(), known), message, to, notes);
        reach(ComplianceNotes.Party.POLICE_FORCE, parties.policeForce(body.child(), body.policeForce(), known), message,
                to, notes);
        return new Routing(to, List.of(), notes);
    }

    private static void reach(ComplianceNotes.Party who, Optional<String> agency, Envelope message, List<String> to,
            List<ComplianceNote> notes) {
        if (agency.isEmpty()) {
            notes.add(ComplianceNotes.registerChangeGap(who));
            return;
        }
        to.add(agency.get());
        List<String> named = message.recipients() == null ? List.of() : message.recipients();
        if (!named.isEmpty() && !named.contains(agency.get())) {
            notes.add(ComplianceNotes.registerChangeAdded(who, agency.get()));
        }
    }

    @Override
    public void accepted(Connection c, Envelope message, Instant at) throws SQLException {
        if (message.type() == MessageType.PLAN_UPDATE) {
            boolean met = clocks.stop(c, FIRST_CORE_GROUP, message.caseReference(), null, null, message.messageId(), at)
                    + clocks.stop(c, CORE_GROUP, message.caseReference(), null, null, message.messageId(), at) > 0;
            boolean registered = cases.find(c, message.caseReference()).map(CaseBook.ChildCase::registered).orElse(false);
            if (met || registered) {
                startCoreGroup(c, message, CORE_GROUP, at);
            }
            PlanUpdate body = ConferenceRules.body(message, PlanUpdate.class);
            Optional<CaseBook.ChildCase> known = cases.find(c, message.caseReference());
            cases.remember(c, message.caseReference(), message.sender(), parties.gpPractice(body.child(), known)
                    .orElse(null), parties.school(body.child(), known).orElse(null), null, at);
            return;
        }
        RegisterChange body = ConferenceRules.body(message, RegisterChange.class);
        Optional<CaseBook.ChildCase> known = cases.find(c, message.caseReference());
        cases.remember(c, message.caseReference(), message.sender(), parties.gpPractice(body.child(), known).orElse(null),
                parties.school(body.child(), known).orElse(null),
                parties.policeForce(body.child(), body.policeForce(), known).orElse(null), at);
        if ("added".equals(body.change())) {
            cases.setRegistered(c, message.caseReference(), true, at);
        } else {
            endPlan(c, message, at);
        }
    }

    /** Starts a core group clock ({@code first-core-group} or {@code core-group}) owed by the council. */
    void startCoreGroup(Connection c, Envelope message, String clock, Instant from) throws SQLException {
        if (!clocks.running(c, FIRST_CORE_GROUP, message.caseReference(), null)
                && !clocks.running(c, CORE_GROUP, message.caseReference(), null)) {
            clocks.start(c, clock, message.messageId(), message.caseReference(), null, message.sender(), message.sender(),
                    from);
        }
    }

    /** The child is no longer on the register: no more core groups or review conferences are owed. */
    void endPlan(Connection c, Envelope message, Instant at) throws SQLException {
        cases.setRegistered(c, message.caseReference(), false, at);
        for (String clock : List.of(FIRST_CORE_GROUP, CORE_GROUP, ConferenceRules.FIRST_REVIEW, ConferenceRules.REVIEW)) {
            clocks.stop(c, clock, message.caseReference(), null, null, message.messageId(), at);
        }
    }
}
