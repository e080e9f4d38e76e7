package wales.safeguarding.adapters.gpfhir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hl7.fhir.r4.model.Bundle;

import wales.safeguarding.schemas.envelope.CanonicalJson;
import wales.safeguarding.schemas.envelope.Envelope;
import wales.safeguarding.schemas.spi.AgencyEndpoint;
import wales.safeguarding.schemas.spi.DeliveryVerdict;
import wales.safeguarding.schemas.spi.OutboundAdapter;
import wales.safeguarding.schemas.spi.OutboundRequest;
import wales.safeguarding.schemas.spi.UnsendableMessageException;
import wales.safeguarding.schemas.validation.Violation;

/**
 * GP practice systems that speak FHIR R4 messaging (directory transport {@code fhir-r4}; the endpoint URL is the
 * practice system's FHIR base). Each message for a practice becomes one FHIR message Bundle
 * ({@link GpOutboundMapper}), {@code POST}ed as {@code application/fhir+json} to {@code <base>/$process-message}.
 *
 * <p>Before anything is mapped, the copy must hold what the practice's message needs ({@link GpRequirements}: the
 * child's NHS number for a register change, a known practice for a conference invitation, minutes that decode); the
 * hub asks the same question at intake ({@link #unsendable}) and refuses such a message there.
 *
 * <p>Every Bundle is validated ({@link GpFhirValidator}: base R4 and the hub's rules) before it is returned; one
 * that fails is never sent: {@link #toAgencyRequest} throws {@link FhirValidationException}, and the hub
 * dead-letters the delivery with its reason. <b>The first call builds the validator (seconds)</b>; call
 * {@link GpFhirValidator#warmUp()} at start-up to pay that before the first delivery.
 *
 * <p>The answer is a FHIR response message: {@code MessageHeader.response.code} {@code ok} is delivered,
 * {@code transient-error} is retried, {@code fatal-error} is dead-lettered with the OperationOutcome's diagnostics.
 * Without a response message, an OperationOutcome with a 4xx is a refusal, 408/425/429/5xx are retried and any other
 * 2xx is delivered.
 */
public final class GpFhirAdapter implements OutboundAdapter {

    public static final String TRANSPORT = "fhir-r4";
    /** Appended to the practice system's FHIR base URL. */
    public static final String PATH = "/$process-message";
    public static final String CONTENT_TYPE = "application/fhir+json";

    private final GpOutboundMapper mapper;

    /** The ServiceLoader's way in: the system clock (UTC) stamps {@code Bundle.timestamp}. */
    public GpFhirAdapter() {
        this(Clock.systemUTC());
    }

    public GpFhirAdapter(Clock clock) {
        this.mapper = new GpOutboundMapper(clock);
    }

    /** Builds the validator now (8-15 s on first use) so the first delivery to a practice does not pay for it. */
    @Override
    public void warmUp() {
        GpFhirValidator.warmUp();
    }

    @Override
    public String transport() {
        return TRANSPORT;
    }

    /** Not a secret: the practice's ODS code where the directory has none ({@code hub.agencies.<agency id>.ods-code}). */
    @Override
    public Set<String> secretNames() {
        return Set.of(GpOutboundMapper.ODS_CODE_SETTING);
    }

    @Override
    public OutboundRequest toAgencyRequest(byte[] canonicalMessage, AgencyEndpoint endpoint) {
        Bundle bundle = toValidBundle(canonicalMessage, endpoint);
        byte[] body = GpFhirContext.toJson(bundle).getBytes(StandardCharsets.UTF_8);
        return new OutboundRequest("POST", PATH, CONTENT_TYPE, Map.of("Accept", CONTENT_TYPE), body);
    }

    /** What {@link #toAgencyRequest} would refuse in this copy, from the same {@link GpRequirements}; no FHIR is built. */
    @Override
    public List<Violation> unsendable(byte[] canonicalCopy, AgencyEndpoint endpoint) {
        Envelope envelope;
        try {
            envelope = CanonicalJson.read(canonicalCopy);
        } catch (IOException e) {
            return List.of(new Violation("", "canonical-message", e.getMessage()));
        }
        return GpRequirements.of(envelope, endpoint);
    }

    /**
     * The validated FHIR message for one canonical message and practice (what {@link #toAgencyRequest} sends).
     *
     * @throws UnsendableMessageException when the copy lacks what the practice's message needs ({@link #unsendable}),
     *                                    or it cannot be mapped, or the result fails validation
     */
    public Bundle toValidBundle(byte[] canonicalMessage, AgencyEndpoint endpoint) {
        Envelope envelope;
        try {
            envelope = CanonicalJson.read(canonicalMessage);
        } catch (IOException e) {
            throw new UnsendableMessageException(e.getMessage());
        }
        List<Violation> missing = GpRequirements.of(envelope, endpoint);
        if (!missing.isEmpty()) {
            throw new UnsendableMessageException(GpRequirements.describe(missing));
        }
        Bundle bundle;
        try {
            bundle = mapper.toBundle(envelope, endpoint);
        } catch (UncheckedIOException e) {
            // CanonicalJson says where the body does not fit, never what is there
            throw new UnsendableMessageException(e.getCause().getMessage());
        }
        GpFhirValidator.requireValid(bundle);
        return bundle;
    }

    @Override
    public DeliveryVerdict interpret(int status, String responseBody) {
        return GpResponseReader.interpret(status, responseBody);
    }
}
