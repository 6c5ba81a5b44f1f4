package dev.pulse.model.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The JSON form of {@link Event}: snake_case field names, ISO-8601 timestamps, absent fields omitted.
 * Thread-safe; one shared instance is enough.
 *
 * <p>Reading is databind's. Writing is {@link EventWriter}'s streaming form of what databind wrote, byte for byte.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            // registered after JavaTimeModule, so it is the one asked for instants
            .addModule(new SimpleModule("pulse-instants").addDeserializer(Instant.class, new FastInstantDeserializer()))
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // SDKs add fields of their own; ignoring them keeps old services reading newer events.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final EventWriter WRITER = new EventWriter(MAPPER.getFactory());

    private EventJson() {
    }

    public static byte[] write(Event event) {
        try {
            return WRITER.write(event);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise event " + event.eventId(), e);
        }
    }

    /** The databind form {@link #write} reproduces; tests compare the two. */
    static byte[] writeWithDatabind(Event event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise event " + event.eventId(), e);
        }
    }

    public static Event read(byte[] json) {
        try {
            return MAPPER.readValue(json, Event.class);
        } catch (ValueInstantiationException e) {
            Throwable reason = e.getCause() != null ? e.getCause() : e;
            throw new EventFormatException(reason.getMessage(), e);
        } catch (InvalidFormatException e) {
            throw new EventFormatException("field " + e.getPathReference() + " has an invalid value: " + e.getValue(), e);
        } catch (JacksonException e) {
            throw new EventFormatException("not a valid event: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Event read(String json) {
        return read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
