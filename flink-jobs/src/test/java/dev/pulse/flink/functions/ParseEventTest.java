package dev.pulse.flink.functions;

import static dev.pulse.flink.testing.Fixtures.T0;
import static dev.pulse.flink.testing.Fixtures.event;
import static dev.pulse.flink.testing.Fixtures.raw;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.flink.events.CleanEvent;
import dev.pulse.flink.events.DeadLetter;
import dev.pulse.flink.events.RawRecord;
import dev.pulse.model.event.EventJson;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class ParseEventTest {

    @Test
    void emitsValidEventWithItsEventTimeAndJson() throws Exception {
        try (OneInputStreamOperatorTestHarness<dev.pulse.flink.events.RawRecord, CleanEvent> harness =
                     ProcessFunctionTestHarnesses.forProcessFunction(new ParseEvent())) {
            harness.processElement(raw(event("e1", "click", "u1", T0, "DE", null)), T0);

            assertThat(harness.extractOutputValues()).singleElement().satisfies(clean -> {
                assertThat(clean.eventId()).isEqualTo("e1");
                assertThat(clean.userId()).isEqualTo("u1");
                assertThat(clean.timestamp()).isEqualTo(T0);
                assertThat(EventJson.read(clean.json()).context().country()).isEqualTo("DE");
            });
            assertThat(harness.getSideOutput(ParseEvent.DEAD_LETTERS)).isNull();
        }
    }

    @Test
    void passesTheBytesOfACanonicalRecordThroughWithoutParsingThemWhole() throws Exception {
        byte[] canonical = EventJson.write(event("e1", "click", "u1", T0 + 1, "DE", 2.5));
        // a field a whole parse would drop shows that the bytes were passed through, not written again
        String marked = new String(canonical, UTF_8).replaceFirst("}$", ",\"sdk_field\":1}");
        try (var harness = ProcessFunctionTestHarnesses.forProcessFunction(new ParseEvent())) {
            harness.processElement(new RawRecord("events.click", 0, 0, T0 + 1, marked.getBytes(UTF_8), true), T0);

            assertThat(harness.extractOutputValues()).singleElement().satisfies(clean -> {
                assertThat(new String(clean.json(), UTF_8)).isEqualTo(marked);
                assertThat(clean).extracting(CleanEvent::eventId, CleanEvent::userId, CleanEvent::timestamp)
                        .containsExactly("e1", "u1", T0 + 1);
            });
        }
    }

    @Test
    void normalisesRecordsOfOtherProducersAndCanonicalRecordsThatDoNotStartAsMarked() throws Exception {
        String otherOrder = "{\"user_id\":\"u1\",\"event_type\":\"click\",\"event_id\":\"e1\","
                + "\"timestamp\":\"2026-11-28T10:00:00.000+00:00\",\"sdk_field\":1}";
        byte[] normal = EventJson.write(EventJson.read(otherOrder));
        try (var harness = ProcessFunctionTestHarnesses.forProcessFunction(new ParseEvent())) {
            harness.processElement(raw(otherOrder), T0);
            harness.processElement(new RawRecord("events.click", 0, 1, T0, otherOrder.getBytes(UTF_8), true), T0);
            harness.processElement(new RawRecord("events.click", 0, 2, T0, "{\"event_id\":\"e3\"}".getBytes(UTF_8),
                    true), T0);

            assertThat(harness.extractOutputValues()).hasSize(2).allSatisfy(clean -> {
                assertThat(clean.json()).isEqualTo(normal);
                assertThat(clean.timestamp()).isEqualTo(T0);
            });
            assertThat(new String(normal, UTF_8)).startsWith("{\"event_id\":\"e1\",\"event_type\":\"click\"")
                    .doesNotContain("sdk_field");
            assertThat(harness.getSideOutput(ParseEvent.DEAD_LETTERS)).singleElement()
                    .satisfies(letter -> assertThat(letter.getValue().reason()).contains("is required"));
        }
    }

    @Test
    void routesInvalidPayloadsToDeadLettersWithTheReason() throws Exception {
        try (var harness = ProcessFunctionTestHarnesses.forProcessFunction(new ParseEvent())) {
            harness.processElement(raw("not json"), T0);
            harness.processElement(raw("{\"event_id\":\"e2\",\"event_type\":\"click\",\"timestamp\":\"2026-11-28T10:00:00Z\"}"), T0);
            harness.processElement(new dev.pulse.flink.events.RawRecord("events.click", 1, 7, T0, null, false), T0);

            assertThat(harness.extractOutputValues()).isEmpty();
            assertThat(harness.getSideOutput(ParseEvent.DEAD_LETTERS)).extracting(r -> r.getValue())
                    .map(DeadLetter.class::cast)
                    .extracting(DeadLetter::reason)
                    .satisfiesExactly(
                            reason -> assertThat(reason).contains("not a valid event"),
                            reason -> assertThat(reason).contains("user_id"),
                            reason -> assertThat(reason).isEqualTo("empty record"));
        }
    }
}
