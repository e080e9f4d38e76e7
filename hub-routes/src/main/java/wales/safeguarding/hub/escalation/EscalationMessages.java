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

import wales.safeguarding.hub.calendar.WorkingDayCalendar;
import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.Directory;
import wales.safeguarding.hub.dutytoreport.ReportClock;
import wales.safeguarding.hub.tracking.ClockRecord;
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

    public Envelope build(EscalationStep step, StoredMessage report, List<ClockRecord> clocks, int daysOverdue,
            OffsetDateTime now) {
        ClockRecord first = clocks.get(0);
        Agency council = agency(first.owedBy());
        Agency reportMaker = agency(first.waiting());
        List<String> recipients;
        List<Addressee> addressees = new ArrayList<>();
        List<Language> languages;
        switch (step) {
            case REMINDER -> {
                recipients = List.of(council.id());
                languages = languagesFor(council.language());
                addressees.add(new Addressee(council.id(), "childrens-services", null, null));
            }
            case REPORT_MAKER_NOTICE -> {
                recipients = List.of(reportMaker.id());
                Optional<Reporter> reporter = reporter(report);
                languages = languagesFor(reporter.map(Reporter::languagePreference).orElse(reportMaker.language()));
                addressees.add(new Addressee(reportMaker.id(), "report-maker", reporter.map(Reporter::name).orElse(null),
                        reporter.map(Reporter::contact).map(Contact::email).orElse(null)));
            }
            default -> {
                recipients = List.of(reportMaker.id(), council.id());
                languages = List.of(Language.CY, Language.EN);
                reportMaker.contact("designated-safeguarding-person").or(() -> reportMaker.contact("line-manager"))
                        .ifPresent(p -> addressees.add(new Addressee(reportMaker.id(), p.role(), p.name(), p.email())));
                council.contact("senior-safeguarding-manager")
                        .ifPresent(p -> addressees.add(new Addressee(council.id(), p.role(), p.name(), p.email())));
            }
        }
        List<String> missing = clocks.stream().map(k -> ReportClock.fromWireName(k.clock()).missing()).distinct().toList();
        var facts = new EscalationNotices.Facts(report.messageId().toString(), names(council), names(reportMaker), missing,
                WorkingDayCalendar.dayEndingAt(first.dueAt()), daysOverdue);
        List<Notice> notices = languages.stream().map(l -> EscalationNotices.notice(step, l, facts)).toList();
        Escalation body = new Escalation(report.messageId(), step.wireName(), missing,
                first.dueAt().atOffset(ZoneOffset.UTC), addressees, notices);
        return new Envelope(UUID.randomUUID(), MessageType.ESCALATION, Envelope.SCHEMA_VERSION, HUB, recipients,
                report.caseReference(), report.childReference(), report.messageId(), languages.get(0), SECURITY_LABEL,
                now, null, CanonicalJson.mapper().valueToTree(body));
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
        if (report.payload() == null) {
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
