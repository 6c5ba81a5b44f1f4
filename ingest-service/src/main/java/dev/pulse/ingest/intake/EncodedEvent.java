package dev.pulse.ingest.intake;

import dev.pulse.model.event.CanonicalEvent;
import dev.pulse.model.event.Event;
import dev.pulse.model.event.EventFamily;
import dev.pulse.model.event.EventJson;
import java.nio.charset.StandardCharsets;

/**
 * An accepted event as it goes to Kafka: its family (the topic), the user (the key), the event time (the record's
 * timestamp) and its bytes, which are always what {@link EventJson#write} writes ({@link CanonicalEvent}). Events
 * are encoded where they are accepted, so the sink only sends bytes, whichever path read them.
 *
 * @param userId    the record key: {@code user_id} in UTF-8
 * @param timestamp event time in epoch milliseconds
 * @param json      the record value
 *                  (both arrays compared by reference, as a record compares arrays; never modified once built)
 */
public record EncodedEvent(EventFamily family, byte[] userId, long timestamp, byte[] json) {

    public static EncodedEvent of(Event event) {
        return new EncodedEvent(event.family(), event.userId().getBytes(StandardCharsets.UTF_8),
                event.timestamp().toEpochMilli(), EventJson.write(event));
    }
}
