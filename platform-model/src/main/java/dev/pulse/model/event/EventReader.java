package dev.pulse.model.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * Reads an {@link Event} in the form Pulse writes it ({@link EventWriter}) with a streaming parser: reading events
 * was most of the Flink jobs' parsing time. It takes only that form: every field with its expected JSON type,
 * instants as {@code ...Z}, no other field. For anything else it answers null and {@link EventJson} reads the bytes
 * with databind, so what is accepted, coerced or refused, and with which message, stays databind's.
 * {@code EventReaderTest} holds the two to equal results.
 */
final class EventReader {

    private final ObjectMapper mapper;
    /** Property maps go through databind's own deserializer, so their value types are exactly databind's. */
    private final ObjectReader properties;

    EventReader(ObjectMapper mapper) {
        this.mapper = mapper;
        // the map is read in the middle of the event: what follows it is not "trailing"
        this.properties = mapper.readerFor(mapper.getTypeFactory().constructMapType(Map.class, String.class,
                Object.class)).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** The event, or null when the bytes are not in Pulse's own form (the caller then reads them with databind). */
    Event readOwnForm(byte[] json) {
        try (JsonParser parser = mapper.createParser(json)) {
            Event event = read(parser);
            // databind refuses trailing content (FAIL_ON_TRAILING_TOKENS), with its own message
            return parser.nextToken() == null ? event : null;
        } catch (IOException | RuntimeException notOurForm) {
            // malformed JSON or a value the Event constructor refuses: databind gives the answer and the message
            return null;
        }
    }

    private Event read(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new NotOurForm();
        }
        String eventId = null;
        String eventType = null;
        String userId = null;
        String currency = null;
        Instant timestamp = null;
        Instant receivedAt = null;
        Map<String, Object> props = null;
        EventContext context = null;
        Double revenue = null;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "event_id" -> eventId = text(parser, value);
                case "event_type" -> eventType = text(parser, value);
                case "user_id" -> userId = text(parser, value);
                case "currency" -> currency = text(parser, value);
                case "timestamp" -> timestamp = instant(parser, value);
                case "received_at" -> receivedAt = instant(parser, value);
                case "revenue" -> revenue = number(parser, value);
                case "properties" -> props = properties(parser, value);
                case "context" -> context = context(parser, value);
                default -> throw new NotOurForm();
            }
        }
        return new Event(eventId, eventType, userId, timestamp, receivedAt, props, context, revenue, currency);
    }

    /** A string, or null for JSON null; a number or anything else ends the fast path (databind coerces those). */
    private static String text(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.VALUE_STRING) {
            throw new NotOurForm();
        }
        return parser.getText();
    }

    private static Instant instant(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        Instant instant = value == JsonToken.VALUE_STRING ? IsoInstantParser.parse(parser.getText()) : null;
        if (instant == null) {
            throw new NotOurForm();
        }
        return instant;
    }

    private static Double number(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.VALUE_NUMBER_FLOAT && value != JsonToken.VALUE_NUMBER_INT) {
            throw new NotOurForm();
        }
        return parser.getDoubleValue();
    }

    private Map<String, Object> properties(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.START_OBJECT) {
            throw new NotOurForm();
        }
        return properties.readValue(parser);
    }

    private static EventContext context(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.START_OBJECT) {
            throw new NotOurForm();
        }
        String country = null;
        String device = null;
        String platform = null;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String field = parser.currentName();
            JsonToken fieldValue = parser.nextToken();
            switch (field) {
                case "country" -> country = text(parser, fieldValue);
                case "device" -> device = text(parser, fieldValue);
                case "platform" -> platform = text(parser, fieldValue);
                default -> throw new NotOurForm();
            }
        }
        return new EventContext(country, device, platform);
    }

    /** Ends the fast path from inside a nested read; caught by {@link #readOwnForm}. */
    private static final class NotOurForm extends RuntimeException {
        NotOurForm() {
            super(null, null, false, false);
        }
    }
}
