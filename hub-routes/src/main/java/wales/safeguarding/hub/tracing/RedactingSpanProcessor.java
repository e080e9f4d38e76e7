package wales.safeguarding.hub.tracing;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

/**
 * Keeps request details that may name a child out of the spans the HTTP instrumentation makes: a query string (a
 * console reason is free text) is replaced by {@code [redacted]}, and in a path every segment that is not one of the
 * API's plain words (a message id, a case reference, a notice number) becomes {@code {id}}.
 */
@ApplicationScoped
public class RedactingSpanProcessor implements SpanProcessor {

    static final AttributeKey<String> URL_QUERY = AttributeKey.stringKey("url.query");
    static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");
    static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
    static final AttributeKey<String> HTTP_TARGET = AttributeKey.stringKey("http.target");
    private static final Pattern WORD = Pattern.compile("[a-z][a-z-]*|v[0-9]|\\$process-message|Task|Bundle|metadata");

    /** A path with every segment that is not a plain word of the API replaced by {@code {id}}. */
    public static String template(String path) {
        if (path == null) {
            return null;
        }
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        StringBuilder out = new StringBuilder();
        for (String segment : bare.split("/")) {
            if (!segment.isEmpty()) {
                out.append('/').append(WORD.matcher(segment).matches() ? segment : "{id}");
            }
        }
        return out.length() == 0 ? "/" : out.toString();
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        if (span.getAttribute(URL_QUERY) != null) {
            span.setAttribute(URL_QUERY, "[redacted]");
        }
        String path = span.getAttribute(URL_PATH);
        if (path != null) {
            span.setAttribute(URL_PATH, template(path));
        }
        String target = span.getAttribute(HTTP_TARGET);
        if (target != null) {
            span.setAttribute(HTTP_TARGET, template(target));
        }
        if (span.getAttribute(URL_FULL) != null) {
            span.setAttribute(URL_FULL, "[redacted]");
        }
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }
}
