package dev.pulse.model.event;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One analytics event, as SDKs send it and as every Kafka topic of the pipeline carries it.
 * The JSON form uses snake_case names (see {@link EventJson}).
 *
 * @param eventId    unique per event; SDK retries resend the same id, which is how duplicates are found
 * @param eventType  free text such as {@code page_view}; {@link EventFamily} maps it to a topic
 * @param userId     the Kafka key, so one user's events stay in order on one partition
 * @param timestamp  event time, when it happened on the client (after clock-skew correction)
 * @param receivedAt when the ingest service accepted it; null until then
 * @param revenue    null for events that carry no money
 * @param currency   ISO 4217 code of {@code revenue}; null when there is no revenue
 */
public record Event(
        String eventId,
        String eventType,
        String userId,
        Instant timestamp,
        Instant receivedAt,
        Map<String, Object> properties,
        EventContext context,
        Double revenue,
        String currency) {

    public Event {
        requireText(eventId, "event_id");
        requireText(eventType, "event_type");
        requireText(userId, "user_id");
        Objects.requireNonNull(timestamp, "timestamp is required");
        properties = properties == null ? Map.of() : withoutNulls(properties);
        context = context == null ? EventContext.EMPTY : context;
        if (revenue != null && (revenue.isNaN() || revenue.isInfinite())) {
            throw new IllegalArgumentException("revenue must be a finite number, was " + revenue);
        }
    }

    public EventFamily family() {
        return EventFamily.of(eventType);
    }

    /** The same event stamped with the time the platform accepted it. */
    public Event receivedAt(Instant when) {
        return new Event(eventId, eventType, userId, timestamp, when, properties, context, revenue, currency);
    }

    /** A property set to null is a property not set, as absent fields are: SDKs send nulls for unset values. */
    private static Map<String, Object> withoutNulls(Map<String, Object> properties) {
        // a loop, not containsValue(null) (immutable maps throw on a null argument) nor a stream: every event passes here
        for (Object value : properties.values()) {
            if (value == null) {
                Map<String, Object> present = new java.util.LinkedHashMap<>(properties);
                present.values().removeIf(Objects::isNull);
                return Map.copyOf(present);
            }
        }
        return Map.copyOf(properties);
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required and must not be blank");
        }
    }
}
