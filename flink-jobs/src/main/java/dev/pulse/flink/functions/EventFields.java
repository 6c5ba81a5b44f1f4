package dev.pulse.flink.functions;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.pulse.model.event.CanonicalScanner;
import dev.pulse.model.event.Event;
import dev.pulse.model.event.EventContext;
import dev.pulse.model.event.IsoInstantParser;
import java.io.IOException;
import java.time.Instant;
import java.util.Set;

/**
 * An event's fields outside {@code properties}: what the rollup reads of a clean event. {@link #read} takes them from
 * a canonical clean event in one streaming pass, without building an {@code Event} and its properties map, which the
 * rollup does not use; {@link #of} takes them from an event parsed whole.
 *
 * @param timestamp event time in epoch milliseconds
 * @param revenue   null when the event has none
 */
record EventFields(String eventId, String eventType, String userId, long timestamp, Double revenue, String currency,
                   String country, String device, String platform) {

    private static final JsonFactory JSON = new JsonFactory();
    private static final Set<String> FIELD_PATHS = Set.of("event_type", "user_id", "event_id", "currency", "revenue",
            "context.country", "context.device", "context.platform");

    static EventFields of(Event event) {
        EventContext context = event.context();
        return new EventFields(event.eventId(), event.eventType(), event.userId(), event.timestamp().toEpochMilli(),
                event.revenue(), event.currency(), context.country(), context.device(), context.platform());
    }

    /** Whether {@link #value} answers a catalog field path; {@code properties.*} needs the whole event. */
    static boolean answers(String field) {
        return FIELD_PATHS.contains(field);
    }

    /** The value of a catalog field path outside {@code properties}, as text. */
    String value(String field) {
        return switch (field) {
            case "event_type" -> eventType;
            case "user_id" -> userId;
            case "event_id" -> eventId;
            case "currency" -> currency;
            case "revenue" -> revenue == null ? null : revenue.toString();
            case "context.country" -> country;
            case "context.device" -> device;
            case "context.platform" -> platform;
            default -> throw new IllegalArgumentException("unknown event field " + field);
        };
    }

    /**
     * Reads an event in {@code EventJson.write}'s form. Null when the bytes are anything else (a missing required
     * field, a value of the wrong kind, a time the hand parser does not read): the caller then parses the whole event,
     * which accepts what it always accepted and explains what it refuses.
     */
    static EventFields read(byte[] json) {
        if (json == null) {
            return null; // a tombstone: the whole parse refuses it with its reason
        }
        CanonicalScanner.Fields scanned = CanonicalScanner.fields(json);
        if (scanned != null) {
            return new EventFields(scanned.eventId(), scanned.eventType(), scanned.userId(), scanned.timestamp(),
                    scanned.revenue(), scanned.currency(), scanned.country(), scanned.device(), scanned.platform());
        }
        return parse(json);
    }

    /** {@link #read} with a streaming parser: for the records the scanner leaves to it (escapes, non-ASCII text). */
    static EventFields parse(byte[] json) {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String eventId = null;
            String eventType = null;
            String userId = null;
            Instant timestamp = null;
            Double revenue = null;
            String currency = null;
            String[] context = new String[3];
            String field;
            while ((field = parser.nextFieldName()) != null) {
                switch (field) {
                    case "event_id" -> eventId = text(parser);
                    case "event_type" -> eventType = text(parser);
                    case "user_id" -> userId = text(parser);
                    case "currency" -> currency = text(parser);
                    case "timestamp" -> {
                        timestamp = IsoInstantParser.parse(text(parser));
                        if (timestamp == null) {
                            return null;
                        }
                    }
                    case "revenue" -> {
                        JsonToken token = parser.nextToken();
                        if (token != JsonToken.VALUE_NUMBER_FLOAT && token != JsonToken.VALUE_NUMBER_INT) {
                            return null;
                        }
                        revenue = parser.getDoubleValue();
                    }
                    case "context" -> {
                        if (!readContext(parser, context)) {
                            return null;
                        }
                    }
                    default -> {
                        parser.nextToken();
                        parser.skipChildren(); // properties, received_at
                    }
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null
                    || blank(eventId) || blank(eventType) || blank(userId) || timestamp == null
                    || (revenue != null && !Double.isFinite(revenue))) {
                return null;
            }
            return new EventFields(eventId, eventType, userId, timestamp.toEpochMilli(), revenue, currency,
                    context[0], context[1], context[2]);
        } catch (IOException notCanonical) {
            return null;
        }
    }

    private static boolean readContext(JsonParser parser, String[] context) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return false;
        }
        String field;
        while ((field = parser.nextFieldName()) != null) {
            switch (field) {
                case "country" -> context[0] = text(parser);
                case "device" -> context[1] = text(parser);
                case "platform" -> context[2] = text(parser);
                default -> {
                    parser.nextToken();
                    parser.skipChildren();
                }
            }
        }
        return parser.currentToken() == JsonToken.END_OBJECT;
    }

    /** The next value, which {@code EventJson.write} writes as a string whenever it writes it at all. */
    private static String text(JsonParser parser) throws IOException {
        String text = parser.nextTextValue();
        if (text == null) {
            throw new JsonParseException(parser, "not a string"); // read whole, databind would coerce or refuse it
        }
        return text;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
