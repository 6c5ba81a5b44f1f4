package dev.pulse.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.ingest.intake.ClockSkew;
import dev.pulse.ingest.intake.EventMapper;
import dev.pulse.ingest.intake.Fields;
import dev.pulse.ingest.intake.JsonEnvelope;
import dev.pulse.ingest.intake.RawEvent;
import dev.pulse.ingest.intake.RejectionReason;
import dev.pulse.model.event.Event;
import dev.pulse.model.event.EventContext;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one event of the native API (the shape of DESIGN.md, snake_case), from its bytes ({@link NativeEventJson}). A missing timestamp means "now"; a batch
 * may carry {@code sent_at} by the client's clock, and then event times are corrected for the client's clock skew.
 */
final class NativeEventMapper implements EventMapper {

    private final JsonEnvelope envelope;
    private final Instant receivedAt;

    NativeEventMapper(JsonEnvelope envelope, Instant receivedAt) {
        this.envelope = envelope;
        this.receivedAt = receivedAt;
    }

    @Override
    public Event map(RawEvent raw) {
        NativeEventJson json = NativeEventJson.read(raw);
        JsonNode node = json.fields();
        String eventId = Fields.requiredText(node, "event_id", RejectionReason.MISSING_EVENT_ID);
        String eventType = Fields.requiredText(node, "event_type", RejectionReason.MISSING_EVENT_TYPE);
        String userId = Fields.requiredText(node, "user_id", RejectionReason.MISSING_USER);
        Instant sentAt = Fields.instant(envelope.fields(), "sent_at");
        Instant timestamp = ClockSkew.correct(Fields.instant(node, "timestamp"), sentAt, receivedAt);
        return new Event(eventId, eventType, userId, timestamp, null, properties(json), context(node),
                Fields.number(node, "revenue"), currency(node));
    }

    private static Map<String, Object> properties(NativeEventJson json) {
        return json.properties() != null ? json.properties() : Fields.object(json.fields(), "properties");
    }

    private static EventContext context(JsonNode node) {
        JsonNode context = node.get("context");
        if (context == null || context.isNull()) {
            return EventContext.EMPTY;
        }
        if (!context.isObject()) {
            throw Fields.invalid("context", "must be a JSON object");
        }
        return new EventContext(Fields.text(context, "country"), Fields.text(context, "device"),
                Fields.text(context, "platform"));
    }

    private static String currency(JsonNode node) {
        String currency = Fields.text(node, "currency");
        if (currency != null && !isThreeLetters(currency)) {
            throw Fields.invalid("currency", "must be an ISO 4217 code such as EUR, was '" + currency + "'");
        }
        return currency == null ? null : currency.toUpperCase(Locale.ROOT);
    }

    /** [A-Za-z]{3}, without a regex Matcher per event. */
    private static boolean isThreeLetters(String text) {
        if (text.length() != 3) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            char c = text.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }
}
