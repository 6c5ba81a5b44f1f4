package dev.pulse.flink.config;

import java.time.Duration;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Checkpoints drive the exactly-once Kafka sinks: output becomes visible when the checkpoint that covers it
 * completes, so the interval bounds freshness. Where they are stored is the cluster's choice
 * ({@code state.checkpoints.dir}: {@code var/data/flink} locally, any Flink filesystem in production).
 */
public final class Checkpointing {

    static final Duration ALIGNED_CHECKPOINT_TIMEOUT = Duration.ofMillis(100);

    private Checkpointing() {
    }

    public static void configure(StreamExecutionEnvironment env, Duration interval) {
        env.enableCheckpointing(interval.toMillis(), CheckpointingMode.EXACTLY_ONCE);
        // a cancelled or lost job can be resumed from its last checkpoint instead of losing its pending deltas
        env.getCheckpointConfig().setExternalizedCheckpointRetention(
                org.apache.flink.configuration.ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        env.getCheckpointConfig().setMinPauseBetweenCheckpoints(Math.min(1000, interval.toMillis() / 2));
        // Under backpressure (any replay) an aligned barrier waits behind every full network buffer, and the keyed
        // operator stops reading the inputs whose barrier came first until the last one arrives: at a 2 s interval
        // that cost the replay about a quarter of its throughput. Unaligned barriers overtake the buffers, which
        // are stored with the checkpoint instead; still exactly once (docs/benchmarks.md, runs 26 to 32). A
        // checkpoint starts aligned and turns unaligned only when alignment takes longer than this, so live
        // traffic, which aligns in milliseconds, keeps aligned checkpoints.
        env.getCheckpointConfig().enableUnalignedCheckpoints();
        env.getCheckpointConfig().setAlignedCheckpointTimeout(ALIGNED_CHECKPOINT_TIMEOUT);
    }
}
