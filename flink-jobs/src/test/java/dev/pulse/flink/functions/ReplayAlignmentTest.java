package dev.pulse.flink.functions;

import static dev.pulse.flink.testing.Fixtures.ONE_HOUR;
import static dev.pulse.flink.testing.Fixtures.ONE_MINUTE;
import static dev.pulse.flink.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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

    private static final Duration DRIFT = Duration.ofMinutes(5);

    @Test
    void followsTheNewestEventTimeOfABacklog() {
        ReplayAlignment generator = new ReplayAlignment(DRIFT);
        generator.onPeriodicEmit(output);
        generator.onEvent(null, T0 + ONE_MINUTE, output);
        generator.onEvent(null, T0, output);
        generator.onPeriodicEmit(output);

        assertThat(watermarks).containsExactly(T0 + ONE_MINUTE - 1, T0 + ONE_MINUTE - 1);
    }

    @Test
    void emitsAsItReadsEachTimeTheEventTimeMovedATenthOfTheDrift() {
        ReplayAlignment generator = new ReplayAlignment(DRIFT);
        long step = DRIFT.toMillis() / ReplayAlignment.STEPS_PER_DRIFT;
        generator.onEvent(null, T0, output);
        generator.onEvent(null, T0 + step - 1, output);
        generator.onEvent(null, T0 + step, output);
        generator.onEvent(null, T0 + step + 1, output);
        generator.onEvent(null, T0 + 10 * step, output);

        // without these a sparse partition read at full speed passes the drift long before the next periodic emit
        assertThat(watermarks).containsExactly(T0 - 1, T0 + step - 1, T0 + 10 * step - 1);
    }

    @Test
    void neverRunsAheadOfTheClockSoAFutureEventCannotPauseItsPartition() {
        ReplayAlignment generator = new ReplayAlignment(DRIFT);
        long before = System.currentTimeMillis();
        generator.onEvent(null, before + 24 * ONE_HOUR, output);
        generator.onPeriodicEmit(output);

        assertThat(watermarks).hasSize(2).allSatisfy(w -> assertThat(w).isBetween(before - 1, System.currentTimeMillis()));
    }
}
