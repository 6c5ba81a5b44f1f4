package dev.pulse.flink.functions;

import static dev.pulse.flink.testing.Fixtures.T0;
import static dev.pulse.flink.testing.Fixtures.event;
import static dev.pulse.flink.testing.Fixtures.raw;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.flink.events.CleanEvent;
import dev.pulse.flink.events.DeadLetter;
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
    void routesInvalidPayloadsToDeadLettersWithTheReason() throws Exception {
        try (var harness = ProcessFunctionTestHarnesses.forProcessFunction(new ParseEvent())) {
            harness.processElement(raw("not json"), T0);
            harness.processElement(raw("{\"event_id\":\"e2\",\"event_type\":\"click\",\"timestamp\":\"2026-11-28T10:00:00Z\"}"), T0);
            harness.processElement(new dev.pulse.flink.events.RawRecord("events.click", 1, 7, T0, null), T0);

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
