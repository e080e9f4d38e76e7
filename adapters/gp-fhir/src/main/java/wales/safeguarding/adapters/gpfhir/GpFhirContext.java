package wales.safeguarding.adapters.gpfhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.api.EncodingEnum;

import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The one {@link FhirContext} (R4) of the adapter. Building a context scans the model classes and takes seconds;
 * once built it is thread-safe, so every class here shares this one. Parsers are cheap and not thread-safe: make a
 * new one per use.
 */
public final class GpFhirContext {

    private static final FhirContext CONTEXT = FhirContext.forR4();

    private GpFhirContext() {
    }

    public static FhirContext get() {
        return CONTEXT;
    }

    /** Compact JSON, as sent to the GP system. */
    public static String toJson(IBaseResource resource) {
        return CONTEXT.newJsonParser().encodeResourceToString(resource);
    }

    /** Indented JSON, for people (README, golden files). */
    public static String toPrettyJson(IBaseResource resource) {
        return CONTEXT.newJsonParser().setPrettyPrint(true).encodeResourceToString(resource);
    }

    /**
     * Parses FHIR JSON or XML (told apart by the first character).
     *
     * @throws DataFormatException when it is neither, or not a resource
     */
    public static IBaseResource parse(String body) {
        if (body == null || body.isBlank()) {
            throw new DataFormatException("empty body");
        }
        EncodingEnum encoding = EncodingEnum.detectEncodingNoDefault(body);
        if (encoding == null) {
            throw new DataFormatException("neither FHIR JSON nor FHIR XML");
        }
        IParser parser = encoding.newParser(CONTEXT);
        return parser.parseResource(body);
    }
}
