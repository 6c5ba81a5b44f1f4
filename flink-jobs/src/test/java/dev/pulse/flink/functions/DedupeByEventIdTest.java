package dev.pulse.flink.functions;

import static dev.pulse.flink.testing.Fixtures.ONE_HOUR;
import static dev.pulse.flink.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.flink.events.CleanEvent;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DedupeByEventIdTest {

    private static final Duration TTL = Duration.ofHours(24);
    private KeyedOneInputStreamOperatorTestHarness<String, CleanEvent, CleanEvent> harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new DedupeByEventId(TTL), CleanEvent::eventId,
                Types.STRING);
        harness.setProcessingTime(T0);
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    private static CleanEvent clean(String id) {
        return new CleanEvent(id, "u1", T0, new byte[0]);
    }

    @Test
    void dropsRepeatedEventIdWithinTtl() throws Exception {
        harness.processElement(clean("a"), T0);
        harness.processElement(clean("b"), T0);
        harness.setProcessingTime(T0 + 23 * ONE_HOUR);
        harness.processElement(clean("a"), T0);

        assertThat(harness.extractOutputValues()).extracting(CleanEvent::eventId).containsExactly("a", "b");
    }

    @Test
    void forgetsEventIdWhenTtlEndsAndCleansItsState() throws Exception {
        harness.processElement(clean("a"), T0);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

        harness.setProcessingTime(T0 + TTL.toMillis());

        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
        harness.processElement(clean("a"), T0);
        assertThat(harness.extractOutputValues()).hasSize(2);
    }
}
