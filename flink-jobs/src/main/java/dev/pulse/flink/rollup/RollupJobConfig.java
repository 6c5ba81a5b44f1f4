package dev.pulse.flink.rollup;

import dev.pulse.flink.config.JobArgs;
import dev.pulse.model.Topics;
import java.time.Duration;

/**
 * The rollup job's settings, parsed once from its arguments.
 *
 * @param catalogPath     the metric catalog to use; null for the one packaged in the job jar
 * @param outOfOrderness  how far behind the newest event an event may arrive and still be on time
 * @param idleness        after this long without records, a Kafka partition stops holding the watermark back
 * @param allowedLateness how long after a window closed its late events still count (then: events.late)
 * @param firingInterval  how often open windows emit their deltas (freshness, before the checkpoint)
 * @param topicSuffix     appended to every topic read and written (an isolated copy of the pipeline)
 */
public record RollupJobConfig(
        String jobName,
        String bootstrap,
        String inputTopic,
        String groupId,
        String transactionalIdPrefix,
        String catalogPath,
        Duration outOfOrderness,
        Duration idleness,
        Duration allowedLateness,
        Duration firingInterval,
        Duration checkpointInterval,
        String topicSuffix) {

    public static final String DEFAULT_JOB_NAME = "pulse-rollup";

    public static RollupJobConfig parse(String[] args) {
        JobArgs a = new JobArgs(args);
        String suffix = a.text("topic-suffix", "");
        String name = a.text("job-name", DEFAULT_JOB_NAME);
        var config = new RollupJobConfig(
                name,
                a.text("bootstrap", "localhost:9092"),
                Topics.EVENTS_CLEAN + suffix,
                a.text("group-id", name + suffix),
                a.text("transactional-id-prefix", name + suffix),
                a.text("catalog", null),
                a.duration("out-of-orderness", Duration.ofSeconds(5)),
                a.duration("idleness", Duration.ofSeconds(10)),
                a.duration("allowed-lateness", Duration.ofHours(1)),
                a.duration("firing-interval", Duration.ofSeconds(2)),
                a.duration("checkpoint-interval", Duration.ofSeconds(2)),
                suffix);
        a.validate("the rollup job");
        return config;
    }

    /** What the operators need of the config, without Kafka addresses. */
    public Timing timing() {
        return new Timing(outOfOrderness, idleness, allowedLateness, firingInterval);
    }

    public record Timing(Duration outOfOrderness, Duration idleness, Duration allowedLateness,
                         Duration firingInterval) implements java.io.Serializable {
    }
}
