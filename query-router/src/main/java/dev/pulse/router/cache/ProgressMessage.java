package dev.pulse.router.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Reads a {@code rollups.progress} record: which datasource is complete up to which event time. The rollup job
 * and the router are built separately, so the reader accepts the spellings a producer is likely to use
 * ({@code datasource} or {@code data_source}, the time as ISO-8601 or epoch milliseconds, the datasource
 * in the record key) and ignores what it cannot read.
 */
public record ProgressMessage(String datasource, Instant completeUntil) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> DATASOURCE_FIELDS = List.of("datasource", "data_source", "dataSource");
    private static final List<String> TIME_FIELDS = List.of("complete_until", "completeUntil", "watermark",
            "event_time", "up_to", "until", "progress");

    public static Optional<ProgressMessage> parse(String key, String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(value);
            if (node == null || !node.isObject()) {
                return Optional.empty();
            }
            String datasource = DATASOURCE_FIELDS.stream().map(node::get).filter(n -> n != null && n.isTextual())
                    .map(JsonNode::asText).findFirst().orElse(key);
            Optional<Instant> time = TIME_FIELDS.stream().map(node::get).filter(n -> n != null && !n.isNull())
                    .findFirst().flatMap(ProgressMessage::instant);
            if (datasource == null || datasource.isBlank() || time.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new ProgressMessage(datasource, time.get()));
        } catch (Exception e) {
            // not JSON, or not ours: a bad record must not stop the consumer
            return Optional.empty();
        }
    }

    private static Optional<Instant> instant(JsonNode node) {
        if (node.isNumber()) {
            return Optional.of(Instant.ofEpochMilli(node.asLong()));
        }
        try {
            return Optional.of(Instant.parse(node.asText()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
