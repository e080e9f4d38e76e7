package wales.safeguarding.schemas.envelope;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one Jackson configuration for canonical messages. The mapper is shared and thread-safe;
 * do not reconfigure it (copy it if you need something different).
 */
public final class CanonicalJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // bodies may gain optional fields within 1.x; an older reader must not fail on them
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // keep the sender's offset: a timestamp in BST stays +01:00 instead of being moved to UTC
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            // a repeated key could be read differently by another parser; refuse it
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .defaultPropertyInclusion(
                    JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();

    private CanonicalJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Reads the body as {@code type}; throws {@link UncheckedIOException} when it does not fit.
     * Like {@link #read}, the exception names where, never what: Jackson's own messages quote the
     * offending value, which here is a child's personal data.
     */
    public static <T> T bodyAs(Envelope e, Class<T> type) {
        try {
            return MAPPER.treeToValue(e.body(), type);
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(new IOException("body of message " + e.messageId()
                    + " is not a " + type.getSimpleName() + ": " + withoutValues(ex)));
        }
    }

    /** Reads a whole message. Validate it with the CanonicalValidator first: this only binds. */
    public static Envelope read(byte[] json) throws IOException {
        try {
            return MAPPER.readValue(json, Envelope.class);
        } catch (JsonProcessingException ex) {
            throw new IOException("not a canonical message: " + withoutValues(ex));
        }
    }

    public static byte[] write(Object o) {
        try {
            return MAPPER.writeValueAsBytes(o);
        } catch (JsonProcessingException ex) {
            String what = o == null ? "null" : o.getClass().getSimpleName();
            throw new UncheckedIOException("cannot write " + what, ex);
        }
    }

    private static String withoutValues(JsonProcessingException ex) {
        StringBuilder where = new StringBuilder(ex.getClass().getSimpleName());
        if (ex instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            where.append(" at ");
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                String token = ref.getIndex() >= 0 ? String.valueOf(ref.getIndex()) : ref.getFieldName();
                where.append('/').append(token);
            }
        } else if (ex.getLocation() != null) {
            where.append(" at line ").append(ex.getLocation().getLineNr())
                    .append(", column ").append(ex.getLocation().getColumnNr());
        }
        return where.toString();
    }
}
