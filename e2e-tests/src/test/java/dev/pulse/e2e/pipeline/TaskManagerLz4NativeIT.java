package dev.pulse.e2e.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.testing.PulseStackExtension;
import dev.pulse.testing.StackAddresses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The jobs' Kafka sources and sinks compress with lz4-java's native codec in the stack's TaskManager. lz4-java takes
 * it only when the system class loader loaded lz4-java: loaded child-first from the job jar, as Flink loads user
 * code, it fell back to its Java codec, 7 % of the TaskManager's CPU under ingest traffic. The launcher's Flink
 * config loads {@code net.jpountz.} parent-first from {@code var/lib/flink}. The native codec is a library
 * lz4-java extracts and loads, so once events have gone through the jobs it is mapped into the TaskManager.
 */
@ExtendWith(PulseStackExtension.class)
class TaskManagerLz4NativeIT {

    @BeforeAll
    static void deploy(StackAddresses stack) throws Exception {
        Pipeline.ensureDeployed();
        Pipeline.awaitJobsRunning(stack.flinkRestUrl(), Duration.ofMinutes(3));
    }

    @Test
    void theTaskManagerCompressesWithTheNativeCodec(StackAddresses stack) throws Exception {
        Dataset data = Dataset.generate(Pipeline.newTag(), 200, 50, 0, 0, 11);
        try (EventPoster poster = EventPoster.forStack(stack.kafkaBootstrap())) {
            poster.post(data.onTime());
        }
        // the clean job reads them and writes them on (lz4): either loads the codec
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        String mapped = "";
        while (System.nanoTime() < deadline && !mapped.contains("liblz4-java")) {
            mapped = taskManagerMaps().orElse("");
            Thread.sleep(1_000);
        }
        assertThat(mapped).as("the TaskManager's mapped files (/proc/<pid>/maps) within a minute of the events")
                .contains("liblz4-java");
    }

    /** The memory map of the TaskManager the launcher recorded, or nothing while there is none. */
    private static Optional<String> taskManagerMaps() throws IOException {
        Optional<ProcessHandle> taskManager = TaskManagerProcess.recorded();
        if (taskManager.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(Path.of("/proc/" + taskManager.get().pid() + "/maps")));
        } catch (IOException gone) { // restarted since
            return Optional.empty();
        }
    }
}
