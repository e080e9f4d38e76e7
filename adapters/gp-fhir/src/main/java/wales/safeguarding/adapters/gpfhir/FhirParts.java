package wales.safeguarding.adapters.gpfhir;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import wales.safeguarding.schemas.childprotection.ChildRef;
import wales.safeguarding.schemas.childprotection.ConferenceInvitation;
import wales.safeguarding.schemas.childprotection.ConferenceMinutes;
import wales.safeguarding.schemas.childprotection.DocumentContent;
import wales.safeguarding.schemas.childprotection.Invitee;
import wales.safeguarding.schemas.childprotection.OutlinePlan;
import wales.safeguarding.schemas.childprotection.RegisterChange;
import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.envelope.LanguagePreference;
import wales.safeguarding.schemas.spi.AgencyEndpoint;
import wales.safeguarding.schemas.spi.UnsendableMessageException;

/** The small FHIR pieces the outbound mapper puts together: patients, attachments, identifiers, dates. */
final class FhirParts {

    private FhirParts() {
    }

    static Attachment attachment(String contentType, String language, byte[] data, String title,
            OffsetDateTime created) {
        Attachment a = new Attachment();
        a.setContentType(contentType);
        a.setLanguage(language);
        a.setData(data);
        a.setSize(data.length);
        a.setHash(sha1(data));
        a.setTitle(title);
        a.setCreationElement(dateTime(created));
        return a;
    }

    static Patient patient(ChildRef child, Organization practice, LanguagePreference language) {
        Patient p = new Patient();
        p.setText(Narratives.of(Texts.inLanguages(language, cy -> List.of(Texts.child(child, cy)))));
        if (child.nhsNumber() != null) {
            p.addIdentifier().setSystem(FhirSystems.NHS_NUMBER).setValue(child.nhsNumber());
        }
        p.addName().setText(child.name());
        if (child.dateOfBirth() != null) {
            p.setBirthDateElement(date(child.dateOfBirth()));
        }
        if (practice != null && child.gpPractice() != null
                && practice.getIdentifierFirstRep().getValue().equals(child.gpPractice().odsCode())) {
            p.addGeneralPractitioner(new Reference("urn:uuid:" + practice.getIdElement().getIdPart()));
        }
        return p;
    }

    /**
     * The recipient practice's ODS code: the directory's, else the per-agency setting, otherwise the one practice the
     * children are registered at, otherwise none.
     */
    static String practiceOds(AgencyEndpoint endpoint, List<ChildRef> children) {
        return Optional.ofNullable(GpOutboundMapper.practiceOdsCode(endpoint)).orElseGet(() -> {
            Set<String> codes = odsCodes(children);
            return codes.size() == 1 ? codes.iterator().next() : null;
        });
    }

    static Set<String> odsCodes(List<ChildRef> children) {
        Set<String> codes = new LinkedHashSet<>();
        for (ChildRef c : children) {
            if (c.gpPractice() != null && c.gpPractice().odsCode() != null) {
                codes.add(c.gpPractice().odsCode());
            }
        }
        return codes;
    }

    static String noPractice(AgencyEndpoint endpoint, List<ChildRef> children) {
        int practices = odsCodes(children).size();
        return "cannot tell which GP practice " + endpoint.agencyId() + " is: the children are registered at "
                + practices + " practices, the directory gives it no odsCode and hub.agencies." + endpoint.agencyId() + "."
                + GpOutboundMapper.ODS_CODE_SETTING + " is not set";
    }

    static Identifier conferenceId(String id) {
        return new Identifier().setSystem(FhirSystems.CONFERENCE_ID).setValue(id);
    }

    static DateTimeType dateTime(OffsetDateTime t) {
        return new DateTimeType(Texts.fhirDateTime(t));
    }

    static DateType date(LocalDate d) {
        return new DateType(d.toString());
    }

    static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static byte[] sha1(byte[] data) {
        try {
            // Attachment.hash is SHA-1 by definition (R4), for integrity, not security
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java platform", e);
        }
    }
}
