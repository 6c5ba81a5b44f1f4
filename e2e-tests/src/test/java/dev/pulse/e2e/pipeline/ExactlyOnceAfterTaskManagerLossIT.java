package dev.pulse.e2e.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pulse.model.event.Event;
import dev.pulse.stack.LocalStack;
import dev.pulse.testing.PulseStackExtension;
import dev.pulse.testing.StackAddresses;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Kills the Flink TaskManager (SIGKILL) while events flow, brings it back, and checks the rollups still equal the
 * truth exactly: nothing lost (Kafka offsets and pending deltas restored from the checkpoint) and nothing counted
 * twice (output of the lost attempt was in aborted Kafka transactions, which read_committed readers never see).
 */
@ExtendWith(PulseStackExtension.class)
class ExactlyOnceAfterTaskManagerLossIT {

    private static final int EVENTS = 8_000;

    @BeforeAll
    static void deploy(StackAddresses stack) throws Exception {
        Pipeline.ensureDeployed();
        Pipeline.awaitJobsRunning(stack.flinkRestUrl(), Duration.ofMinutes(3));
    }

    @Test
    void totalsStayExactWhenTheTaskManagerDiesMidStream(StackAddresses stack) throws Exception {
        Dataset data = Dataset.generate(Pipeline.newTag(), EVENTS, 1_000, 0.05, 0, 7);
        List<Event> first = data.onTime().subList(0, EVENTS / 2);
        List<Event> second = data.onTime().subList(EVENTS / 2, EVENTS);
        try (EventPoster poster = EventPoster.forStack(stack.kafkaBootstrap());
             Druid druid = new Druid(stack.druidAvaticaUrl())) {
            poster.post(first);
            // some of the first half is in Druid: the jobs are mid-stream, with state and open transactions
            druid.await(Duration.ofMinutes(2), () -> druid.events("rollup_1m", data.tag()), n -> n > 0);

            killTaskManager();
            poster.post(second);
            poster.post(data.duplicates());
            assertThat(LocalStack.discover().up(System.out)).as("stack back up").isTrue();
            Pipeline.awaitJobsRunning(stack.flinkRestUrl(), Duration.ofMinutes(3));

            for (String datasource : List.of("rollup_1m", "rollup_5m")) {
                assertThat(druid.await(Duration.ofMinutes(3), () -> druid.events(datasource, data.tag()),
                        n -> n >= EVENTS)).as(datasource + " events after recovery").isEqualTo(EVENTS);
            }
            // a later checkpoint must not add anything either
            Thread.sleep(15_000);
            for (String datasource : List.of("rollup_1m", "rollup_5m")) {
                assertThat(druid.events(datasource, data.tag())).as(datasource + " events, settled").isEqualTo(EVENTS);
                assertThat(druid.eventsByTypeAndCountry(datasource, data.tag())).isEqualTo(data.eventsByTypeAndCountry());
                assertThat(druid.revenue(datasource, data.tag()))
                        .isCloseTo(data.revenue(), within(1e-6 * Math.max(1, data.revenue())));
            }
            // the sliding rows reach Druid through a task of their own, which can trail the others after a restart
            assertThat(druid.await(Duration.ofMinutes(2), () -> druid.events("rollup_1h_sliding", data.tag()),
                    n -> n >= 12L * EVENTS)).as("rollup_1h_sliding events").isEqualTo(12L * EVENTS);
            assertThat(druid.rawEvents(data.tag(), data.earliestOnTime().minusSeconds(60))).isEqualTo(EVENTS);
        }
    }

    /** SIGKILL to the TaskManager recorded by the launcher, after checking the pid is that process. */
    private static void killTaskManager() throws Exception {
        Optional<ProcessHandle> recorded = TaskManagerProcess.recorded();
        assertThat(recorded).as("the TaskManager of the launcher's pid file is running").isPresent();
        ProcessHandle process = recorded.get();
        assertThat(process.destroyForcibly()).isTrue();
        process.onExit().get();
        System.out.println("killed the Flink TaskManager (pid " + process.pid() + ")");
    }
}
