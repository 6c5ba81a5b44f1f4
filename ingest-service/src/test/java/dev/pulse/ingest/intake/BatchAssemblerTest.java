package dev.pulse.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.ingest.Decoded;
import dev.pulse.model.event.Event;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchAssemblerTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-28T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EventMapper BY_USER_FIELD = raw -> new Event("id-" + raw.index(), "click",
            Fields.requiredText(raw.node(), "user", RejectionReason.MISSING_USER),
            raw.node().has("at") ? Instant.parse(raw.node().get("at").asText()) : RECEIVED,
            null, null, null, null, null);

    private final BatchAssembler assembler = new BatchAssembler(64, Duration.ofMinutes(15));

    @Test
    void keepsGoodEventsAndRejectsBadOnesWithTheirIndexAndPayload() {
        Batch batch = assemble("{\"user\":\"u1\"}", "{\"nobody\":1}", "{\"user\":\"u3\"}");

        assertThat(Decoded.events(batch)).extracting(Event::userId).containsExactly("u1", "u3");
        assertThat(Decoded.events(batch)).extracting(Event::receivedAt).containsOnly(RECEIVED);
        assertThat(batch.rejections()).singleElement().satisfies(r -> {
            assertThat(r.index()).isEqualTo(1);
            assertThat(r.reason()).isEqualTo(RejectionReason.MISSING_USER);
            assertThat(new String(r.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"nobody\":1}");
        });
        assertThat(batch.keySource()).isEqualTo("demo");
        assertThat(batch.size()).isEqualTo(3);
    }

    @Test
    void rejectsAnEventLargerThanTheLimitBeforeLookingAtIt() {
        String large = "{\"user\":\"u1\",\"pad\":\"" + "x".repeat(64) + "\"}";

        Batch batch = assemble(large, "{\"user\":\"u2\"}");

        assertThat(batch.rejections()).singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo(RejectionReason.EVENT_TOO_LARGE));
        assertThat(Decoded.events(batch)).extracting(Event::userId).containsExactly("u2");
    }

    @Test
    void rejectsAnEventThatIsNotAnObject() {
        assertThat(assemble("42").rejections()).singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo(RejectionReason.INVALID_JSON));
    }

    @Test
    void rejectsAnEventTimeFarInTheFutureButNotOneJustAhead() {
        Batch batch = assemble("{\"user\":\"u1\",\"at\":\"2026-11-28T10:15:01Z\"}", "{\"user\":\"u2\",\"at\":\"2026-11-28T10:14:59Z\"}");

        assertThat(batch.rejections()).singleElement().satisfies(r -> {
            assertThat(r.index()).isZero();
            assertThat(r.reason()).isEqualTo(RejectionReason.TIMESTAMP_IN_FUTURE);
        });
        assertThat(Decoded.events(batch)).extracting(Event::userId).containsExactly("u2");
    }

    private Batch assemble(String... events) {
        List<RawEvent> raws = new java.util.ArrayList<>();
        for (int i = 0; i < events.length; i++) {
            raws.add(new RawEvent(i, node(events[i]), events[i].getBytes(StandardCharsets.UTF_8)));
        }
        return assembler.assemble(Source.NATIVE, "/v1/events", "demo", RECEIVED, raws, BY_USER_FIELD);
    }

    private static JsonNode node(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
