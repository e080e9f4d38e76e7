package wales.safeguarding.adapters.police;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import wales.safeguarding.adapters.police.PublicProtectionNotice.Adult;
import wales.safeguarding.adapters.police.PublicProtectionNotice.Incident;
import wales.safeguarding.adapters.police.PublicProtectionNotice.Officer;
import wales.safeguarding.adapters.police.PublicProtectionNotice.RiskAssessment;
import wales.safeguarding.schemas.dutytoreport.Address;
import wales.safeguarding.schemas.dutytoreport.Child;
import wales.safeguarding.schemas.dutytoreport.Contact;
import wales.safeguarding.schemas.dutytoreport.DutyToReport;
import wales.safeguarding.schemas.dutytoreport.GpPracticeRef;
import wales.safeguarding.schemas.dutytoreport.HouseholdMember;
import wales.safeguarding.schemas.dutytoreport.OriginalReport;
import wales.safeguarding.schemas.dutytoreport.Reporter;
import wales.safeguarding.schemas.dutytoreport.SchoolRef;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.DerivedIds;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.Language;
import wales.safeguarding.schemas.envelope.LanguagePreference;
import wales.safeguarding.schemas.envelope.MessageType;
import wales.safeguarding.schemas.validation.CanonicalValidator;
import wales.safeguarding.schemas.validation.Violation;

/**
 * Turns an accepted Public Protection Notice into the canonical {@code duty-to-report} message the hub carries to
 * the children's local authorities, and checks the result with the {@link CanonicalValidator} before handing it
 * over: a message that fails is never returned.
 *
 * <p>The result depends on the notice and the hub's message-id key alone (no clock, no random id), so the same
 * notice always gives the same bytes, and a notice sent twice is the same message to the hub. The key is the hub's
 * ({@link DerivedIds}): this adapter reads no configuration, the hub passes it in. Thread-safe.
 */
public final class PpnMapper {

    /** Notices are about children and police concerns: always OFFICIAL-SENSITIVE. */
    public static final String SECURITY_LABEL = "OFFICIAL-SENSITIVE";
    /** A notice is a written report. */
    public static final String MEANS = "written";

    private final CanonicalValidator validator;
    private final DerivedIds ids;

    public PpnMapper(DerivedIds ids) {
        this(CanonicalValidator.fromClasspath(), ids);
    }

    public PpnMapper(CanonicalValidator validator, DerivedIds ids) {
        this.validator = Objects.requireNonNull(validator, "validator");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /**
     * The canonical messageId of a notice: keyed with the hub's secret ({@link DerivedIds#policeNotice}), so no other
     * agency can work it out and take it first. A force finds its notice by its notice id through the hub
     * ({@code GET /api/v1/police/notices/{noticeId}}).
     */
    public UUID messageIdFor(String force, String noticeId) {
        return ids.policeNotice(force, noticeId);
    }

    /**
     * The duty-to-report message for the notice, validated.
     *
     * @throws PpnMappingException when the canonical validator refuses the result (the notice must be refused)
     */
    public Envelope toEnvelope(PublicProtectionNotice notice) {
        Objects.requireNonNull(notice, "notice");
        return toEnvelope(notice, messageIdFor(notice.force(), notice.noticeId()));
    }

    /**
     * As {@link #toEnvelope(PublicProtectionNotice)} under a message id the hub chose: the id the notice was given
     * before a rotation of the message-id key, so a notice sent again is still the same message.
     */
    public Envelope toEnvelope(PublicProtectionNotice notice, UUID messageId) {
        Objects.requireNonNull(notice, "notice");
        Objects.requireNonNull(messageId, "messageId");
        Officer officer = notice.officer();
        Language language = officer.languagePreference() == LanguagePreference.CY ? Language.CY : Language.EN;
        Wording words = language == Language.CY ? Wording.CY : Wording.EN;
        DutyToReport body = new DutyToReport(
                new Reporter(officer.name(), officer.role() + ", " + words.collarLabel + " " + officer.collarNumber(),
                        notice.force(), new Contact(officer.phone(), officer.email()), officer.languagePreference()),
                notice.children().stream().map(PpnMapper::child).toList(),
                notice.adultsPresent().isEmpty() ? null
                        : notice.adultsPresent().stream().map(PpnMapper::householdMember).toList(),
                notice.categoriesOfConcern(),
                description(notice, words),
                notice.riskAssessment().immediateRisk(),
                new OriginalReport(notice.issuedAt(), MEANS));
        Envelope envelope = new Envelope(
                messageId,
                MessageType.DUTY_TO_REPORT,
                Envelope.SCHEMA_VERSION,
                notice.force(),
                // none named: the hub sends a duty-to-report to each child's local authority
                List.of(),
                null,
                null,
                null,
                language,
                SECURITY_LABEL,
                notice.issuedAt(),
                null,
                CanonicalJson.mapper().valueToTree(body));
        JsonNode message = CanonicalJson.mapper().valueToTree(envelope);
        List<Violation> violations = validator.validate(message);
        if (!violations.isEmpty()) {
            throw new PpnMappingException(notice.noticeId(), violations);
        }
        return envelope;
    }

    /** {@link #toEnvelope} written with the one canonical Jackson configuration, as the hub accepts it. */
    public byte[] toCanonicalJson(PublicProtectionNotice notice) {
        return CanonicalJson.write(toEnvelope(notice));
    }

    /** {@link #toEnvelope(PublicProtectionNotice, UUID)} written as the hub accepts it. */
    public byte[] toCanonicalJson(PublicProtectionNotice notice, UUID messageId) {
        return CanonicalJson.write(toEnvelope(notice, messageId));
    }

    private static Child child(PublicProtectionNotice.Child c) {
        return new Child(
                c.name(),
                c.dateOfBirth(),
                c.nhsNumber(),
                c.address() == null ? null : new Address(c.address().lines(), c.address().postcode()),
                c.localAuthority(),
                c.school() == null ? null : new SchoolRef(c.school().schoolNumber(), c.school().name()),
                c.gpPractice() == null ? null : new GpPracticeRef(c.gpPractice().odsCode(), c.gpPractice().name()));
    }

    private static HouseholdMember householdMember(Adult a) {
        return new HouseholdMember(a.name(), a.relationship(), a.dateOfBirth(), a.notes());
    }

    /**
     * What the local authority reads first: which notice, what kind of incident, when and where, the risk level,
     * then the officer's narrative as written.
     */
    static String description(PublicProtectionNotice notice, Wording words) {
        Incident incident = notice.incident();
        RiskAssessment risk = notice.riskAssessment();
        StringBuilder d = new StringBuilder()
                .append(words.heading(notice.noticeId(), notice.force())).append('\n')
                .append(words.incidentLabel).append(": ").append(words.incidentType(incident.type())).append('\n')
                .append(words.whenLabel).append(": ").append(words.dateTime(incident.occurredAt())).append('\n')
                .append(words.whereLabel).append(": ").append(incident.place());
        if (incident.postcode() != null) {
            d.append(", ").append(incident.postcode());
        }
        d.append('\n');
        if (risk.dashLevel() != null) {
            d.append(words.dashLabel).append(": ").append(words.dashLevel(risk.dashLevel())).append('\n');
        }
        if (risk.rationale() != null) {
            d.append(words.rationaleLabel).append(": ").append(risk.rationale()).append('\n');
        }
        return d.append('\n').append(notice.narrative()).toString();
    }
}
