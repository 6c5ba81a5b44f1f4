package dev.pulse.ingest.dlq;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.pulse.ingest.intake.Batch;
import dev.pulse.ingest.intake.Rejection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One rejected event as {@code events.dlq} stores it: why, where from, and the payload exactly as it was sent
 * (UTF-8 text), so it can be inspected, fixed and posted again.
 *
 * @param reason     the rejection code ({@code missing_user}, ...)
 * @param source     the API ({@code native}, {@code segment})
 * @param keySource  the write key's source name; never the key
 * @param index      the event's position in its request
 */
public record DeadLetter(String reason, String message, String source, String endpoint, String keySource,
                         Instant receivedAt, int index, String payload) {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    public static DeadLetter of(Batch batch, Rejection rejection) {
        return new DeadLetter(rejection.reason().code(), rejection.message(), batch.source().tag(), batch.endpoint(),
                batch.keySource(), batch.receivedAt(), rejection.index(),
                new String(rejection.payload(), StandardCharsets.UTF_8));
    }

    public byte[] toJson() {
        try {
            return MAPPER.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DeadLetter fromJson(byte[] json) {
        try {
            return MAPPER.readValue(json, DeadLetter.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
