package dev.pulse.flink.clean;

import dev.pulse.flink.config.JobArgs;
import dev.pulse.flink.functions.ReplayAlignment;
import dev.pulse.model.Topics;
import java.time.Duration;
import java.util.List;

/**
 * The clean job's settings, parsed once from its arguments.
 *
 * @param topicSuffix appended to every topic read and written (an isolated copy of the pipeline, for benchmarks)
 */
public record CleanJobConfig(
        String jobName,
        String bootstrap,
        List<String> inputTopics,
        String cleanTopic,
        String deadLetterTopic,
        String groupId,
        String transactionalIdPrefix,
        Duration dedupeTtl,
        Duration checkpointInterval,
        ReplayAlignment.Settings alignment,
        String topicSuffix) {

    public static final String DEFAULT_JOB_NAME = "pulse-clean";

    public static CleanJobConfig parse(String[] args) {
        JobArgs a = new JobArgs(args);
        String suffix = a.text("topic-suffix", "");
        String name = a.text("job-name", DEFAULT_JOB_NAME);
        var config = new CleanJobConfig(
                name,
                a.text("bootstrap", "localhost:9092"),
                Topics.rawEventTopics().stream().map(t -> t + suffix).toList(),
                Topics.EVENTS_CLEAN + suffix,
                Topics.EVENTS_DLQ + suffix,
                a.text("group-id", name + suffix),
                // unique per job (and per isolated copy): two jobs sharing a prefix would abort each other's transactions
                a.text("transactional-id-prefix", name + suffix),
                a.duration("dedupe-ttl", Duration.ofHours(24)),
                a.duration("checkpoint-interval", Duration.ofSeconds(2)),
                new ReplayAlignment.Settings(
                        a.duration("replay-max-drift", ReplayAlignment.Settings.DEFAULT.maxDrift()),
                        a.duration("replay-alignment-interval", ReplayAlignment.Settings.DEFAULT.updateInterval()),
                        a.duration("idleness", ReplayAlignment.Settings.DEFAULT.idleness())),
                suffix);
        a.validate("the clean job");
        return config;
    }
}
