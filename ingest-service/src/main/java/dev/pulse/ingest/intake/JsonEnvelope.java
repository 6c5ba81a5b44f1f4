package dev.pulse.ingest.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A request body split into its events and the fields beside them ({@code sentAt}, {@code writeKey},
 * {@code context} of a Segment batch, {@code sent_at} of a native one).
 */
public record JsonEnvelope(ObjectNode fields, List<RawEvent> events) {

    public String text(String field) {
        JsonNode value = fields.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
