package dev.pulse.ingest.segment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.ingest.intake.ClockSkew;
import dev.pulse.ingest.intake.EventMapper;
import dev.pulse.ingest.intake.Fields;
import dev.pulse.ingest.intake.JsonEnvelope;
import dev.pulse.ingest.intake.RawEvent;
import dev.pulse.ingest.intake.RejectedEventException;
import dev.pulse.ingest.intake.RejectionReason;
import dev.pulse.model.event.Event;
import dev.pulse.model.event.EventContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Maps a Segment message onto a Pulse event: messageId to event_id, userId (else anonymousId) to user_id, the
 * track event name (or page_view, screen_view, identify, group, alias) to event_type, properties (traits for
 * identify and group; with the page's name, the group's groupId or the alias's previousId) to properties,
 * properties.revenue and currency, context.location.country and context.device.type. Batch-level {@code sentAt} and
 * {@code context} (analytics-java sends them there) apply to every message that has none of its own.
 */
final class SegmentMessageMapper implements EventMapper {

    private static final Pattern CURRENCY = Pattern.compile("[A-Za-z]{3}");

    private final SegmentCall call;
    private final JsonEnvelope envelope;
    private final Instant receivedAt;

    SegmentMessageMapper(SegmentCall call, JsonEnvelope envelope, Instant receivedAt) {
        this.call = call;
        this.envelope = envelope;
        this.receivedAt = receivedAt;
    }

    @Override
    public Event map(RawEvent raw) {
        JsonNode message = raw.node();
        String type = call.isBatch() ? Fields.text(message, "type") : call.impliedType();
        String eventType = eventType(type, message);
        String userId = Fields.text(message, "userId");
        if (userId == null) {
            userId = Fields.text(message, "anonymousId");
        }
        if (userId == null) {
            throw new RejectedEventException(RejectionReason.MISSING_USER, "userId or anonymousId is required");
        }
        String eventId = Fields.text(message, "messageId");
        // Segment assigns an id to a message without one; SDKs always send one, hand-written calls may not
        if (eventId == null) {
            eventId = UUID.randomUUID().toString();
        }
        Map<String, Object> properties = properties(type, message);
        return new Event(eventId, eventType, userId, timestamp(message), null, properties, context(message),
                Fields.number(message.get("properties"), "revenue"), currency(properties));
    }

    private static String eventType(String type, JsonNode message) {
        if (type == null) {
            throw new RejectedEventException(RejectionReason.MISSING_EVENT_TYPE, "type is required");
        }
        return switch (type) {
            case "track" -> Fields.requiredText(message, "event", RejectionReason.MISSING_EVENT_TYPE);
            case "page" -> "page_view";
            case "screen" -> "screen_view";
            case "identify", "group", "alias" -> type;
            default -> throw new RejectedEventException(RejectionReason.UNKNOWN_TYPE, "type '" + type
                    + "' is not one of track, page, screen, identify, group, alias");
        };
    }

    private Instant timestamp(JsonNode message) {
        Instant original = Fields.instant(message, "originalTimestamp");
        Instant client = original != null ? original : Fields.instant(message, "timestamp");
        Instant sentAt = Fields.instant(message, "sentAt");
        if (sentAt == null) {
            sentAt = Fields.instant(envelope.fields(), "sentAt");
        }
        return ClockSkew.correct(client, sentAt, receivedAt);
    }

    private static Map<String, Object> properties(String type, JsonNode message) {
        boolean traits = "identify".equals(type) || "group".equals(type);
        Map<String, Object> properties = Fields.object(message, traits ? "traits" : "properties");
        // page and screen calls name the page beside the properties; a group call names its group, an alias call
        // the id it links to the user's: without them those events would say nothing
        String beside = switch (type) {
            case "group" -> "groupId";
            case "alias" -> "previousId";
            default -> "name";
        };
        String value = Fields.text(message, beside);
        if (value != null && !properties.containsKey(beside)) {
            properties = new HashMap<>(properties);
            properties.put(beside, value);
        }
        return properties;
    }

    private EventContext context(JsonNode message) {
        String country = contextText(message, "location", "country");
        String device = contextText(message, "device", "type");
        String os = contextText(message, "os", "name");
        String platform = os != null ? os.toLowerCase(Locale.ROOT) : browser(message) ? "web" : null;
        return new EventContext(country, device, platform);
    }

    private boolean browser(JsonNode message) {
        return contextText(message, "userAgent") != null || contextText(message, "page", "url") != null;
    }

    private String contextText(JsonNode message, String... path) {
        String own = Fields.path(message.get("context"), path);
        return own != null ? own : Fields.path(envelope.fields().get("context"), path);
    }

    /** An ISO 4217 code from properties.currency; anything else stays in the properties only. */
    private static String currency(Map<String, Object> properties) {
        return properties.get("currency") instanceof String code && CURRENCY.matcher(code).matches()
                ? code.toUpperCase(Locale.ROOT) : null;
    }
}
