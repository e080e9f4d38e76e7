package wales.safeguarding.adapters.police;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import wales.safeguarding.schemas.envelope.LanguagePreference;

/**
 * A Public Protection Notice as a police force sent it, after {@link PpnParser} has checked it against
 * {@code schemas/police/ppn-1.0.xsd}. Optional parts are {@code null} when the notice leaves them out; lists are
 * never null (empty when absent). Field names follow the XSD elements.
 *
 * <p>{@link #toString()} names the notice only: the rest is personal data about children and must not reach a log.
 */
public record PublicProtectionNotice(
        String noticeId,
        String force,
        OffsetDateTime issuedAt,
        Officer officer,
        Incident incident,
        List<Child> children,
        List<Adult> adultsPresent,
        RiskAssessment riskAssessment,
        List<String> categoriesOfConcern,
        String narrative) {

    public PublicProtectionNotice {
        children = children == null ? List.of() : List.copyOf(children);
        adultsPresent = adultsPresent == null ? List.of() : List.copyOf(adultsPresent);
        categoriesOfConcern = categoriesOfConcern == null ? List.of() : List.copyOf(categoriesOfConcern);
    }

    @Override
    public String toString() {
        return "PublicProtectionNotice[noticeId=" + noticeId + ", force=" + force + ", children=" + children.size()
                + "]";
    }

    /** The officer who raised the notice. {@code phone} or {@code email} may be null, never both. */
    public record Officer(String name, String collarNumber, String role, String phone, String email,
            LanguagePreference languagePreference) {}

    /** What officers attended. {@code postcode} may be null. */
    public record Incident(IncidentType type, OffsetDateTime occurredAt, String place, String postcode) {}

    /** A child the notice concerns. {@code nhsNumber}, {@code address}, {@code school}, {@code gpPractice} may be null. */
    public record Child(String name, LocalDate dateOfBirth, String nhsNumber, Address address, String localAuthority,
            School school, GpPractice gpPractice) {}

    /** A postal address: one to six lines and a postcode. */
    public record Address(List<String> lines, String postcode) {
        public Address {
            lines = List.copyOf(lines);
        }
    }

    /** A school by its seven-digit Welsh school number; {@code name} may be null. */
    public record School(String schoolNumber, String name) {}

    /** A GP practice by its ODS code; {@code name} may be null. */
    public record GpPractice(String odsCode, String name) {}

    /** An adult present at the incident. {@code dateOfBirth} and {@code notes} may be null. */
    public record Adult(String name, String relationship, LocalDate dateOfBirth, String notes) {}

    /** The officer's risk assessment. {@code dashLevel} and {@code rationale} may be null. */
    public record RiskAssessment(DashLevel dashLevel, boolean immediateRisk, String rationale) {}

    /** {@code incident/type}. */
    public enum IncidentType {
        DOMESTIC_ABUSE("domestic-abuse"),
        CHILD_CONCERN("child-concern"),
        MISSING_CHILD("missing-child"),
        OTHER("other");

        private final String wireName;

        IncidentType(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Optional<IncidentType> fromWireName(String s) {
            return Arrays.stream(values()).filter(t -> t.wireName.equals(s)).findFirst();
        }
    }

    /** {@code riskAssessment/dashLevel}: the DASH risk level. */
    public enum DashLevel {
        STANDARD("standard"),
        MEDIUM("medium"),
        HIGH("high");

        private final String wireName;

        DashLevel(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Optional<DashLevel> fromWireName(String s) {
            return Arrays.stream(values()).filter(t -> t.wireName.equals(s)).findFirst();
        }
    }
}
