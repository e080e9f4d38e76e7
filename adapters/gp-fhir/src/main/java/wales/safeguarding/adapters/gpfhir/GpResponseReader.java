package wales.safeguarding.adapters.gpfhir;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;

import wales.safeguarding.schemas.spi.DeliveryVerdict;

/**
 * Reads a GP system's answer to {@code $process-message}. A FHIR response message says what happened in
 * {@code MessageHeader.response.code}; without one, an OperationOutcome and the HTTP status decide.
 */
final class GpResponseReader {

    private static final int MAX_REASON_CHARS = 300;
    private static final JsonFactory JSON = new JsonFactory();
    private static final String TYPE = "/resourceType";
    private static final String BUNDLE_TYPE = "/type";
    private static final String BUNDLE_IDENTIFIER = "/identifier/value";
    private static final String HEADER_TYPE = "/entry/0/resource/resourceType";
    private static final String HEADER_ID = "/entry/0/resource/id";
    private static final String RESPONSE_CODE = "/entry/0/resource/response/code";

    private GpResponseReader() {
    }

    static DeliveryVerdict interpret(int status, String body) {
        IBaseResource resource = parseQuietly(body);
        if (resource instanceof Bundle bundle && responseHeader(bundle).isPresent()) {
            MessageHeader header = responseHeader(bundle).get();
            String reference = bundle.getIdentifier().hasValue() ? bundle.getIdentifier().getValue()
                    : plainId(header.getIdElement().getIdPart());
            String diagnostics = details(bundle, header.getResponse().getDetails()).map(GpResponseReader::diagnostics)
                    .orElse(null);
            return fromResponseCode(header.getResponse().getCodeElement().getValueAsString(), reference, diagnostics);
        }
        if (resource == null && body != null && body.stripLeading().startsWith("{")) {
            // the hub keeps only the start of a long answer: the response code comes early in a response message
            Map<String, String> found = sniff(body);
            if ("Bundle".equals(found.get(TYPE)) && "message".equals(found.get(BUNDLE_TYPE))
                    && "MessageHeader".equals(found.get(HEADER_TYPE)) && found.containsKey(RESPONSE_CODE)) {
                String reference = Optional.ofNullable(found.get(BUNDLE_IDENTIFIER)).orElse(plainId(found.get(HEADER_ID)));
                return fromResponseCode(found.get(RESPONSE_CODE), reference, "the answer was cut short");
            }
        }
        String diagnostics = resource instanceof OperationOutcome oo ? diagnostics(oo) : null;
        if (status >= 200 && status < 300) {
            return DeliveryVerdict.delivered(null);
        }
        String reason = limit("GP system answered HTTP " + status + (isBlank(diagnostics) ? "" : ": " + diagnostics));
        return isTransient(status) ? DeliveryVerdict.transientFailure(reason) : DeliveryVerdict.permanentFailure(reason);
    }

    private static DeliveryVerdict fromResponseCode(String code, String reference, String diagnostics) {
        String detail = isBlank(diagnostics) ? "" : ": " + diagnostics;
        return switch (code == null ? "" : code) {
            case "ok" -> DeliveryVerdict.delivered(reference);
            case "transient-error" -> DeliveryVerdict.transientFailure(limit("GP system answered transient-error" + detail));
            case "fatal-error" -> DeliveryVerdict.permanentFailure(limit("GP system answered fatal-error" + detail));
            default -> DeliveryVerdict.permanentFailure(limit("GP system answered an unknown response code"));
        };
    }

    /** HAPI gives an entry's resource its {@code urn:uuid:} fullUrl as id; the id is what follows. */
    static String plainId(String id) {
        return id != null && id.startsWith("urn:uuid:") ? id.substring("urn:uuid:".length()) : id;
    }

    static boolean isTransient(int status) {
        return status == 408 || status == 425 || status == 429 || status >= 500;
    }

    private static Optional<MessageHeader> responseHeader(Bundle bundle) {
        if (bundle.getType() != Bundle.BundleType.MESSAGE || bundle.getEntry().isEmpty()
                || !(bundle.getEntry().get(0).getResource() instanceof MessageHeader header) || !header.hasResponse()) {
            return Optional.empty();
        }
        return Optional.of(header);
    }

    private static Optional<OperationOutcome> details(Bundle bundle, Reference details) {
        if (details == null || details.isEmpty()) {
            return Optional.empty();
        }
        if (details.getResource() instanceof OperationOutcome contained) {
            return Optional.of(contained);
        }
        return GpRules.resolve(bundle, details).map(i -> bundle.getEntry().get(i).getResource())
                .filter(OperationOutcome.class::isInstance).map(OperationOutcome.class::cast);
    }

    /** The issues' diagnostics (or details text, or code), errors first. */
    static String diagnostics(OperationOutcome oo) {
        List<OperationOutcome.OperationOutcomeIssueComponent> errors = oo.getIssue().stream()
                .filter(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR
                        || i.getSeverity() == OperationOutcome.IssueSeverity.FATAL)
                .toList();
        List<OperationOutcome.OperationOutcomeIssueComponent> issues = errors.isEmpty() ? oo.getIssue() : errors;
        return issues.stream().map(GpResponseReader::text).filter(t -> !isBlank(t)).collect(Collectors.joining("; "));
    }

    private static String text(OperationOutcome.OperationOutcomeIssueComponent issue) {
        if (issue.hasDiagnostics()) {
            return issue.getDiagnostics();
        }
        if (issue.getDetails().hasText()) {
            return issue.getDetails().getText();
        }
        if (issue.getDetails().hasCoding()) {
            var coding = issue.getDetails().getCodingFirstRep();
            return coding.hasDisplay() ? coding.getDisplay() : coding.getCode();
        }
        return issue.hasCode() ? issue.getCode().toCode() : null;
    }

    private static IBaseResource parseQuietly(String body) {
        try {
            return GpFhirContext.parse(body);
        } catch (RuntimeException notFhir) {
            // not FHIR (an HTML error page, a cut-short answer): the status decides
            return null;
        }
    }

    /** The few string values a response message starts with, read from JSON that may be cut short. */
    private static Map<String, String> sniff(String json) {
        Set<String> wanted = Set.of(TYPE, BUNDLE_TYPE, BUNDLE_IDENTIFIER, HEADER_TYPE, HEADER_ID, RESPONSE_CODE);
        Map<String, String> found = new HashMap<>();
        try (JsonParser parser = JSON.createParser(json)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.VALUE_STRING) {
                    String pointer = parser.getParsingContext().pathAsPointer().toString();
                    if (wanted.contains(pointer)) {
                        found.putIfAbsent(pointer, parser.getText());
                    }
                }
            }
        } catch (IOException cutShort) {
            // keep what was read before the end
        }
        return found;
    }

    private static String limit(String reason) {
        return reason.length() > MAX_REASON_CHARS ? reason.substring(0, MAX_REASON_CHARS) + "…" : reason;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
