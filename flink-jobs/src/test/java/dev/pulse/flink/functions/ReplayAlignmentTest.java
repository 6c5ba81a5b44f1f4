package dev.pulse.flink.functions;

import static dev.pulse.flink.testing.Fixtures.ONE_HOUR;
import static dev.pulse.flink.testing.Fixtures.ONE_MINUTE;
import static dev.pulse.flink.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

class ReplayAlignmentTest {

    private final List<Long> watermarks = new ArrayList<>();
    private final WatermarkOutput output = new WatermarkOutput() {
        @Override
        public void emitWatermark(Watermark watermark) {
            watermarks.add(watermark.getTimestamp());
        }

        @Override
        public void markIdle() {
        }

        @Override
        public void markActive() {
        }
    };

    @Test
    void followsTheNewestEventTimeOfABacklog() {
        ReplayAlignment generator = new ReplayAlignment();
        generator.onPeriodicEmit(output);
        generator.onEvent(null, T0 + ONE_MINUTE, output);
        generator.onEvent(null, T0, output);
        generator.onPeriodicEmit(output);

        assertThat(watermarks).containsExactly(T0 + ONE_MINUTE - 1);
    }

    @Test
    void neverRunsAheadOfTheClockSoAFutureEventCannotPauseItsPartition() {
        ReplayAlignment generator = new ReplayAlignment();
        long before = System.currentTimeMillis();
        generator.onEvent(null, before + 24 * ONE_HOUR, output);
        generator.onPeriodicEmit(output);

        assertThat(watermarks).singleElement().satisfies(w -> assertThat(w).isBetween(before - 1, System.currentTimeMillis()));
    }
}
