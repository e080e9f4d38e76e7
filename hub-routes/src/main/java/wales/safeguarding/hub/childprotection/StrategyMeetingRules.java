package wales.safeguarding.hub.childprotection;

import static wales.safeguarding.hub.childprotection.MessageParts.agencies;
import static wales.safeguarding.hub.childprotection.MessageParts.body;
import static wales.safeguarding.hub.childprotection.MessageParts.children;
import static wales.safeguarding.hub.childprotection.MessageParts.named;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import wales.safeguarding.hub.calendar.StatutoryClocks;
import wales.safeguarding.hub.dutytoreport.DutyToReportRules;
import wales.safeguarding.hub.rules.CaseFacts;
import wales.safeguarding.hub.rules.CaseRecord;
import wales.safeguarding.hub.rules.ChildRecord;
import wales.safeguarding.hub.tracking.ComplianceNote;
import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.rules.FlowRules;
import wales.safeguarding.hub.rules.Routing;
import wales.safeguarding.schemas.childprotection.ChildRef;
import wales.safeguarding.schemas.childprotection.Invitee;
import wales.safeguarding.schemas.childprotection.StrategyContributionRequest;
import wales.safeguarding.schemas.childprotection.StrategyMeetingInvitation;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.MessageType;

/**
 * Strategy discussions (Wales Safeguarding Procedures):
 * <ul>
 * <li>a strategy discussion always includes the police: the hub adds the force of each child if the council left it
 * out, and records a child whose force is not known;</li>
 * <li>a strategy discussion about a duty-to-report is children's services' decision on next actions;</li>
 * <li>the initial conference is due within 15 working days of the last strategy discussion: each discussion starts
 * the clock, or moves it to run from the later discussion; but a discussion about children who are all on the
 * register already calls for no initial conference, and starts or moves nothing;</li>
 * <li>the parties of each strategy discussion are recorded: the section 47 determination that ends the enquiry goes
 * to them ({@link Section47Rules});</li>
 * <li>every relevant agency is asked for what it knows (the 2023 review found strategy discussions "routinely held
 * between police and children's services only" although the procedures stipulate involving all relevant agencies):
 * the invitation also reaches each child's GP practice, school and the health board of the child's area, the hub adding
 * those the council left out ({@code contributors-added}), and each owes a {@value #CLOCK} clock, due when the
 * discussion starts or {@code hub.strategy.contribution-working-days} working days after the invitation, the earlier,
 * met by its {@code strategy-contribution} ({@link StrategyContributionRules}). The hub records those it added as asked
 * for a contribution, not as parties of the discussion.</li>
 * <li>a discussion held at short notice (by telephone, between children's services and the police) comes as a
 * {@code strategy-contribution-request}: the same rules, with the police and the contributors as its only recipients
 * besides those the council names, and the contributions due by its {@code contributeBy}, else
 * {@code hub.strategy.contribution-request-hours} (4) hours after it.</li>
 * </ul>
 */
@ApplicationScoped
public class StrategyMeetingRules implements FlowRules {

    static final String CLOCK = "strategy-contribution";

    private final CaseParties parties;
    private final StatutoryClocks calendar;
    private final int contributionDays;
    private final Duration requestWithin;

    public StrategyMeetingRules(CaseParties parties, StatutoryClocks calendar,
            @ConfigProperty(name = "hub.strategy.contribution-working-days", defaultValue = "1") int contributionDays,
            @ConfigProperty(name = "hub.strategy.contribution-request-hours", defaultValue = "4") int requestHours) {
        this.parties = parties;
        this.calendar = calendar;
        this.contributionDays = contributionDays;
        this.requestWithin = Duration.ofHours(requestHours);
    }

    @Override
    public Set<MessageType> types() {
        return Set.of(MessageType.STRATEGY_MEETING_INVITATION, MessageType.STRATEGY_CONTRIBUTION_REQUEST);
    }

    /**
     * A strategy discussion as either message gives it: a meeting invitation (its invitees, its start), or a request
     * for contributions to a discussion held at short notice (no invitees: the council and the police hold it; the
     * contributions are due by {@code contributeBy}, else {@code hub.strategy.contribution-request-hours} after it).
     */
    private record Discussion(String meetingId, Instant startsAt, List<Invitee> invitees, List<ChildRef> children,
            UUID dutyToReportId, Instant contributeBy) {
    }

    private Discussion discussion(Envelope message, Instant at) {
        if (message.type() == MessageType.STRATEGY_CONTRIBUTION_REQUEST) {
            StrategyContributionRequest r = body(message, StrategyContributionRequest.class);
            return new Discussion(r.meetingId(), r.heldAt().toInstant(), List.of(), r.children(), r.dutyToReportId(),
                    r.contributeBy() != null ? r.contributeBy().toInstant() : at.plus(requestWithin));
        }
        StrategyMeetingInvitation i = body(message, StrategyMeetingInvitation.class);
        return new Discussion(i.meetingId(), i.meeting().startsAt().toInstant(), i.invitees(), i.children(),
                i.dutyToReportId(), null);
    }

    @Override
    public Routing route(Envelope message, CaseFacts facts) {
        Optional<CaseRecord> known = facts.caseOf(message.caseReference());
        var refusal = parties.councilSends(message, known);
        if (refusal.isPresent()) {
            return Routing.refused(refusal.get());
        }
        Discussion body = discussion(message, message.createdAt().toInstant());
        List<String> to = agencies(body.invitees());
        List<ComplianceNote> notes = new ArrayList<>();
        List<ChildRef> children = children(body.children());
        List<String> keys = parties.keysOf(children, known);
        boolean unknownForce = children.isEmpty();
        for (int i = 0; i < children.size(); i++) {
            Optional<String> police = parties.policeForce(children.get(i), null, CaseParties.known(known, keys.get(i)));
            if (police.isEmpty()) {
                unknownForce = true;
            } else if (!to.contains(police.get()) && !named(message).contains(police.get())) {
                to.add(police.get());
                notes.add(ComplianceNotes.policeAdded(police.get()));
            }
        }
        if (unknownForce) {
            notes.add(ComplianceNotes.policeUnknown());
        }
        List<String> added = new ArrayList<>();
        for (String contributor : contributors(message, body, known)) {
            if (!to.contains(contributor) && !named(message).contains(contributor)) {
                to.add(contributor);
                added.add(contributor);
            }
        }
        if (!added.isEmpty()) {
            notes.add(ComplianceNotes.contributorsAdded(added));
        }
        return new Routing(to, List.of(), notes);
    }

    /** Each child's GP practice, school and the health board of the child's area, each once, in order. */
    private List<String> contributors(Envelope message, Discussion body, Optional<CaseRecord> known) {
        List<ChildRef> children = children(body.children());
        List<String> keys = parties.keysOf(children, known);
        Set<String> found = new LinkedHashSet<>();
        for (int i = 0; i < children.size(); i++) {
            ChildRef child = children.get(i);
            Optional<ChildRecord> record = CaseParties.known(known, keys.get(i));
            parties.gpPractice(child, record).ifPresent(found::add);
            found.addAll(parties.educators(child, record));
            parties.healthBoard(child, message.sender()).ifPresent(found::add);
        }
        found.remove(message.sender());
        return new ArrayList<>(found);
    }

    /** A due time given in the past (a request sent late) is due now: the contribution is owed at once. */
    private static Instant later(Instant due, Instant at) {
        return due.isBefore(at) ? at : due;
    }

    @Override
    public List<Effect> accepted(Envelope message, Instant at, CaseFacts facts) {
        Discussion body = discussion(message, at);
        String caseRef = message.caseReference();
        List<Effect> effects = new ArrayList<>(parties.rememberChildren(message, children(body.children()), facts));
        // those the hub asked for what they know are not parties of the discussion, unless the council invited them
        // (its invitees: the stored recipients include those the hub added)
        List<String> contributors = contributors(message, body, facts.caseOf(caseRef));
        List<String> invited = agencies(body.invitees());
        List<String> discussion = message.recipients().stream()
                .filter(r -> !contributors.contains(r) || invited.contains(r)).toList();
        effects.add(new Effect.AddMembers(caseRef, Effect.AddMembers.STRATEGY_DISCUSSION, body.meetingId(), discussion));
        List<String> asked = contributors.stream().filter(c -> message.recipients().contains(c)).toList();
        effects.add(new Effect.AddMembers(caseRef, Effect.AddMembers.STRATEGY_CONTRIBUTOR, body.meetingId(), asked));
        Instant startsAt = body.startsAt();
        Instant byPeriod = calendar.due(at, contributionDays).dueAt();
        Instant due = body.contributeBy() != null ? later(body.contributeBy(), at)
                : startsAt.isAfter(at) && startsAt.isBefore(byPeriod) ? startsAt : byPeriod;
        Set<String> owing = new LinkedHashSet<>();
        facts.runningClocks(caseRef, CLOCK, body.meetingId()).forEach(k -> owing.add(k.owedBy()));
        for (String contributor : asked) {
            if (!owing.contains(contributor)) {
                effects.add(new Effect.StartClockUntil(CLOCK, caseRef, body.meetingId(), contributor, message.sender(),
                        at, due));
            }
        }
        if (body.dutyToReportId() != null) {
            // A strategy discussion about the report is a decision on next actions.
            effects.add(new Effect.MeetClock(body.dutyToReportId(), DutyToReportRules.NEXT_ACTIONS, message.sender()));
        }
        Instant held = body.startsAt();
        List<String> keys = parties.keysOf(children(body.children()), facts.caseOf(caseRef));
        if (ConferenceDeadlines.allRegistered(facts, caseRef, keys)) {
            return effects; // children on the register already: no initial conference is due
        }
        // The initial conference is due 15 working days after the last strategy discussion.
        if (!facts.runningClocks(caseRef, ConferenceRules.INITIAL_CONFERENCE, null).isEmpty()) {
            effects.add(new Effect.MoveClocks(ConferenceRules.INITIAL_CONFERENCE, caseRef, null, held));
        } else {
            effects.add(new Effect.StartClock(ConferenceRules.INITIAL_CONFERENCE, caseRef, null, message.sender(),
                    message.sender(), held));
        }
        return effects;
    }
}
