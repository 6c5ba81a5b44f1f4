package dev.pulse.model.event;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link Event} field by field with a streaming generator, in the bytes databind produced for it (field
 * order, omitted nulls, number and time forms), without databind's per-value serializer lookups: serialising was
 * a fifth of the ingest service's CPU. The generator still does all string escaping and UTF-8 encoding.
 * {@code EventJsonTest} holds it to databind's output byte for byte.
 *
 * <p>Property values of the types JSON parsing produces are written here; any other value is handed to the
 * generator's codec, the databind mapper of {@link EventJson}.
 */
final class EventWriter {

    private static final SerializableString EVENT_ID = new SerializedString("event_id");
    private static final SerializableString EVENT_TYPE = new SerializedString("event_type");
    private static final SerializableString USER_ID = new SerializedString("user_id");
    private static final SerializableString TIMESTAMP = new SerializedString("timestamp");
    private static final SerializableString RECEIVED_AT = new SerializedString("received_at");
    private static final SerializableString PROPERTIES = new SerializedString("properties");
    private static final SerializableString CONTEXT = new SerializedString("context");
    private static final SerializableString COUNTRY = new SerializedString("country");
    private static final SerializableString DEVICE = new SerializedString("device");
    private static final SerializableString PLATFORM = new SerializedString("platform");
    private static final SerializableString REVENUE = new SerializedString("revenue");
    private static final SerializableString CURRENCY = new SerializedString("currency");

    /** Most events fit, so the buffer rarely grows. */
    private static final int INITIAL_BYTES = 512;

    private final JsonFactory factory;

    EventWriter(JsonFactory factory) {
        this.factory = factory;
    }

    byte[] write(Event event) throws IOException {
        ByteArrayBuilder bytes = new ByteArrayBuilder(INITIAL_BYTES);
        try (JsonGenerator json = factory.createGenerator(bytes, JsonEncoding.UTF8)) {
            char[] timeBuffer = new char[IsoInstant.MAX_LENGTH];
            json.writeStartObject();
            text(json, EVENT_ID, event.eventId());
            text(json, EVENT_TYPE, event.eventType());
            text(json, USER_ID, event.userId());
            instant(json, TIMESTAMP, event.timestamp(), timeBuffer);
            instant(json, RECEIVED_AT, event.receivedAt(), timeBuffer);
            json.writeFieldName(PROPERTIES);
            map(json, event.properties());
            context(json, event.context());
            if (event.revenue() != null) {
                json.writeFieldName(REVENUE);
                json.writeNumber(event.revenue());
            }
            text(json, CURRENCY, event.currency());
            json.writeEndObject();
        }
        return bytes.toByteArray();
    }

    private static void context(JsonGenerator json, EventContext context) throws IOException {
        json.writeFieldName(CONTEXT);
        json.writeStartObject();
        text(json, COUNTRY, context.country());
        text(json, DEVICE, context.device());
        text(json, PLATFORM, context.platform());
        json.writeEndObject();
    }

    /** A text field; absent when null, as databind's NON_NULL inclusion had it. */
    private static void text(JsonGenerator json, SerializableString name, String value) throws IOException {
        if (value != null) {
            json.writeFieldName(name);
            json.writeString(value);
        }
    }

    private static void instant(JsonGenerator json, SerializableString name, Instant value, char[] buffer)
            throws IOException {
        if (value == null) {
            return;
        }
        json.writeFieldName(name);
        int length = IsoInstant.print(value, buffer);
        if (length < 0) {
            json.writeString(value.toString());
        } else {
            json.writeString(buffer, 0, length);
        }
    }

    private static void map(JsonGenerator json, Map<?, ?> map) throws IOException {
        json.writeStartObject();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            // databind's NON_NULL inclusion also left out null map values (null list elements it kept)
            if (entry.getValue() != null) {
                json.writeFieldName((String) entry.getKey());
                value(json, entry.getValue());
            }
        }
        json.writeEndObject();
    }

    private static void value(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else if (value instanceof Integer number) {
            json.writeNumber(number.intValue());
        } else if (value instanceof Long number) {
            json.writeNumber(number.longValue());
        } else if (value instanceof Double number) {
            json.writeNumber(number.doubleValue());
        } else if (value instanceof BigInteger number) {
            json.writeNumber(number);
        } else if (value instanceof BigDecimal number) {
            json.writeNumber(number);
        } else if (value instanceof Map<?, ?> nested) {
            map(json, nested);
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object element : list) {
                value(json, element);
            }
            json.writeEndArray();
        } else {
            // a type JSON parsing never produces (an Event built in code): databind, the generator's codec, writes it
            json.writeObject(value);
        }
    }
}
