package dev.pulse.flink.functions;

import static dev.pulse.flink.testing.Fixtures.ONE_HOUR;
import static dev.pulse.flink.testing.Fixtures.ONE_MINUTE;
import static dev.pulse.flink.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.flink.events.LateEvent;
import dev.pulse.flink.events.RollupInput;
import java.time.Duration;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class LateEventFilterTest {

    private static RollupInput at(long timestamp) {
        return new RollupInput("k", 0, new String[0], timestamp, 0, "u1", "{}".getBytes());
    }

    @Test
    void keepsEventWithinAllowedLateness() throws Exception {
        try (var harness = ProcessFunctionTestHarnesses.forProcessFunction(
                new LateEventFilter(ONE_MINUTE, Duration.ofHours(1)))) {
            harness.processWatermark(T0 + 2 * ONE_HOUR);
            // its minute ended at T0 + 61 min: 59 minutes before the watermark, within the hour allowed
            harness.processElement(at(T0 + ONE_HOUR + 30_000), T0);

            assertThat(harness.extractOutputValues()).singleElement()
                    .satisfies(kept -> assertThat(kept.timestamp()).isEqualTo(T0 + ONE_HOUR + 30_000));
            assertThat(harness.getSideOutput(LateEventFilter.LATE)).isNull();
        }
    }

    @Test
    void routesEventBeyondLatenessToLateOutput() throws Exception {
        try (var harness = ProcessFunctionTestHarnesses.forProcessFunction(
                new LateEventFilter(ONE_MINUTE, Duration.ofHours(1)))) {
            harness.processWatermark(T0 + 2 * ONE_HOUR);
            harness.processElement(at(T0 + 30_000), T0);

            assertThat(harness.extractOutputValues()).isEmpty();
            assertThat(harness.getSideOutput(LateEventFilter.LATE)).singleElement()
                    .satisfies(r -> {
                        LateEvent late = (LateEvent) r.getValue();
                        assertThat(late.timestamp()).isEqualTo(T0 + 30_000);
                        assertThat(late.watermark()).isEqualTo(T0 + 2 * ONE_HOUR);
                        assertThat(new String(late.json())).isEqualTo("{}");
                    });
        }
    }
}
