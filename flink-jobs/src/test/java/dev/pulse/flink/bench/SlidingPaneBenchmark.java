package dev.pulse.flink.bench;

import dev.pulse.flink.events.DeltaAccumulator;
import dev.pulse.flink.events.PanePartial;
import dev.pulse.flink.events.RollupInput;
import dev.pulse.flink.events.RollupRow;
import dev.pulse.flink.functions.DeltaWindowAggregate;
import dev.pulse.flink.rollup.RollupPlan;
import dev.pulse.model.catalog.CatalogLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.legacy.DiscardingSink;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.junit.jupiter.api.Test;

/**
 * What the pane-based sliding window saves: the 1-hour window sliding every 5 minutes, computed (a) the textbook
 * way, Flink's SlidingEventTimeWindows with an aggregate (each event is added to the 12 windows containing it), and
 * (b) as Pulse does, one 5-minute pane per event whose delta is emitted into the 12 windows. Same events, same
 * accumulator (count, revenue, HLL_4 lgK 12), parallelism 1, no early firing for either. Not a test; run by name:
 * {@code mvn -pl flink-jobs test -Dtest=SlidingPaneBenchmark -Dbench.events=2000000}.
 */
class SlidingPaneBenchmark {

    private static final long EVENTS = Long.getLong("bench.events", 2_000_000);
    private static final long START = 1_795_000_000_000L - 1_795_000_000_000L % 3_600_000L;
    private static final long SPAN = 6 * 3_600_000L;
    private static final int KEYS = 150;
    private static final int USERS = 50_000;

    @Test
    void compare() throws Exception {
        RollupPlan plan = slidingOnly();
        // warm-up of both, then the measured runs
        run(false, plan, EVENTS / 10);
        run(true, plan, EVENTS / 10);
        double naive = run(false, plan, EVENTS);
        double panes = run(true, plan, EVENTS);
        System.out.printf("[bench] RESULT events=%d naive(SlidingEventTimeWindows)=%.1fs %.0f/s panes=%.1fs %.0f/s"
                        + " speedup=%.2fx accumulator-updates naive=%d panes=%d live-accumulators-per-key naive<=12 panes<=2%n",
                EVENTS, naive, EVENTS / naive, panes, EVENTS / panes, naive / panes, 12 * EVENTS, EVENTS);
    }

    private static double run(boolean panes, RollupPlan plan, long events) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        DataStream<RollupInput> input = env.fromSource(source(events),
                        WatermarkStrategy.<RollupInput>forMonotonousTimestamps()
                                .withTimestampAssigner((e, ts) -> e.timestamp()), "events")
                .keyBy(RollupInput::key).map(e -> e).returns(RollupInput.class); // same shuffle cost for both
        if (panes) {
            // one event per partial, as the pane combiner sends an event alone in its pane: the per-event cost
            long pane = plan.combiningPaneMillis();
            input.map(e -> PanePartial.of(e.key(), e.family(), e.dimensions(),
                            e.timestamp() - Math.floorMod(e.timestamp(), pane), e.revenue(), e.userId()))
                    .returns(PanePartial.class)
                    .keyBy(PanePartial::key).process(new DeltaWindowAggregate(plan, Duration.ofDays(1)))
                    .addSink(new DiscardingSink<>());
        } else {
            input.keyBy(RollupInput::key)
                    .window(SlidingEventTimeWindows.of(Duration.ofHours(1), Duration.ofMinutes(5)))
                    .aggregate(new Naive(plan.lgK()))
                    .addSink(new DiscardingSink<>());
        }
        long t0 = System.nanoTime();
        env.execute(panes ? "panes" : "naive");
        return (System.nanoTime() - t0) / 1e9;
    }

    private static DataGeneratorSource<RollupInput> source(long events) {
        return new DataGeneratorSource<>(i -> {
            int key = (int) (i % KEYS);
            String[] dims = {"page_view", "C" + key, "mobile", "web"};
            long ts = START + i * SPAN / events;
            return new RollupInput("k" + key, 0, dims, ts, 1.0, "user-" + ((i * 7919) % USERS), null);
        }, events, RateLimiterStrategy.noOp(), TypeInformation.of(RollupInput.class));
    }

    private static RollupPlan slidingOnly() throws Exception {
        String catalog = Files.readString(Path.of("..", CatalogLoader.DEFAULT_LOCATION))
                .replaceAll("(?s)windows:\\n  - name: 1m.*?(  - name: 1h_sliding)", "windows:\n$1")
                .replace("windows: [1m, 5m, 1h_sliding]", "windows: [1h_sliding]");
        return RollupPlan.from(CatalogLoader.parse(catalog, "sliding-only"));
    }

    /** Flink's window aggregate with the same accumulator as the pane operator. */
    static final class Naive implements AggregateFunction<RollupInput, DeltaAccumulator, RollupRow> {
        private final int lgK;

        Naive(int lgK) {
            this.lgK = lgK;
        }

        @Override
        public DeltaAccumulator createAccumulator() {
            return DeltaAccumulator.empty(lgK, 0, null);
        }

        @Override
        public DeltaAccumulator add(RollupInput e, DeltaAccumulator acc) {
            if (acc.dimensions == null) {
                acc.dimensions = e.dimensions();
            }
            acc.add(e.revenue(), e.userId());
            return acc;
        }

        @Override
        public RollupRow getResult(DeltaAccumulator acc) {
            return new RollupRow("1h_sliding", 0, acc.family, acc.dimensions, acc.events, acc.revenue,
                    java.util.Base64.getEncoder().encodeToString(acc.compactUsers()));
        }

        @Override
        public DeltaAccumulator merge(DeltaAccumulator a, DeltaAccumulator b) {
            throw new UnsupportedOperationException("sliding windows do not merge");
        }
    }
}
