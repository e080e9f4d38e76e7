package wales.safeguarding.hub.register;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import wales.safeguarding.hub.cases.RegisterIndex;
import wales.safeguarding.hub.calendar.WorkingDayCalendar;
import wales.safeguarding.hub.database.Transactions;
import wales.safeguarding.hub.delivery.DeliveryQueues;
import wales.safeguarding.hub.directory.Agency;
import wales.safeguarding.hub.directory.Directory;
import wales.safeguarding.hub.intake.IntakeRateLimits;
import wales.safeguarding.hub.intake.MessageIntake;
import wales.safeguarding.hub.intake.TokenBucket;
import wales.safeguarding.hub.problems.Problem;
import wales.safeguarding.hub.problems.ProblemException;
import wales.safeguarding.hub.register.RegisterEnquiryRules.Answer;
import wales.safeguarding.hub.register.RegisterEnquiryRules.Enquiry;
import wales.safeguarding.hub.register.RegisterEnquiryRules.Registration;
import wales.safeguarding.hub.rules.ChildFingerprints;
import wales.safeguarding.hub.tracking.Acceptance;
import wales.safeguarding.schemas.childprotection.ChildRef;
import wales.safeguarding.schemas.childprotection.InformationShare;
import wales.safeguarding.schemas.childprotection.InformationSubject;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.Language;
import wales.safeguarding.schemas.envelope.LanguagePreference;
import wales.safeguarding.schemas.envelope.MessageType;
import wales.safeguarding.schemas.validation.Violation;

/**
 * Answers register enquiries ({@link RegisterEnquiryRules}): refuses an agency that may not ask (403) and an enquiry
 * that breaks a rule (422, each field named), holds each agency to {@code hub.register-enquiry.rate-limit.per-agency}
 * enquiries a minute in bursts of {@code hub.register-enquiry.rate-limit.burst} (429), looks the child up
 * ({@link RegisterIndex}), audits the enquiry ({@code register_enquiry}: who, why, when, found or not, the child only as
 * a keyed hash) and, when unscheduled care (a health board) found a child on a register, tells the child's council
 * with an {@code information-share} from the hub, stored in the same transaction and delivered after it.
 */
@ApplicationScoped
public class RegisterEnquiries {

    static final String HUB = "hub";
    static final String RATE_TABLE = "register_enquiry_rate";

    private final Transactions transactions;
    private final RegisterIndex index;
    private final Directory directory;
    private final ChildFingerprints fingerprints;
    private final MessageIntake intake;
    private final DeliveryQueues queues;
    private final Clock clock;
    private final TokenBucket bucket;

    @Inject
    public RegisterEnquiries(Transactions transactions, RegisterIndex index, Directory directory,
            ChildFingerprints fingerprints, MessageIntake intake, DeliveryQueues queues, Clock clock,
            @ConfigProperty(name = "hub.register-enquiry.rate-limit.per-agency", defaultValue = "30") long perMinute,
            @ConfigProperty(name = "hub.register-enquiry.rate-limit.burst", defaultValue = "10") long burst) {
        this.transactions = transactions;
        this.index = index;
        this.directory = directory;
        this.fingerprints = fingerprints;
        this.intake = intake;
        this.queues = queues;
        this.clock = clock;
        this.bucket = new TokenBucket(perMinute, burst);
    }

    /** The answer to {@code caller}'s enquiry, or a problem (403, 422, 429). */
    public Answer enquire(Agency caller, Enquiry enquiry) {
        if (!RegisterEnquiryRules.mayAsk(caller.kind())) {
            throw new ProblemException(Problem.of("forbidden", "This agency may not ask about the register", 403,
                    "agency '" + caller.id() + "' is a " + caller.kind().wireName() + "; GP practices, health boards,"
                            + " schools, education services, pupil referral units, EOTAS providers, youth justice and"
                            + " youth support services and police forces may ask"));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Violation> violations = RegisterEnquiryRules.check(enquiry, caller.kind(),
                LocalDate.ofInstant(now, WorkingDayCalendar.LONDON));
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.of("invalid-enquiry", "The enquiry cannot be answered", 422,
                    violations.size() + " violation(s); each names the field (JSON pointer) and the rule",
                    violations));
        }
        long wait = transactions.inTransaction(c -> IntakeRateLimits.take(c, RATE_TABLE, bucket, caller.id()));
        if (wait > 0) {
            long retry = IntakeRateLimits.retryAfterSeconds(wait);
            throw ProblemException.rateLimited("Too many register enquiries", retry, "an agency may ask "
                    + bucket.perMinute() + " register enquiries a minute in bursts of up to " + bucket.capacity()
                    + "; try again in " + retry + " s");
        }
        Outcome outcome = transactions.inTransaction(c -> answer(c, caller, enquiry, now));
        outcome.notice().ifPresent(n -> queues.publishAll(List.of(n)));
        return outcome.answer();
    }

    private record Outcome(Answer answer, Optional<Acceptance> notice) {
    }

    private Outcome answer(Connection c, Agency caller, Enquiry enquiry, Instant now) throws SQLException {
        List<RegisterIndex.Found> found;
        String subject;
        if (enquiry.byNhsNumber()) {
            found = index.byNhsNumber(c, enquiry.nhsNumber());
            subject = fingerprints.nhsNumber(enquiry.nhsNumber());
        } else {
            String asked = directory.childrensServicesFor(enquiry.localAuthority()).map(Agency::id).orElse(null);
            found = asked == null ? List.of() : index.byName(c, enquiry.name().strip(), enquiry.bornOn(), asked);
            subject = fingerprints.of(enquiry.name().strip(), enquiry.bornOn());
        }
        Optional<RegisterIndex.Found> first = RegisterEnquiryRules.answering(found.stream()
                .map(f -> new Registration(f.council(), f.since())).toList())
                .flatMap(r -> found.stream().filter(f -> f.council().equals(r.council())
                        && Objects.equals(f.since(), r.since())).findFirst());
        Answer answer = first.map(f -> new Answer(true, f.since(), council(f.council()))).orElse(Answer.NOT_ON_REGISTER);
        Optional<Acceptance> notice = Optional.empty();
        if (first.isPresent() && RegisterEnquiryRules.tellsCouncil(caller.kind())) {
            Optional<Agency> holder = directory.find(first.get().council());
            if (holder.isPresent()) {
                notice = Optional.of(intake.storeFromHub(c, notice(caller, enquiry, first.get(), holder.get(), now)));
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into register_enquiry (enquiry_id, enquired_at, agency, agency_kind, asked_by, subject, reason,
                                              on_register, council, case_reference, notice_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setString(3, caller.id());
            ps.setString(4, caller.kind().wireName());
            ps.setString(5, enquiry.byNhsNumber() ? "nhs-number" : "name-and-date-of-birth");
            ps.setString(6, subject);
            ps.setString(7, enquiry.reason().strip());
            ps.setBoolean(8, answer.onRegister());
            ps.setString(9, first.map(RegisterIndex.Found::council).orElse(null));
            ps.setString(10, first.map(RegisterIndex.Found::caseReference).orElse(null));
            ps.setObject(11, notice.map(Acceptance::messageId).orElse(null));
            ps.executeUpdate();
        }
        return new Outcome(answer, notice);
    }

    private RegisterEnquiryRules.Council council(String id) {
        Optional<Agency> agency = directory.find(id);
        String name = agency.map(a -> a.name().getOrDefault("en", a.name().values().stream().findFirst().orElse(id)))
                .orElse(id);
        RegisterEnquiryRules.Contact contact = agency.flatMap(a -> RegisterEnquiryRules.contact(a.contacts().stream()
                .map(k -> new RegisterEnquiryRules.Contact(k.role(), k.name(), k.email())).toList())).orElse(null);
        return new RegisterEnquiryRules.Council(id, name, contact);
    }

    /** The information-share that tells the council unscheduled care looked its child up. */
    private Envelope notice(Agency caller, Enquiry enquiry, RegisterIndex.Found found, Agency council, Instant now) {
        String enquirer = caller.name().getOrDefault("en", caller.id()) + " (" + caller.id() + ")";
        String summary = RegisterEnquiryRules.noticeSummary(council.language(), enquirer,
                LocalDate.ofInstant(now, WorkingDayCalendar.LONDON), enquiry.reason().strip(), found.since());
        String localAuthority = council.localAuthority() != null ? council.localAuthority() : enquiry.localAuthority();
        ChildRef child = new ChildRef(enquiry.name().strip(), enquiry.bornOn(),
                enquiry.byNhsNumber() ? enquiry.nhsNumber().replaceAll("\\s+", "") : null, localAuthority, null, null);
        InformationShare body = new InformationShare(new InformationSubject("child", null), "other", summary, null,
                null, child);
        Language language = council.language() == LanguagePreference.EN ? Language.EN : Language.CY;
        return new Envelope(UUID.randomUUID(), MessageType.INFORMATION_SHARE, Envelope.SCHEMA_VERSION, HUB,
                List.of(council.id()), found.caseReference(), null, null, language, "OFFICIAL-SENSITIVE",
                now.atOffset(ZoneOffset.UTC), null, CanonicalJson.mapper().valueToTree(body));
    }
}
