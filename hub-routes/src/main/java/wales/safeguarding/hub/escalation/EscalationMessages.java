package wales.safeguarding.hub.escalation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import wales.safeguarding.hub.challenge.ChallengeStage;
import wales.safeguarding.hub.clocks.EscalationStep;
import wales.safeguarding.hub.calendar.WorkingDayCalendar;
import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.AgencyKind;
import wales.safeguarding.hub.directory.Directory;
import wales.safeguarding.hub.dutytoreport.ReportClock;
import wales.safeguarding.hub.clocks.ClockRecord;
import wales.safeguarding.hub.tracking.StoredMessage;
import wales.safeguarding.schemas.dutytoreport.Contact;
import wales.safeguarding.schemas.dutytoreport.DutyToReport;
import wales.safeguarding.schemas.dutytoreport.Reporter;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.Language;
import wales.safeguarding.schemas.envelope.LanguagePreference;
import wales.safeguarding.schemas.envelope.MessageType;
import wales.safeguarding.schemas.tracking.Addressee;
import wales.safeguarding.schemas.tracking.Escalation;
import wales.safeguarding.schemas.tracking.Notice;

/**
 * Builds an escalation message: who it goes to, who it is addressed to, and its notices in the recipient's language
 * (Welsh and English together where the preference is unknown or the notice goes to several agencies).
 */
@ApplicationScoped
public class EscalationMessages {

    static final String HUB = "hub";
    static final String SECURITY_LABEL = "OFFICIAL-SENSITIVE";

    private final Directory directory;

    public EscalationMessages(Directory directory) {
        this.directory = directory;
    }

    public Envelope build(EscalationStep step, StoredMessage startedBy, List<ClockRecord> clocks, int daysOverdue,
            OffsetDateTime now) {
        return build(step, startedBy, clocks, null, daysOverdue, now);
    }

    /**
     * {@code caseCouncil}: the council that holds the case, when the clocks' notices depend on it (a professional
     * challenge stepped up to the board goes to that council's regional board); null when not known.
     */
    public Envelope build(EscalationStep step, StoredMessage startedBy, List<ClockRecord> clocks, String caseCouncil,
            int daysOverdue, OffsetDateTime now) {
        ClockRecord first = clocks.get(0);
        Agency owing = agency(first.owedBy());
        Agency waiting = agency(first.waiting());
        List<String> recipients = new ArrayList<>();
        List<Addressee> addressees = new ArrayList<>();
        List<Language> languages;
        switch (step) {
            case REMINDER -> {
                recipients.add(owing.id());
                languages = languagesFor(owing.language());
                addressees.add(new Addressee(owing.id(), owing.kind() == AgencyKind.COUNCIL ? "childrens-services"
                        : "safeguarding-lead", null, null));
            }
            case REPORT_MAKER_NOTICE -> {
                recipients.add(waiting.id());
                Optional<Reporter> reporter = reporter(startedBy);
                languages = languagesFor(reporter.map(Reporter::languagePreference).orElse(waiting.language()));
                addressees.add(new Addressee(waiting.id(), "report-maker", reporter.map(Reporter::name).orElse(null),
                        reporter.map(Reporter::contact).map(Contact::email).orElse(null)));
            }
            case MANAGER_NOTICE -> {
                // Many recipients: both languages, Welsh first.
                languages = List.of(Language.CY, Language.EN);
                if (!waiting.id().equals(owing.id())) {
                    recipients.add(waiting.id());
                    // a council waiting (a case or a school transfer) names only its senior safeguarding manager
                    manager(waiting, "designated-safeguarding-person", "line-manager", "senior-safeguarding-manager")
                            .ifPresent(addressees::add);
                }
                recipients.add(owing.id());
                manager(owing, "senior-safeguarding-manager", "designated-safeguarding-person", "line-manager")
                        .ifPresent(addressees::add);
                if (addressees.isEmpty()) {
                    addressees.add(new Addressee(owing.id(), "manager", null, null));
                }
            }
            case BOARD_NOTICE -> {
                languages = List.of(Language.CY, Language.EN);
                Agency council = owing.kind() == AgencyKind.COUNCIL ? owing : waiting;
                Agency board = directory.safeguardingBoardOf(council).orElseThrow(() -> new IllegalStateException(
                        "council '" + council.id() + "' has no regional safeguarding board in the directory"));
                recipients.add(board.id());
                addressees.add(manager(board, "board-business-manager", "chair")
                        .orElse(new Addressee(board.id(), "safeguarding-board", null, null)));
            }
            case STEP_UP -> {
                languages = List.of(Language.CY, Language.EN);
                ChallengeStage next = ChallengeStage.ofClock(first.clock()).flatMap(ChallengeStage::next)
                        .orElseThrow(() -> new IllegalStateException("clock " + first.clock()
                                + " is not a challenge stage with a stage above it"));
                if (next == ChallengeStage.BOARD) {
                    Agency board = Optional.ofNullable(caseCouncil).flatMap(directory::find)
                            .filter(a -> a.kind() == AgencyKind.COUNCIL).flatMap(directory::safeguardingBoardOf)
                            .or(() -> boardFor(owing, waiting)).orElseThrow(() -> new IllegalStateException(
                            "neither '" + owing.id() + "' nor '" + waiting.id() + "' leads to a regional safeguarding "
                                    + "board in the directory"));
                    recipients.add(board.id());
                    addressees.add(manager(board, next.roles().toArray(String[]::new))
                            .orElse(new Addressee(board.id(), "safeguarding-board", null, null)));
                }
                // at the board stage the agencies answer through their senior managers
                ChallengeStage answering = next == ChallengeStage.BOARD ? ChallengeStage.SENIOR_MANAGER : next;
                for (Agency party : List.of(owing, waiting)) {
                    recipients.add(party.id());
                    addressees.add(manager(party, answering.roles().toArray(String[]::new))
                            .orElse(new Addressee(party.id(), answering.wireName(), null, null)));
                }
            }
            default -> throw new IllegalStateException("unknown escalation step " + step);
        }
        List<String> missing = clocks.stream().map(k -> missing(k.clock())).distinct().toList();
        var facts = new EscalationNotices.Facts(startedBy.messageId().toString(), startedBy.caseReference(),
                first.clock(), names(owing), names(waiting), missing, WorkingDayCalendar.dayEndingAt(first.dueAt()),
                daysOverdue);
        List<Notice> notices = languages.stream().map(l -> EscalationNotices.notice(step, l, facts)).toList();
        Escalation body = new Escalation(startedBy.messageId(), step.wireName(), missing,
                first.dueAt().atOffset(ZoneOffset.UTC), addressees, notices);
        return new Envelope(UUID.randomUUID(), MessageType.ESCALATION, Envelope.SCHEMA_VERSION, HUB, recipients,
                startedBy.caseReference(), startedBy.childReference(), startedBy.messageId(), languages.get(0),
                SECURITY_LABEL, now, null, CanonicalJson.mapper().valueToTree(body));
    }

    /**
     * The regional safeguarding board of a professional challenge whose case's council is not known: that of the
     * council among its two agencies, else that of the council of either agency's local authority.
     */
    private Optional<Agency> boardFor(Agency owing, Agency waiting) {
        for (Agency party : List.of(owing, waiting)) {
            if (party.kind() == AgencyKind.COUNCIL) {
                return directory.safeguardingBoardOf(party);
            }
        }
        for (Agency party : List.of(owing, waiting)) {
            if (party.localAuthority() != null) {
                Optional<Agency> board = directory.childrensServicesFor(party.localAuthority())
                        .flatMap(directory::safeguardingBoardOf);
                if (board.isPresent()) {
                    return board;
                }
            }
        }
        return Optional.empty();
    }

    /** What is missing, as the escalation body names it: for a duty-to-report its answer, else the clock itself. */
    private static String missing(String clock) {
        if (ChallengeStage.ofClock(clock).isPresent()) {
            return "challenge-response";
        }
        for (ReportClock reportClock : ReportClock.values()) {
            if (reportClock.wireName().equals(clock)) {
                return reportClock.missing();
            }
        }
        return clock;
    }

    /** The first of the agency's contacts with one of these roles, as an addressee. */
    private static Optional<Addressee> manager(Agency agency, String... roles) {
        for (String role : roles) {
            Optional<Agency.Contact> contact = agency.contact(role);
            if (contact.isPresent()) {
                return contact.map(p -> new Addressee(agency.id(), p.role(), p.name(), p.email()));
            }
        }
        return Optional.empty();
    }

    /** Welsh first: the Welsh version is never the lesser. */
    static List<Language> languagesFor(LanguagePreference preference) {
        return switch (preference) {
            case CY -> List.of(Language.CY);
            case EN -> List.of(Language.EN);
            case UNKNOWN -> List.of(Language.CY, Language.EN);
        };
    }

    /** The practitioner who made the report, while the report's payload is still kept. */
    private static Optional<Reporter> reporter(StoredMessage report) {
        if (!report.payloadKept()) {
            return Optional.empty();
        }
        try {
            Envelope envelope = CanonicalJson.read(report.payload());
            return Optional.ofNullable(CanonicalJson.bodyAs(envelope, DutyToReport.class).reporter());
        } catch (IOException e) {
            throw new UncheckedIOException("stored report " + report.messageId() + " cannot be read", e);
        }
    }

    private Agency agency(String id) {
        return directory.find(id).orElseThrow(() -> new IllegalStateException("agency '" + id + "' left the directory"));
    }

    private static Map<Language, String> names(Agency agency) {
        Map<Language, String> names = new EnumMap<>(Language.class);
        String en = agency.name().getOrDefault("en", agency.id());
        names.put(Language.EN, en);
        names.put(Language.CY, agency.name().getOrDefault("cy", en));
        return names;
    }

}
