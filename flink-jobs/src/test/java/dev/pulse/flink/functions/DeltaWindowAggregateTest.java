package dev.pulse.flink.functions;

import static dev.pulse.flink.testing.Fixtures.FIVE_MINUTES;
import static dev.pulse.flink.testing.Fixtures.ONE_MINUTE;
import static dev.pulse.flink.testing.Fixtures.ONE_SECOND;
import static dev.pulse.flink.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.flink.events.PanePartial;
import dev.pulse.flink.events.RollupRow;
import dev.pulse.flink.rollup.RollupJob;
import dev.pulse.flink.rollup.RollupPlan;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.apache.datasketches.hll.HllSketch;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeltaWindowAggregateTest {

    private static final Duration FIRING = Duration.ofSeconds(2);
    private static final long NOW = T0 + 10 * ONE_MINUTE;
    private static final long NEXT_FIRING = NOW + FIRING.toMillis();

    private RollupPlan plan;
    private KeyedOneInputStreamOperatorTestHarness<String, PanePartial, RollupRow> harness;

    @BeforeEach
    void setUp() throws Exception {
        plan = RollupPlan.from(RollupJob.loadCatalog(null));
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new DeltaWindowAggregate(plan, FIRING),
                PanePartial::key, Types.STRING);
        harness.setProcessingTime(NOW);
    }

    @AfterEach
    void tearDown() throws Exception {
        harness.close();
    }

    /** One event, as the combiner sends it when it is alone in its minute. */
    private PanePartial input(String eventType, long timestamp, String user, double revenue) {
        int family = plan.familyOf(eventType);
        String[] dims = {eventType, "DE", "mobile", "web"};
        long paneStart = timestamp - Math.floorMod(timestamp, plan.combiningPaneMillis());
        return PanePartial.of(plan.families().get(family).name() + "|" + String.join("|", dims), family, dims,
                paneStart, revenue, user);
    }

    private List<RollupRow> rows(String window) {
        return harness.extractOutputValues().stream().filter(r -> r.window().equals(window)).toList();
    }

    private static double distinct(RollupRow row) {
        return Math.round(HllSketch.heapify(Base64.getDecoder().decode(row.users())).getEstimate());
    }

    @Test
    void emitsDeltaOnEarlyFiring() throws Exception {
        harness.processElement(input("page_view", T0 + ONE_SECOND, "u1", 0), T0);
        harness.processElement(input("page_view", T0 + 2 * ONE_SECOND, "u2", 0), T0);
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.setProcessingTime(NEXT_FIRING);
        assertThat(rows("1m")).singleElement().satisfies(row -> {
            assertThat(row.windowStart()).isEqualTo(T0);
            assertThat(row.events()).isEqualTo(2);
            assertThat(distinct(row)).isEqualTo(2.0);
            assertThat(row.revenue()).as("engagement does not measure revenue").isNull();
        });

        harness.getOutput().clear();
        harness.processElement(input("page_view", T0 + 3 * ONE_SECOND, "u1", 0), T0);
        harness.setProcessingTime(NEXT_FIRING + FIRING.toMillis());
        assertThat(rows("1m")).as("only what is new since the last firing").singleElement().satisfies(row -> {
            assertThat(row.events()).isEqualTo(1);
            assertThat(distinct(row)).isEqualTo(1.0);
        });
    }

    @Test
    void partialsAreGatheredPerMinuteWhichDividesEveryPaneOfTheCatalog() {
        assertThat(plan.combiningPaneMillis()).isEqualTo(ONE_MINUTE);
        for (long size : plan.paneSizes()) {
            assertThat(size % plan.combiningPaneMillis()).as("pane of %d ms", size).isZero();
        }
    }

    @Test
    void aPartialCountsAsTheEventsItStandsFor() throws Exception {
        PanePartial one = input("transaction", T0 + 6 * ONE_MINUTE, "u9", 5.0);
        harness.processElement(PanePartial.of(one.key(), one.family(), one.dimensions(), T0 + ONE_MINUTE, 30.0,
                "u1", "u2", "u1"), T0);
        harness.processElement(one, T0);
        harness.setProcessingTime(NEXT_FIRING);

        assertThat(rows("1m")).extracting(RollupRow::windowStart, RollupRow::events)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(T0 + ONE_MINUTE, 3L),
                        org.assertj.core.groups.Tuple.tuple(T0 + 6 * ONE_MINUTE, 1L));
        assertThat(rows("5m")).satisfiesExactlyInAnyOrder(
                row -> {
                    assertThat(row.windowStart()).isEqualTo(T0);
                    assertThat(row.events()).isEqualTo(3);
                    assertThat(row.revenue()).isEqualTo(30.0);
                    assertThat(distinct(row)).as("u1 twice is one user").isEqualTo(2.0);
                },
                row -> assertThat(row.windowStart()).isEqualTo(T0 + FIVE_MINUTES));
    }

    @Test
    void emitsEachFiveMinutePaneIntoTheTwelveSlidingHoursThatContainIt() throws Exception {
        harness.processElement(input("transaction", T0 + 7 * ONE_MINUTE, "u1", 19.99), T0);
        harness.setProcessingTime(NEXT_FIRING);

        assertThat(rows("5m")).singleElement().satisfies(row -> {
            assertThat(row.windowStart()).isEqualTo(T0 + FIVE_MINUTES);
            assertThat(row.revenue()).isEqualTo(19.99);
        });
        assertThat(rows("1h_sliding")).hasSize(12)
                .allSatisfy(row -> assertThat(row.events()).isEqualTo(1))
                .extracting(RollupRow::windowStart)
                .containsExactlyInAnyOrderElementsOf(java.util.stream.LongStream.range(0, 12)
                        .mapToObj(k -> T0 + FIVE_MINUTES - k * FIVE_MINUTES).toList());
    }

    @Test
    void emitsClosedPaneWhenWatermarkPassesAndCleansAllState() throws Exception {
        harness.processElement(input("click", T0 + ONE_SECOND, "u1", 0), T0);
        assertThat(harness.numEventTimeTimers()).isEqualTo(2);

        harness.processWatermark(T0 + ONE_MINUTE);
        assertThat(rows("1m")).hasSize(1);
        assertThat(rows("5m")).isEmpty();

        harness.processWatermark(T0 + FIVE_MINUTES);
        assertThat(rows("5m")).hasSize(1);
        assertThat(rows("1h_sliding")).hasSize(12);
        assertThat(harness.numEventTimeTimers()).isZero();

        harness.setProcessingTime(NEXT_FIRING);
        assertThat(harness.extractOutputValues()).as("nothing pending: no empty rows").hasSize(14);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void earlyFiringClearsPanesAndTheirTimers() throws Exception {
        harness.processElement(input("click", T0 + ONE_SECOND, "u1", 0), T0);
        harness.processElement(input("page_view", T0 + ONE_SECOND, "u2", 0), T0);
        harness.setProcessingTime(NEXT_FIRING);

        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void lateEventWithinLatenessStartsANewDeltaOfItsClosedPane() throws Exception {
        harness.processWatermark(T0 + 30 * ONE_MINUTE);
        harness.processElement(input("click", T0 + ONE_SECOND, "u1", 0), T0);
        harness.processWatermark(T0 + 30 * ONE_MINUTE + 1);

        assertThat(rows("1m")).singleElement().satisfies(row -> assertThat(row.windowStart()).isEqualTo(T0));
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1); // only the pending early firing
    }
}
