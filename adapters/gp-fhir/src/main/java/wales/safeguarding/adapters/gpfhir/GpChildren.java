package wales.safeguarding.adapters.gpfhir;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

/**
 * A child as a GP system sends it, a {@code Patient}, read into the contract's child: only the fields the message's
 * child definition holds ({@link BodyFields}), each located in the Patient for refusals (README, "Your own messages").
 */
final class GpChildren {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private GpChildren() {
    }

    /**
     * @param at        where the Patient is in the Bundle ({@code Bundle.entry[i].resource})
     * @param holds     the fields of the contract's child definition
     * @param pointer   the child's JSON pointer in the canonical message
     * @param locations filled with each field's pointer and the element it came from
     */
    static ObjectNode read(Patient patient, String at, Bundle bundle, List<BodyFields.Field> holds, String pointer,
            Map<String, String> locations) {
        Set<String> fields = holds.stream().map(BodyFields.Field::name).collect(Collectors.toSet());
        ObjectNode child = JSON.objectNode();
        identifier(patient, FhirSystems.CHILD_REFERENCE).filter(v -> fields.contains("childReference"))
                .ifPresent(v -> put(child, "childReference", v, pointer, at + ".identifier", locations));
        Optional.ofNullable(GpInboundMapper.name(patient.getName()))
                .ifPresent(v -> put(child, "name", v, pointer, at + ".name", locations));
        if (patient.hasBirthDate()) {
            put(child, "dateOfBirth", patient.getBirthDateElement().getValueAsString(), pointer, at + ".birthDate",
                    locations);
        }
        identifier(patient, FhirSystems.NHS_NUMBER)
                .ifPresent(v -> put(child, "nhsNumber", v, pointer, at + ".identifier", locations));
        if (fields.contains("address") && patient.hasAddress()) {
            address(child, patient.getAddressFirstRep(), pointer + "/address", at + ".address[0]", locations);
        }
        extension(patient, FhirSystems.LOCAL_AUTHORITY_EXTENSION).map(Extension::getValue)
                .filter(v -> v instanceof PrimitiveType<?>).map(v -> ((PrimitiveType<?>) v).getValueAsString())
                .ifPresent(v -> put(child, "localAuthority", v, pointer, at + ".extension", locations));
        extension(patient, FhirSystems.SCHOOL_EXTENSION).filter(e -> fields.contains("school"))
                .map(Extension::getValue).filter(Identifier.class::isInstance).map(Identifier.class::cast)
                .ifPresent(id -> {
                    ObjectNode school = child.putObject("school");
                    school.put("schoolNumber", id.getValue());
                    if (id.getAssigner().hasDisplay()) {
                        school.put("name", id.getAssigner().getDisplay());
                    }
                    locations.put(pointer + "/school", at + ".extension");
                });
        if (fields.contains("gpPractice") && patient.hasGeneralPractitioner()) {
            practice(child, patient, bundle, pointer + "/gpPractice", at + ".generalPractitioner[0]", locations);
        }
        return child;
    }

    private static void address(ObjectNode child, Address address, String pointer, String at,
            Map<String, String> locations) {
        ArrayNode lines = JSON.arrayNode();
        address.getLine().stream().map(StringType::getValue).filter(s -> s != null && !s.isBlank()).forEach(lines::add);
        if (address.hasCity()) {
            lines.add(address.getCity());
        }
        if (lines.isEmpty() && !address.hasPostalCode()) {
            return;
        }
        ObjectNode node = child.putObject("address");
        node.set("lines", lines);
        if (address.hasPostalCode()) {
            node.put("postcode", address.getPostalCode());
        }
        locations.put(pointer, at);
    }

    /** The child's practice: an Organization in the Bundle (or contained), else a logical reference by ODS code. */
    private static void practice(ObjectNode child, Patient patient, Bundle bundle, String pointer, String at,
            Map<String, String> locations) {
        Reference gp = patient.getGeneralPractitionerFirstRep();
        String ods = null;
        String name = gp.getDisplay();
        Optional<Resource> target = GpInboundMapper.resolve(gp, bundle, patient);
        if (target.isPresent() && target.get() instanceof Organization organization) {
            ods = organization.getIdentifier().stream().filter(i -> FhirSystems.ODS_CODE.equals(i.getSystem()))
                    .map(Identifier::getValue).findFirst().orElse(null);
            name = organization.hasName() ? organization.getName() : name;
        } else if (FhirSystems.ODS_CODE.equals(gp.getIdentifier().getSystem())) {
            ods = gp.getIdentifier().getValue();
        }
        if (ods == null) {
            return;
        }
        ObjectNode node = child.putObject("gpPractice");
        node.put("odsCode", ods);
        if (name != null && !name.isBlank()) {
            node.put("name", name);
        }
        locations.put(pointer, at);
    }

    private static void put(ObjectNode node, String name, String value, String pointer, String at,
            Map<String, String> locations) {
        if (value != null) {
            node.put(name, value);
            locations.put(pointer + "/" + name, at);
        }
    }

    private static Optional<String> identifier(Patient patient, String system) {
        return patient.getIdentifier().stream().filter(i -> system.equals(i.getSystem()) && i.hasValue())
                .map(Identifier::getValue).findFirst();
    }

    private static Optional<Extension> extension(Patient patient, String url) {
        return Optional.ofNullable(patient.getExtensionByUrl(url));
    }
}
