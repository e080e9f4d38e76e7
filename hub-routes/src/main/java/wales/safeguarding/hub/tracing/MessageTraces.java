package wales.safeguarding.hub.tracing;

import java.util.UUID;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;

/**
 * One trace per message (issue 13), from intake through every delivery attempt, on any hub instance, after a restart,
 * a fail-over or a replay, without carrying anything through the broker or the database: the trace id is the
 * message id (both are 16 random bytes), and every span of the message is a child of the message's root span context,
 * derived from the id as well (it is never exported itself: a viewer shows the intake span and the attempts under
 * it). The agency's own trace, when its request carried {@code traceparent}, is linked from the intake span, and each
 * attempt sends its span's {@code traceparent} to the agency's system. Attributes are ids, types, agencies and
 * outcomes, never a body or a child's identifier. Without an OTLP endpoint the SDK is off and all of this is no-op.
 */
@ApplicationScoped
public class MessageTraces {

    public static final String MESSAGE_ID = "hub.message.id";
    public static final String MESSAGE_TYPE = "hub.message.type";
    public static final String SENDER = "hub.sender";
    public static final String RECIPIENT = "hub.recipient";
    public static final String OUTCOME = "hub.outcome";

    private final Tracer tracer;
    private final OpenTelemetry openTelemetry;

    public MessageTraces(Tracer tracer, OpenTelemetry openTelemetry) {
        this.tracer = tracer;
        this.openTelemetry = openTelemetry;
    }

    /** The message's root span context: trace id = the message id, span id derived from it. */
    public static SpanContext rootOf(UUID messageId) {
        long msb = messageId.getMostSignificantBits();
        long lsb = messageId.getLeastSignificantBits();
        long spanId = msb * 0x9E3779B97F4A7C15L ^ lsb;
        if (spanId == 0) {
            spanId = 1;
        }
        String traceId = String.format("%016x%016x", msb, lsb);
        return SpanContext.createFromRemoteParent(traceId, String.format("%016x", spanId), TraceFlags.getSampled(),
                TraceState.getDefault());
    }

    /**
     * The span of a message's intake, in the message's trace, linked to the caller's span (the HTTP request, in the
     * agency's own trace when it sent {@code traceparent}); the caller's span learns the message id. End it.
     */
    public Span intake(UUID messageId, String type, String sender) {
        Span caller = Span.current();
        SpanBuilder builder = tracer.spanBuilder("intake " + type).setSpanKind(SpanKind.INTERNAL)
                .setParent(Context.root().with(Span.wrap(rootOf(messageId))))
                .setAttribute(MESSAGE_ID, messageId.toString()).setAttribute(MESSAGE_TYPE, type)
                .setAttribute(SENDER, sender);
        if (caller.getSpanContext().isValid()) {
            builder.addLink(caller.getSpanContext());
            caller.setAttribute(MESSAGE_ID, messageId.toString());
        }
        return builder.startSpan();
    }

    /** The span of one delivery attempt of a copy, in the message's trace. End it. */
    public Span delivery(UUID messageId, String type, String recipient) {
        return tracer.spanBuilder("deliver " + type).setSpanKind(SpanKind.CLIENT)
                .setParent(Context.root().with(Span.wrap(rootOf(messageId))))
                .setAttribute(MESSAGE_ID, messageId.toString()).setAttribute(MESSAGE_TYPE, String.valueOf(type))
                .setAttribute(RECIPIENT, String.valueOf(recipient)).startSpan();
    }

    /** A span made current until it is closed, then ended. */
    public static final class Current implements AutoCloseable {
        private final Span span;
        private final io.opentelemetry.context.Scope scope;

        private Current(Span span) {
            this.span = span;
            this.scope = span.makeCurrent();
        }

        @Override
        public void close() {
            scope.close();
            span.end();
        }
    }

    /**
     * The span of one delivery attempt of the copy a broker message carries, current until closed; none (a no-op)
     * when the copy names no readable message id.
     */
    public Current attempt(String messageId, String type, String recipient) {
        UUID id;
        try {
            id = UUID.fromString(String.valueOf(messageId));
        } catch (IllegalArgumentException e) {
            return new Current(Span.getInvalid());
        }
        return new Current(delivery(id, type, recipient));
    }

    /** Writes the current span's W3C {@code traceparent} (and {@code tracestate}) as headers of a request. */
    public void inject(BiConsumer<String, String> header) {
        openTelemetry.getPropagators().getTextMapPropagator().inject(Context.current(), header,
                (carrier, key, value) -> carrier.accept(key, value));
    }

    /** Records how the current span's work ended ({@code delivered}, {@code retry}, {@code dead-lettered}, ...). */
    public static void outcome(String outcome) {
        Span.current().setAttribute(OUTCOME, outcome);
    }
}
