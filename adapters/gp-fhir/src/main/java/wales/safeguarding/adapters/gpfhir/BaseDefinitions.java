package wales.safeguarding.adapters.gpfhir;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.StructureDefinition;

/**
 * The base R4 resources and data types (the StructureDefinitions of {@code profiles-resources.xml} and
 * {@code profiles-types.xml}), the only definitions the instance validator asks for all at once (to know the type
 * names). {@link DefaultProfileValidationSupport} answers that by parsing every definition HAPI ships, HL7's
 * extensions and other profiles too (32 MB of XML), and the validator then converts each to R5 and keeps both: most
 * of the validator's start and of its memory. Placed first in the chain, this answers that question and any look-up
 * of a base definition; the default support, behind it, still answers a look-up of anything else (an extension, a
 * profile, a value set, a code system), loading on that first look-up. What is validated is unchanged: the same
 * definitions for every URL, and the same type names.
 */
final class BaseDefinitions implements IValidationSupport {

    private static final String PACKAGE = "hl7.fhir.r4.core";
    private static final List<String> FILES = List.of("/org/hl7/fhir/r4/model/profile/profiles-types.xml",
            "/org/hl7/fhir/r4/model/profile/profiles-resources.xml");

    private final FhirContext context;
    private volatile Map<String, IBaseResource> byUrl;

    BaseDefinitions(FhirContext context) {
        this.context = context;
    }

    @Override
    public String getName() {
        return "hub base R4 definitions";
    }

    @Override
    public FhirContext getFhirContext() {
        return context;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends IBaseResource> List<T> fetchAllStructureDefinitions() {
        return new ArrayList<>((java.util.Collection<T>) definitions().values());
    }

    @Override
    public IBaseResource fetchStructureDefinition(String url) {
        if (url == null) {
            return null;
        }
        int version = url.indexOf('|');
        return definitions().get(version < 0 ? url : url.substring(0, version));
    }

    private Map<String, IBaseResource> definitions() {
        Map<String, IBaseResource> loaded = byUrl;
        if (loaded == null) {
            synchronized (this) {
                loaded = byUrl;
                if (loaded == null) {
                    loaded = load();
                    byUrl = loaded;
                }
            }
        }
        return loaded;
    }

    private Map<String, IBaseResource> load() {
        Map<String, IBaseResource> definitions = new LinkedHashMap<>();
        for (String file : FILES) {
            try (InputStream in = BaseDefinitions.class.getResourceAsStream(file)) {
                if (in == null) {
                    throw new IllegalStateException("HAPI's " + file + " is not on the classpath");
                }
                Bundle bundle = context.newXmlParser().parseResource(Bundle.class,
                        new InputStreamReader(in, StandardCharsets.UTF_8));
                for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                    if (entry.getResource() instanceof StructureDefinition definition && definition.hasUrl()) {
                        definition.setUserData(DefaultProfileValidationSupport.SOURCE_PACKAGE_ID, PACKAGE);
                        definitions.putIfAbsent(definition.getUrl(), definition);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not read HAPI's " + file, e);
            }
        }
        return Map.copyOf(definitions);
    }
}
