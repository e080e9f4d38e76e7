package wales.safeguarding.adapters.gpfhir;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import wales.safeguarding.schemas.childprotection.ConferenceInvitation;
import wales.safeguarding.schemas.childprotection.ConferenceMinutes;
import wales.safeguarding.schemas.childprotection.RegisterChange;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.spi.AgencyEndpoint;
import wales.safeguarding.schemas.validation.NhsNumber;
import wales.safeguarding.schemas.validation.Violation;

/**
 * What a practice's FHIR message needs from the canonical copy, checked before anything is mapped: the one place
 * that decides whether a message can go to a practice because of what it says. {@link GpFhirAdapter#unsendable}
 * gives these at intake and {@link GpFhirAdapter#toAgencyRequest} refuses with the same ones, so the two never
 * disagree. Cheap: no FHIR is built or validated ({@link GpRules} stays as the check on the Bundle itself).
 *
 * <ul>
 * <li>a register change becomes a {@code Flag} on the child's {@code Patient}, which a GP system files by the NHS
 * number: the child's NHS number is needed ({@value #NEEDS_NHS_NUMBER}) and must be valid;</li>
 * <li>a conference invitation always asks the practice for its written report (recommendation 1.8), a {@code Task}
 * owned by the practice: the practice must be known by its ODS code ({@value #NEEDS_PRACTICE}): the directory's, the
 * configured one, or the one practice the children are registered at;</li>
 * <li>minutes sent as {@code contentBase64} must decode ({@value #MINUTES_BASE64}).</li>
 * </ul>
 * Each violation's message names what is missing, never a value.
 */
final class GpRequirements {

    static final String NEEDS_NHS_NUMBER = "gp-needs-nhs-number";
    static final String NEEDS_PRACTICE = "gp-needs-practice";
    static final String MINUTES_BASE64 = "minutes-base64";
    /** The body does not bind to its type's record (the schemas admit what the records do not). */
    static final String BODY_FITS_TYPE = "body-fits-type";

    private GpRequirements() {
    }

    /** Every reason the practice's message cannot be made from this copy; empty when it can. */
    static List<Violation> of(Envelope e, AgencyEndpoint endpoint) {
        try {
            return switch (e.type()) {
                case REGISTER_CHANGE -> registerChange(CanonicalJson.bodyAs(e, RegisterChange.class));
                case CONFERENCE_INVITATION -> invitation(CanonicalJson.bodyAs(e, ConferenceInvitation.class), endpoint);
                case CONFERENCE_MINUTES -> minutes(CanonicalJson.bodyAs(e, ConferenceMinutes.class));
                default -> List.of();
            };
        } catch (UncheckedIOException doesNotFit) {
            // CanonicalJson says where the body does not fit, never what is there
            return List.of(new Violation("/body", BODY_FITS_TYPE, doesNotFit.getCause().getMessage()));
        }
    }

    /** One line for an {@link wales.safeguarding.schemas.spi.UnsendableMessageException}: each pointer, rule and why. */
    static String describe(List<Violation> violations) {
        List<String> parts = new ArrayList<>();
        for (Violation v : violations) {
            parts.add(v.pointer() + ": " + v.rule() + ": " + v.message());
        }
        return String.join("; ", parts);
    }

    /** The decoded bytes, or null when the text is not base64 (the mapper and the check use this one decoding). */
    static byte[] base64OrNull(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static List<Violation> registerChange(RegisterChange change) {
        String nhsNumber = change.child() == null ? null : change.child().nhsNumber();
        if (nhsNumber == null) {
            return List.of(new Violation("/body/child/nhsNumber", NEEDS_NHS_NUMBER,
                    "a GP practice's system records a register change as a flag on the child's record, which it finds by "
                            + "the NHS number: the child's NHS number is missing"));
        }
        if (!NhsNumber.isValid(nhsNumber)) {
            return List.of(new Violation("/body/child/nhsNumber", Violation.NHS_NUMBER_CHECK_DIGIT,
                    "the child's NHS number is not ten digits with a valid modulus 11 check digit"));
        }
        return List.of();
    }

    private static List<Violation> invitation(ConferenceInvitation inv, AgencyEndpoint endpoint) {
        if (FhirParts.practiceOds(endpoint, inv.children()) == null) {
            return List.of(new Violation("/body/children", NEEDS_PRACTICE,
                    "every conference invitation asks the GP practice for its written report, which needs the practice's "
                            + "ODS code: " + FhirParts.noPractice(endpoint, inv.children())));
        }
        return List.of();
    }

    private static List<Violation> minutes(ConferenceMinutes minutes) {
        if (minutes.minutes() != null && minutes.minutes().contentBase64() != null
                && base64OrNull(minutes.minutes().contentBase64()) == null) {
            return List.of(new Violation("/body/minutes/contentBase64", MINUTES_BASE64,
                    "the minutes' contentBase64 is not base64 (RFC 4648, with padding), so the document cannot be attached"));
        }
        return List.of();
    }
}
