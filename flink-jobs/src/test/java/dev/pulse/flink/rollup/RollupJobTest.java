package dev.pulse.flink.rollup;

import static dev.pulse.flink.testing.Fixtures.ONE_HOUR;
import static dev.pulse.flink.testing.Fixtures.ONE_MINUTE;
import static dev.pulse.flink.testing.Fixtures.T0;
import static dev.pulse.flink.testing.Fixtures.event;
import static dev.pulse.flink.testing.Fixtures.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pulse.flink.events.DeadLetter;
import dev.pulse.flink.events.LateEvent;
import dev.pulse.flink.events.Progress;
import dev.pulse.flink.events.RawRecord;
import dev.pulse.flink.events.RollupRow;
import dev.pulse.flink.testing.CollectingSink;
import dev.pulse.flink.testing.Fixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The production topology (RollupJob.defineWorkflow) on a MiniCluster with parallelism 2. */
class RollupJobTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static final String[] COUNTRIES = {"DE", "FR", "US", "BR"};
    private static final String[] TYPES = {"page_view", "click", "transaction", "signup"};

    @Test
    void rollupDeltasAddUpToTheTruthOfEveryWindow() throws Exception {
        Random random = new Random(7);
        List<RawRecord> input = new ArrayList<>();
        Map<String, Long> truthByCountry = new java.util.HashMap<>();
        double truthRevenue = 0;
        Set<String> users = new HashSet<>();
        int n = 3000;
        for (int i = 0; i < n; i++) {
            String type = TYPES[random.nextInt(TYPES.length)];
            String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
            String user = "u" + random.nextInt(400);
            // two hours of events, a little out of order
            long ts = T0 + (long) i * (2 * ONE_HOUR / n) - random.nextInt(3000);
            Double revenue = type.equals("transaction") ? (double) (1 + random.nextInt(100)) : null;
            input.add(raw(event("e" + i, type, user, ts, country, revenue)));
            truthByCountry.merge(country, 1L, Long::sum);
            truthRevenue += revenue == null ? 0 : revenue;
            users.add(user);
        }
        input.add(new RawRecord("events.clean", 0, 0, T0, "garbage".getBytes(), true));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        // watermarks are periodic: at the default 200 ms a bounded input can be read before the first one, and then
        // the progress operator sees only the end-of-input watermark, which announces nothing
        env.getConfig().setAutoWatermarkInterval(1);
        RollupPlan plan = RollupPlan.from(RollupJob.loadCatalog(null));
        CollectingSink<RollupRow> rows = new CollectingSink<>();
        CollectingSink<Progress> progress = new CollectingSink<>();
        CollectingSink<LateEvent> late = new CollectingSink<>();
        CollectingSink<DeadLetter> dlq = new CollectingSink<>();
        RollupJob.defineWorkflow(env, Fixtures.source(input), new RollupJob.Sinks(rows, progress, late, dlq), plan,
                new RollupJobConfig.Timing(Duration.ofMinutes(10), Duration.ofSeconds(5), Duration.ofHours(1),
                        Duration.ofSeconds(1)));
        env.execute("rollup job test");

        assertThat(late.values()).isEmpty();
        assertThat(dlq.values()).hasSize(1);
        for (String window : List.of("1m", "5m")) {
            List<RollupRow> of = rows.values().stream().filter(r -> r.window().equals(window)).toList();
            assertThat(of.stream().mapToLong(RollupRow::events).sum()).as(window).isEqualTo(n);
            Map<String, Long> byCountry = of.stream().collect(Collectors.groupingBy(r -> r.dimensions()[1],
                    Collectors.summingLong(RollupRow::events)));
            assertThat(byCountry).as(window).isEqualTo(truthByCountry);
            assertThat(of.stream().filter(r -> r.revenue() != null).mapToDouble(RollupRow::revenue).sum())
                    .isCloseTo(truthRevenue, within(1e-6));
            assertThat(union(of)).as("distinct users").isCloseTo(users.size(), within(users.size() * 0.02));
        }
        List<RollupRow> sliding = rows.values().stream().filter(r -> r.window().equals("1h_sliding")).toList();
        assertThat(sliding.stream().mapToLong(RollupRow::events).sum()).isEqualTo(12L * n);
        assertThat(sliding).allSatisfy(r -> assertThat(r.windowStart() % (5 * ONE_MINUTE)).isZero());

        assertThat(progress.values()).extracting(Progress::datasource)
                .contains("rollup_1m", "rollup_5m", "rollup_1h_sliding");
        assertThat(progress.values()).allSatisfy(p -> assertThat(p.completeUntil()).isLessThanOrEqualTo(p.watermark() + 1));
    }

    @Test
    void eventsBeyondTheAllowedLatenessGoToTheLateOutputOnly() throws Exception {
        List<RawRecord> input = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            input.add(raw(event("on-time-" + i, "click", "u" + i, T0 + 3 * ONE_HOUR + i * 1000L, "DE", null)));
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1); // one ordered reader: the late record comes after the watermark has moved on
        env.getConfig().setAutoWatermarkInterval(1);
        input.add(raw(event("late-1", "click", "u1", T0, "DE", null)));
        CollectingSink<RollupRow> rows = new CollectingSink<>();
        CollectingSink<LateEvent> late = new CollectingSink<>();
        RollupJob.defineWorkflow(env, Fixtures.throttledSource(input, 100),
                new RollupJob.Sinks(rows, new CollectingSink<>(), late, new CollectingSink<>()),
                RollupPlan.from(RollupJob.loadCatalog(null)),
                new RollupJobConfig.Timing(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofHours(1),
                        Duration.ofSeconds(1)));
        env.execute("late events test");

        assertThat(late.values()).extracting(LateEvent::timestamp).containsExactly(T0);
        assertThat(rows.values().stream().filter(r -> r.window().equals("1m")).mapToLong(RollupRow::events).sum())
                .isEqualTo(50);
    }

    private static double union(List<RollupRow> rows) {
        Union union = new Union(12);
        rows.stream().filter(r -> r.users() != null)
                .forEach(r -> union.update(HllSketch.heapify(Base64.getDecoder().decode(r.users()))));
        return union.getResult(TgtHllType.HLL_4).getEstimate();
    }
}
