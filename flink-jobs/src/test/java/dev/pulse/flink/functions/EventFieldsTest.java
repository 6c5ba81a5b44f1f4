package dev.pulse.flink.functions;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.model.event.Event;
import dev.pulse.model.event.EventContext;
import dev.pulse.model.event.EventJson;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventFieldsTest {

    private static final List<String> FIELDS = List.of("event_type", "user_id", "event_id", "currency", "revenue",
            "context.country", "context.device", "context.platform");

    @Test
    void readsFromCanonicalBytesWhatTheWholeEventHolds() {
        Random random = new Random(7);
        String[] texts = {"DE", "mobile", "caf\u00e9 \"x\"", "\u65e5\u672c", "a\\b\nc", ""};
        for (int i = 0; i < 2_000; i++) {
            Map<String, Object> properties = Map.of("sku", "A" + i, "nested", Map.of("context", Map.of("country", "XX")),
                    "list", List.of(1, "two", Map.of()));
            EventContext context = random.nextInt(5) == 0 ? null : new EventContext(pick(random, texts),
                    pick(random, texts), pick(random, texts));
            Double revenue = switch (random.nextInt(3)) {
                case 0 -> null;
                case 1 -> random.nextInt(100_000) / 100.0;
                default -> random.nextDouble() * 1e12;
            };
            Event event = new Event("e-" + i + pick(random, texts), "t" + pick(random, texts), "u" + i,
                    Instant.ofEpochMilli(1_764_000_000_000L + random.nextInt()).plusNanos(random.nextInt(1_000_000)),
                    random.nextBoolean() ? null : Instant.now(), random.nextBoolean() ? Map.of() : properties, context,
                    revenue, revenue == null ? null : "EUR");

            EventFields fields = EventFields.read(EventJson.write(event));

            assertThat(fields).as(event.toString()).isNotNull().isEqualTo(EventFields.of(event));
            // the same from the parser, which reads what the scanner leaves to it
            assertThat(EventFields.parse(EventJson.write(event))).isEqualTo(fields);
            assertThat(fields.timestamp()).isEqualTo(event.timestamp().toEpochMilli());
            assertThat(fields.revenue()).isEqualTo(event.revenue());
            UnaryOperator<String> whole = FieldPaths.of(event);
            for (String field : FIELDS) {
                assertThat(fields.value(field)).as(field).isEqualTo(whole.apply(field));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"event_id\":\"e1\",\"event_type\":\"click\",\"timestamp\":\"2026-11-28T10:00:00Z\"}",
            "{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\" \",\"timestamp\":\"2026-11-28T10:00:00Z\"}",
            "{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u\",\"timestamp\":1764324000000}",
            "{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u\",\"timestamp\":\"+10000-01-01T00:00:00Z\"}",
            "{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u\",\"timestamp\":\"2026-11-28T10:00:00Z\",\"revenue\":\"5\"}",
            "{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u\",\"timestamp\":\"2026-11-28T10:00:00Z\",\"currency\":7}",
            "{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u\",\"timestamp\":\"2026-11-28T10:00:00Z\",\"context\":{\"country\":1}}",
            "{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u\",\"timestamp\":\"2026-11-28T10:00:00Z\",\"context\":[]}",
            "{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u\",\"timestamp\":\"2026-11-28T10:00:00Z\"} {}",
            "{\"event_id\":\"e1\",\"event_type\":\"click\",\"user_id\":\"u\",\"timestamp\":\"2026-11-28T10:00:00Z\"",
            "[]",
            "garbage"})
    void declinesWhatEventJsonWriteNeverWrites(String json) {
        assertThat(EventFields.read(json.getBytes(UTF_8))).isNull();
    }

    @Test
    void readsOnlyFieldsOutsideTheProperties() {
        assertThat(EventFields.answers("context.country")).isTrue();
        assertThat(EventFields.answers("properties.sku")).isFalse();
    }

    private static String pick(Random random, String[] texts) {
        return texts[random.nextInt(texts.length)];
    }
}
