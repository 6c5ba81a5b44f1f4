package dev.pulse.flink.functions;

import static dev.pulse.flink.testing.Fixtures.ONE_MINUTE;
import static dev.pulse.flink.testing.Fixtures.ONE_SECOND;
import static dev.pulse.flink.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.flink.events.PanePartial;
import dev.pulse.flink.events.RollupInput;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaneCombinerTest {

    private OneInputStreamOperatorTestHarness<RollupInput, PanePartial> harness;

    @BeforeEach
    void setUp() throws Exception {
        harness = new OneInputStreamOperatorTestHarness<>(new PaneCombiner(ONE_MINUTE));
        harness.setProcessingTime(0);
        harness.open();
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    private static RollupInput event(String key, long timestamp, String user, double revenue) {
        return new RollupInput(key, key.length(), new String[]{key, "DE"}, timestamp, revenue, user, null);
    }

    private void send(RollupInput... events) throws Exception {
        for (RollupInput event : events) {
            harness.processElement(event, event.timestamp());
        }
    }

    private List<PanePartial> partials() {
        return harness.extractOutputValues();
    }

    @Test
    void eventsOfOneKeyAndMinuteBecomeOnePartialBeforeTheWatermarkThatCoversThem() throws Exception {
        send(event("a", T0 + ONE_SECOND, "u1", 1.5),
                event("a", T0 + 30 * ONE_SECOND, "u2", 2.0),
                event("a", T0 + 59 * ONE_SECOND, "u1", 0.0));
        assertThat(partials()).as("held until a flush").isEmpty();

        harness.processWatermark(new Watermark(T0 + ONE_MINUTE));

        List<Object> output = new ArrayList<>(harness.getOutput());
        assertThat(output).hasSize(2);
        assertThat(output.get(1)).as("the watermark after the partial").isEqualTo(new Watermark(T0 + ONE_MINUTE));
        @SuppressWarnings("unchecked")
        StreamRecord<PanePartial> record = (StreamRecord<PanePartial>) output.get(0);
        assertThat(record.getTimestamp()).isEqualTo(T0);
        PanePartial partial = record.getValue();
        assertThat(partial.key()).isEqualTo("a");
        assertThat(partial.family()).isEqualTo(1);
        assertThat(partial.dimensions()).containsExactly("a", "DE");
        assertThat(partial.paneStart()).isEqualTo(T0);
        assertThat(partial.events()).isEqualTo(3);
        assertThat(partial.revenue()).isEqualTo(3.5);
        assertThat(partial.userIds()).containsExactly("u1", "u2", "u1");
    }

    @Test
    void keysAndMinutesStaySeparate() throws Exception {
        send(event("a", T0 + ONE_SECOND, "u1", 0),
                event("b", T0 + 2 * ONE_SECOND, "u2", 0),
                event("a", T0 + ONE_MINUTE, "u3", 0),
                // late for its minute, still its own partial of that minute
                event("a", T0 + 3 * ONE_SECOND, "u4", 0));
        harness.processWatermark(new Watermark(T0));

        assertThat(partials()).extracting(PanePartial::key, PanePartial::paneStart, PanePartial::events)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("a", T0, 2L),
                        org.assertj.core.groups.Tuple.tuple("b", T0, 1L),
                        org.assertj.core.groups.Tuple.tuple("a", T0 + ONE_MINUTE, 1L));
        assertThat(partials().stream().mapToLong(PanePartial::events).sum()).isEqualTo(4);
    }

    @Test
    void aCheckpointBarrierFindsNothingPending() throws Exception {
        send(event("a", T0, "u1", 0));

        harness.prepareSnapshotPreBarrier(1);

        assertThat(partials()).singleElement().satisfies(p -> assertThat(p.events()).isEqualTo(1));
        harness.getOutput().clear();
        harness.prepareSnapshotPreBarrier(2);
        harness.processWatermark(new Watermark(T0 + ONE_MINUTE));
        assertThat(partials()).as("sent once only").isEmpty();
    }

    @Test
    void liveEventsWaitNoLongerThanTheFlushInterval() throws Exception {
        send(event("a", T0, "u1", 0));
        harness.setProcessingTime(PaneCombiner.FLUSH_INTERVAL_MILLIS - 1);
        assertThat(partials()).isEmpty();

        harness.setProcessingTime(PaneCombiner.FLUSH_INTERVAL_MILLIS);
        assertThat(partials()).hasSize(1);

        harness.getOutput().clear();
        send(event("a", T0 + ONE_SECOND, "u2", 0));
        harness.setProcessingTime(2 * PaneCombiner.FLUSH_INTERVAL_MILLIS + 1);
        assertThat(partials()).as("a new interval starts with the next event").hasSize(1);
    }

    @Test
    void sendsWhatIsPendingWhenTheBoundIsReached() throws Exception {
        for (int i = 0; i < PaneCombiner.MAX_PENDING_EVENTS; i++) {
            harness.processElement(event("a", T0, "u" + i, 0), T0);
        }

        assertThat(partials()).singleElement()
                .satisfies(p -> assertThat(p.events()).isEqualTo(PaneCombiner.MAX_PENDING_EVENTS));
    }

    @Test
    void theEndOfABoundedInputSendsTheRest() throws Exception {
        send(event("a", T0, "u1", 0));

        harness.endInput();

        assertThat(partials()).hasSize(1);
    }
}
