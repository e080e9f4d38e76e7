package wales.safeguarding.hub.dutytoreport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import wales.safeguarding.hub.directory.Directory;
import wales.safeguarding.hub.rules.CaseFacts;
import wales.safeguarding.hub.rules.Effect;
import wales.safeguarding.hub.rules.FlowRules;
import wales.safeguarding.hub.rules.Routing;
import wales.safeguarding.schemas.dutytoreport.Child;
import wales.safeguarding.schemas.dutytoreport.DutyToReport;
import wales.safeguarding.schemas.dutytoreport.OriginalReport;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.MessageType;
import wales.safeguarding.schemas.validation.Violation;

/**
 * A duty-to-report goes to the children's services of each child's local authority, whoever else the reporter
 * names, and starts that council's acknowledgement, outcome and next-actions clocks. They run from the report's
 * arrival, or, when it confirms in writing a report children's services took by phone, in person or online, from
 * that report ({@code originalReport.madeAt}): not in the future beyond {@code hub.duty-to-report.clock-skew}, not
 * older than {@code hub.duty-to-report.original-report-max-age}, and noted in the report's history.
 */
@ApplicationScoped
public class DutyToReportRules implements FlowRules {

    /** The clock for children's services' decision on next actions (1 working day). */
    public static final String NEXT_ACTIONS = "next-actions";

    private static final String MADE_AT = "/body/originalReport/madeAt";
    private static final String NOT_IN_FUTURE = "original-report-not-in-future";
    private static final String WITHIN_LIMIT = "original-report-within-limit";

    /** How children's services can have taken a report before its written confirmation reached the hub. */
    private static final Set<String> TAKEN_BEFORE = Set.of("phone", "in-person", "online");

    private final Directory directory;
    private final Clock clock;
    private final Duration clockSkew;
    private final Duration maxAge;

    public DutyToReportRules(Directory directory, Clock clock,
            @ConfigProperty(name = "hub.duty-to-report.clock-skew") Duration clockSkew,
            @ConfigProperty(name = "hub.duty-to-report.original-report-max-age") Duration maxAge) {
        this.directory = directory;
        this.clock = clock;
        this.clockSkew = clockSkew;
        this.maxAge = maxAge;
    }

    @Override
    public Set<MessageType> types() {
        return Set.of(MessageType.DUTY_TO_REPORT);
    }

    @Override
    public Routing route(Envelope report, CaseFacts facts) {
        DutyToReport body = CanonicalJson.bodyAs(report, DutyToReport.class);
        Routing councils = councils(body);
        List<Violation> original = takenBefore(body).map(madeAt -> checkOriginalReport(madeAt, clock.instant()))
                .orElse(List.of());
        return councils.and(new Routing(List.of(), original));
    }

    /** The children's services of each child's local authority. */
    private Routing councils(DutyToReport body) {
        List<String> councils = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < body.children().size(); i++) {
            Child child = body.children().get(i);
            var council = directory.childrensServicesFor(child.localAuthority());
            if (council.isPresent()) {
                councils.add(council.get().id());
            } else {
                violations.add(new Violation("/body/children/" + i + "/localAuthority", "known-local-authority",
                        "no children's services in the directory for local authority " + child.localAuthority()));
            }
        }
        return new Routing(councils, violations);
    }

    /**
     * Each council owes the report-maker an acknowledgement and an outcome, and owes a decision on next actions
     * within a working day (met by {@link #nextActionsDecided}), all from the report's anchor.
     */
    @Override
    public List<Effect> accepted(Envelope report, Instant receivedAt, CaseFacts facts) {
        DutyToReport body = CanonicalJson.bodyAs(report, DutyToReport.class);
        Instant anchor = takenBefore(body).filter(madeAt -> madeAt.isBefore(receivedAt)).orElse(receivedAt);
        List<Effect> effects = new ArrayList<>();
        for (String council : councils(body).recipients()) {
            for (ReportClock answer : ReportClock.values()) {
                effects.add(new Effect.StartClock(answer.wireName(), report.caseReference(), null, council,
                        report.sender(), anchor));
            }
            effects.add(new Effect.StartClock(NEXT_ACTIONS, report.caseReference(), null, council, report.sender(),
                    anchor));
        }
        if (!anchor.equals(receivedAt)) {
            effects.add(new Effect.Note(ReportNotes.clocksFromOriginalReport(anchor, body.originalReport().means())));
        }
        return effects;
    }

    /**
     * Children's services decided next actions on the report {@code reportId}: a strategy meeting about it, its
     * outcome, an acknowledgement that records the decision, or any other decision message that names the report.
     */
    public static Effect nextActionsDecided(UUID reportId, String council) {
        return new Effect.MeetClock(reportId, NEXT_ACTIONS, council);
    }

    /** When children's services took the report, if this message confirms one they took before it. */
    private static Optional<Instant> takenBefore(DutyToReport body) {
        OriginalReport original = body.originalReport();
        if (original == null || original.madeAt() == null || !TAKEN_BEFORE.contains(original.means())) {
            return Optional.empty();
        }
        return Optional.of(original.madeAt().toInstant());
    }

    /** An original report is not in the future (beyond the clocks' difference) and not older than the limit. */
    private List<Violation> checkOriginalReport(Instant madeAt, Instant now) {
        if (madeAt.isAfter(now.plus(clockSkew))) {
            return List.of(new Violation(MADE_AT, NOT_IN_FUTURE, "must not be after the hub received the report "
                    + "(allowing " + words(clockSkew) + " for a difference between the clocks)"));
        }
        if (madeAt.isBefore(now.minus(maxAge))) {
            return List.of(new Violation(MADE_AT, WITHIN_LIMIT, "must be at most " + words(maxAge) + " before the hub "
                    + "received the report: a report taken by phone, in person or online is confirmed in writing "
                    + "within 24 hours"));
        }
        return List.of();
    }

    private static String words(Duration d) {
        if (!d.isZero() && d.toSeconds() % 86_400 == 0) {
            return d.toDays() + " day" + (d.toDays() == 1 ? "" : "s");
        }
        if (!d.isZero() && d.toSeconds() % 3_600 == 0) {
            return d.toHours() + " hour" + (d.toHours() == 1 ? "" : "s");
        }
        if (d.toSeconds() % 60 == 0) {
            return d.toMinutes() + " minute" + (d.toMinutes() == 1 ? "" : "s");
        }
        return d.toString();
    }
}
