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

/**
 * One FHIR message being put together for a practice: the MessageHeader, its focus resources and the resources they
 * refer to, each with an id derived from the canonical message id, so a resend is the same message.
 */
final class FhirMessage {

    private final Clock clock;
    private final String hubEndpoint;

    private final Envelope envelope;
    private final AgencyEndpoint endpoint;
    private final String odsCode;
    private final List<Resource> focus = new ArrayList<>();
    private final List<Resource> supporting = new ArrayList<>();
    /** The recipient practice, once {@link #practice} identified it. */
    Reference practiceRef;

    FhirMessage(Clock clock, String hubEndpoint, Envelope envelope, AgencyEndpoint endpoint, String odsCode) {
        this.clock = clock;
        this.hubEndpoint = hubEndpoint;
        this.envelope = envelope;
        this.endpoint = endpoint;
        this.odsCode = odsCode;
    }

    /** The recipient practice as an Organization by its ODS code, or null when the code is not known. */
    Organization practice(List<ChildRef> children) {
        if (odsCode == null) {
            return null;
        }
        Organization org = new Organization();
        String name = children.stream().filter(c -> c.gpPractice() != null)
                .filter(c -> odsCode.equals(c.gpPractice().odsCode())).map(c -> c.gpPractice().name())
                .filter(Objects::nonNull).findFirst().orElse(null);
        org.setText(Narratives.of(Texts.inLanguages(endpoint.language(), cy -> List.of((name != null ? name + ", " : "")
                + Texts.w(cy, "practice", "ods", odsCode, "agency", endpoint.agencyId())))));
        org.addIdentifier().setSystem(FhirSystems.ODS_CODE).setValue(odsCode);
        org.addIdentifier().setSystem(FhirSystems.AGENCY_ID).setValue(endpoint.agencyId());
        org.setName(name);
        practiceRef = supporting(org, "practice");
        return org;
    }

    /** The recipient practice's agency id (the hub directory's). */
    String agencyId() {
        return endpoint.agencyId();
    }

    /** The language the practice reads the hub's own text in. */
    LanguagePreference language() {
        return endpoint.language();
    }

    Reference senderRef() {
        return new Reference().setType("Organization")
                .setIdentifier(new Identifier().setSystem(FhirSystems.AGENCY_ID).setValue(envelope.sender()))
                .setDisplay(envelope.sender());
    }

    Reference focus(Resource r, String role) {
        focus.add(r);
        return identify(r, role);
    }

    Reference supporting(Resource r, String role) {
        supporting.add(r);
        return identify(r, role);
    }

    private Reference identify(Resource r, String role) {
        String id = UUID.nameUUIDFromBytes((envelope.messageId() + "/" + endpoint.agencyId() + "/" + role)
                .getBytes(StandardCharsets.UTF_8)).toString();
        r.setId(id);
        return new Reference("urn:uuid:" + id);
    }

    Bundle build() {
        String type = envelope.type().wireName();
        MessageHeader header = new MessageHeader();
        header.setId(envelope.messageId().toString());
        header.setText(Narratives.of(Texts.inLanguages(endpoint.language(), cy -> List.of(
                Texts.w(cy, "header.message", "type", type, "id", envelope.messageId()),
                envelope.caseReference() == null
                        ? Texts.w(cy, "header.route", "sender", envelope.sender(), "agency", endpoint.agencyId())
                        : Texts.w(cy, "header.route.case", "sender", envelope.sender(), "agency", endpoint.agencyId(),
                                "case", envelope.caseReference())))));
        header.setEvent(new Coding(FhirSystems.MESSAGE_EVENT, type, null));
        MessageHeader.MessageDestinationComponent destination = header.addDestination()
                .setName(endpoint.agencyId()).setEndpoint(endpoint.url());
        if (practiceRef != null) {
            destination.setReceiver(practiceRef);
        }
        header.setSender(senderRef());
        header.getSource().setName("Safeguarding hub (Wales)").setEndpoint(hubEndpoint);
        for (Resource r : focus) {
            header.addFocus(new Reference("urn:uuid:" + r.getIdElement().getIdPart()));
        }

        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.MESSAGE);
        bundle.setIdentifier(new Identifier().setSystem(FhirSystems.MESSAGE_ID)
                .setValue(envelope.messageId().toString()));
        bundle.setTimestamp(Date.from(clock.instant()));
        bundle.getMeta().addSecurity(new Coding(FhirSystems.SECURITY_LABEL, envelope.securityLabel(), null));
        add(bundle, header);
        focus.forEach(r -> add(bundle, r));
        supporting.forEach(r -> add(bundle, r));
        return bundle;
    }

    private void add(Bundle bundle, Resource r) {
        bundle.addEntry().setFullUrl("urn:uuid:" + r.getIdElement().getIdPart()).setResource(r);
    }
}
