package dev.pulse.ingest.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.ingest.intake.Batch;
import dev.pulse.ingest.intake.Rejection;
import dev.pulse.ingest.intake.RejectionReason;
import dev.pulse.ingest.intake.Source;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

    @Test
    void storesTheReasonTheOriginAndThePayloadExactlyAsSent() throws Exception {
        String payload = "{\"event_type\":\"click\", \"note\":\"ünïcode\"}";
        Rejection rejection = new Rejection(3, RejectionReason.MISSING_USER, "user_id is required",
                payload.getBytes(StandardCharsets.UTF_8));
        Batch batch = new Batch(Source.NATIVE, "/v1/events", "shop", Instant.parse("2026-11-28T10:00:00Z"), List.of(),
                List.of(rejection));

        byte[] json = DeadLetter.of(batch, rejection).toJson();
        JsonNode node = new ObjectMapper().readTree(json);

        assertThat(node.get("reason").asText()).isEqualTo("missing_user");
        assertThat(node.get("message").asText()).isEqualTo("user_id is required");
        assertThat(node.get("source").asText()).isEqualTo("native");
        assertThat(node.get("endpoint").asText()).isEqualTo("/v1/events");
        assertThat(node.get("key_source").asText()).isEqualTo("shop");
        assertThat(node.get("received_at").asText()).isEqualTo("2026-11-28T10:00:00Z");
        assertThat(node.get("index").asInt()).isEqualTo(3);
        assertThat(node.get("payload").asText()).isEqualTo(payload);
        assertThat(DeadLetter.fromJson(json)).isEqualTo(DeadLetter.of(batch, rejection));
    }
}
