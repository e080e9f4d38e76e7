package wales.safeguarding.hub.register;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;

import wales.safeguarding.hub.directory.AgencyKind;
import wales.safeguarding.schemas.envelope.LanguagePreference;
import wales.safeguarding.schemas.validation.NhsNumber;
import wales.safeguarding.schemas.validation.Violation;

/**
 * Who may ask whether a child is on a child protection register held by the hub's councils, what an enquiry must say,
 * and what the answer says (issue 15 item 3). Plain: no Quarkus.
 * <ul>
 * <li>GP practices, health boards (their unscheduled care: the directory cannot tell a health board's emergency
 * department from its other services, so every health board enquiry is taken as unscheduled care), schools, the
 * councils' education services, the other education providers (pupil referral units, EOTAS providers, youth justice
 * and youth support services: the review found that "very few local authorities, schools, and other education
 * provision, such as youth justice, youth support service, pupil referral units (PRU) and education other than at
 * schools (EOTAS), have appropriate access") and police forces may ask; any other agency is refused.</li>
 * <li>An enquiry gives a reason, and the child by NHS number, or by name, date of birth and the local authority
 * (ONS code) the enquirer believes holds the child. A health board's enquiry also gives the child's name and date of
 * birth, so that the council it tells knows whom its child is (the match is still by NHS number when one is given).</li>
 * <li>The answer is minimal: on the register or not, since when, and the council with its contact; never the
 * categories of harm nor anything else of the case. A child on the registers of two councils is answered with the
 * earliest registration.</li>
 * </ul>
 */
public final class RegisterEnquiryRules {

    /** The kinds of agency that may ask. */
    public static final Set<AgencyKind> MAY_ASK = Set.of(AgencyKind.GP_PRACTICE, AgencyKind.HEALTH_BOARD,
            AgencyKind.SCHOOL, AgencyKind.EDUCATION_SERVICE, AgencyKind.PUPIL_REFERRAL_UNIT, AgencyKind.EOTAS_PROVIDER,
            AgencyKind.YOUTH_JUSTICE, AgencyKind.YOUTH_SUPPORT, AgencyKind.POLICE);
    /** The longest reason kept. */
    public static final int MAX_REASON = 2000;
    /** The longest name read. */
    public static final int MAX_NAME = 200;

    private static final Pattern LOCAL_AUTHORITY = Pattern.compile("W06\\d{6}");
    private static final Pattern TEN_DIGITS = Pattern.compile("\\d{10}");

    private RegisterEnquiryRules() {
    }

    /** An enquiry as the agency sends it. */
    public record Enquiry(String nhsNumber, String name, String dateOfBirth, String localAuthority, String reason) {

        /** Whether the child is asked about by NHS number (else by name, date of birth and local authority). */
        public boolean byNhsNumber() {
            return present(nhsNumber);
        }

        /** The date of birth, once {@link #check} found it valid. */
        public LocalDate bornOn() {
            return present(dateOfBirth) ? LocalDate.parse(dateOfBirth) : null;
        }
    }

    /** One registration the hub holds of the child asked about. */
    public record Registration(String council, LocalDate since) {
    }

    /** The council in an answer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Council(String id, String name, Contact contact) {
    }

    /** Whom to call at the council. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Contact(String role, String name, String email) {
    }

    /** The whole answer: nothing more is said. {@code since} and {@code council} are null when not on a register. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Answer(boolean onRegister, LocalDate since, Council council) {

        public static final Answer NOT_ON_REGISTER = new Answer(false, null, null);
    }

    /** Whether an agency of this kind may ask. */
    public static boolean mayAsk(AgencyKind kind) {
        return kind != null && MAY_ASK.contains(kind);
    }

    /** Whether the child's council is told of an enquiry from an agency of this kind: unscheduled care's. */
    public static boolean tellsCouncil(AgencyKind kind) {
        return kind == AgencyKind.HEALTH_BOARD;
    }

    /** What is wrong with the enquiry, each naming the field (JSON pointer) and the rule; empty when it can be asked. */
    public static List<Violation> check(Enquiry enquiry, AgencyKind kind, LocalDate today) {
        List<Violation> violations = new ArrayList<>();
        if (!present(enquiry.reason())) {
            violations.add(new Violation("/reason", "reason-required",
                    "say why the child is asked about: every enquiry is audited with who asked and why"));
        } else if (enquiry.reason().length() > MAX_REASON) {
            violations.add(new Violation("/reason", "reason-length", "at most " + MAX_REASON + " characters"));
        }
        boolean nameNeeded = !enquiry.byNhsNumber() || tellsCouncil(kind);
        if (enquiry.byNhsNumber()) {
            String number = enquiry.nhsNumber().replaceAll("\\s+", "");
            if (!TEN_DIGITS.matcher(number).matches()) {
                violations.add(new Violation("/nhsNumber", "nhs-number-format", "ten digits"));
            } else if (!NhsNumber.isValid(number)) {
                violations.add(new Violation("/nhsNumber", Violation.NHS_NUMBER_CHECK_DIGIT,
                        "is not a valid NHS number: the modulus 11 check digit does not match"));
            }
        } else if (!present(enquiry.localAuthority())) {
            violations.add(new Violation("/localAuthority", "nhs-number-or-name-date-of-birth-and-local-authority",
                    "give the child's NHS number, or their name, date of birth and local authority"));
        } else if (!LOCAL_AUTHORITY.matcher(enquiry.localAuthority()).matches()) {
            violations.add(new Violation("/localAuthority", "local-authority-code",
                    "the ONS code of a Welsh local authority (W06000001..W06000024)"));
        }
        String rule = enquiry.byNhsNumber() ? "unscheduled-care-names-the-child"
                : "nhs-number-or-name-date-of-birth-and-local-authority";
        if (nameNeeded) {
            if (!present(enquiry.name())) {
                violations.add(new Violation("/name", rule, enquiry.byNhsNumber()
                        ? "a health board gives the child's name, so that the council it tells knows whom its child is"
                        : "give the child's NHS number, or their name, date of birth and local authority"));
            } else if (enquiry.name().length() > MAX_NAME) {
                violations.add(new Violation("/name", "name-length", "at most " + MAX_NAME + " characters"));
            }
            if (!present(enquiry.dateOfBirth())) {
                violations.add(new Violation("/dateOfBirth", rule, enquiry.byNhsNumber()
                        ? "a health board gives the child's date of birth, so that the council it tells knows whom"
                                + " its child is"
                        : "give the child's NHS number, or their name, date of birth and local authority"));
            }
        }
        if (present(enquiry.dateOfBirth())) {
            try {
                if (LocalDate.parse(enquiry.dateOfBirth()).isAfter(today)) {
                    violations.add(new Violation("/dateOfBirth", "date-of-birth-not-in-future",
                            "a child cannot be born on a day still to come"));
                }
            } catch (DateTimeParseException e) {
                violations.add(new Violation("/dateOfBirth", "date-format", "a date, YYYY-MM-DD"));
            }
        }
        return violations;
    }

    /**
     * The registration an answer gives: of the registrations found (on the register now), the earliest; none when the
     * child is on no register.
     */
    public static Optional<Registration> answering(List<Registration> found) {
        return found.stream().min(Comparator.comparing(Registration::since,
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Registration::council));
    }

    /** The contact an answer names: the council's senior safeguarding manager, else its first contact. */
    public static Optional<Contact> contact(List<Contact> contacts) {
        return contacts.stream().filter(c -> "senior-safeguarding-manager".equals(c.role())).findFirst()
                .or(() -> contacts.stream().findFirst());
    }

    /**
     * What the council is told when unscheduled care looked its child up: who asked, when and why, and what the hub
     * answered; in the council's language, Welsh and English together when its preference is unknown. No identifier of
     * the child (the message's child and case say whom it is about).
     */
    public static String noticeSummary(LanguagePreference language, String enquirer, LocalDate on, String reason,
            LocalDate since) {
        String en = "Register enquiry from unscheduled care: " + enquirer + " asked on " + on
                + " whether this child is on the child protection register, because: " + reason
                + ". The hub answered that the child is on your register" + (since == null ? "" : " since " + since)
                + " and gave your contact.";
        String cy = "Ymholiad am y gofrestr gan ofal heb ei drefnu: gofynnodd " + enquirer + " ar " + on
                + " a yw'r plentyn hwn ar y gofrestr amddiffyn plant, oherwydd: " + reason
                + ". Atebodd yr hyb fod y plentyn ar eich cofrestr" + (since == null ? "" : " ers " + since)
                + " a rhoddodd eich manylion cyswllt.";
        return switch (language == null ? LanguagePreference.UNKNOWN : language) {
            case EN -> en;
            case CY -> cy;
            case UNKNOWN -> cy + "\n\n" + en;
        };
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
