package dev.pulse.model.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Marks Kafka records whose value {@link EventJson#write} produced from a valid {@link Event}, and reads what a
 * reader of such a record needs first without parsing the rest.
 *
 * <p>Why: the clean job used to parse and re-serialise every event to normalise it, which was most of its CPU. The
 * ingest service already writes every event in this form, so it says so in a header ({@link #HEADER} =
 * {@link #VERSION}) and the clean job passes those bytes through after reading only the leading fields. Records
 * without the header (other producers, older records) still take the full parse. The header is a promise between
 * Pulse's own writers of the {@code events.*} topics: a producer that sets it must write exactly what
 * {@link EventJson#write} writes.
 */
public final class CanonicalEvent {

    public static final String HEADER = "pulse-format";
    /** The format {@link EventJson#write} writes; a change to that format needs a new version here. */
    public static final String VERSION = "event-json-1";

    private static final byte[] VERSION_BYTES = VERSION.getBytes(UTF_8);
    private static final JsonFactory JSON = new JsonFactory();

    /**
     * The leading fields {@link EventJson#write} writes, in its order.
     *
     * @param timestamp event time in epoch milliseconds
     */
    public record Head(String eventId, String eventType, String userId, long timestamp) {
    }

    private CanonicalEvent() {
    }

    /** The header value to set on a record whose value is {@link EventJson#write}'s output. */
    public static byte[] headerValue() {
        return VERSION_BYTES.clone();
    }

    /** Whether a header value (null when the record has no {@link #HEADER}) marks a canonical event. */
    public static boolean isCanonical(byte[] headerValue) {
        return headerValue != null && Arrays.equals(headerValue, VERSION_BYTES);
    }

    /**
     * Reads {@code event_id}, {@code event_type}, {@code user_id} and {@code timestamp} from the start of a canonical
     * event. Null when the bytes do not start that way (the caller then parses the whole event, which explains what
     * is wrong); the rest of the record is not read.
     */
    public static Head readHead(byte[] json) {
        Head scanned = CanonicalScanner.head(json);
        return scanned != null ? scanned : parseHead(json);
    }

    /** {@link #readHead} with a parser: for the records the scanner leaves to it (escapes, non-ASCII text). */
    static Head parseHead(byte[] json) {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String eventId = textField(parser, "event_id");
            String eventType = eventId == null ? null : textField(parser, "event_type");
            String userId = eventType == null ? null : textField(parser, "user_id");
            String time = userId == null ? null : textField(parser, "timestamp");
            Instant timestamp = time == null ? null : IsoInstantParser.parse(time);
            if (timestamp == null || eventId.isBlank() || eventType.isBlank() || userId.isBlank()) {
                return null;
            }
            return new Head(eventId, eventType, userId, timestamp.toEpochMilli());
        } catch (IOException notCanonical) {
            return null;
        }
    }

    private static String textField(JsonParser parser, String name) throws IOException {
        return name.equals(parser.nextFieldName()) ? parser.nextTextValue() : null;
    }
}
