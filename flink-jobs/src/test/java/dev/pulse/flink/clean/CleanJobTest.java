package dev.pulse.flink.clean;

import static dev.pulse.flink.testing.Fixtures.ONE_SECOND;
import static dev.pulse.flink.testing.Fixtures.T0;
import static dev.pulse.flink.testing.Fixtures.event;
import static dev.pulse.flink.testing.Fixtures.raw;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.flink.events.CleanEvent;
import dev.pulse.flink.events.DeadLetter;
import dev.pulse.flink.events.RawRecord;
import dev.pulse.flink.functions.ReplayAlignment;
import dev.pulse.flink.testing.CollectingSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The production topology (CleanJob.defineWorkflow) on a MiniCluster with parallelism 2. */
class CleanJobTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    @Test
    void dropsDuplicateEventIdsAndRoutesInvalidRecordsToDeadLetters() throws Exception {
        List<RawRecord> input = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            input.add(raw(event("e" + i, i % 3 == 0 ? "transaction" : "page_view", "u" + (i % 37), T0 + i * ONE_SECOND,
                    "DE", i % 3 == 0 ? 10.0 : null)));
        }
        for (int i = 0; i < 500; i += 5) {
            input.add(raw(event("e" + i, i % 3 == 0 ? "transaction" : "page_view", "u" + (i % 37), T0 + i * ONE_SECOND,
                    "DE", i % 3 == 0 ? 10.0 : null))); // SDK retries: same id, same payload
        }
        input.add(raw("{broken"));
        input.add(raw("{\"event_id\":\"x\"}"));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        CollectingSink<CleanEvent> clean = new CollectingSink<>();
        CollectingSink<DeadLetter> dlq = new CollectingSink<>();
        CleanJob.defineWorkflow(env, dev.pulse.flink.testing.Fixtures.source(input), new CleanJob.Sinks(clean, dlq),
                Duration.ofHours(24), ReplayAlignment.Settings.DEFAULT);
        env.execute("clean job test");

        assertThat(clean.values()).hasSize(500);
        assertThat(clean.values()).extracting(CleanEvent::eventId).doesNotHaveDuplicates();
        assertThat(dlq.values()).hasSize(2).allSatisfy(letter -> assertThat(letter.reason()).isNotBlank());
    }
}
