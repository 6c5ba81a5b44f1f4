package dev.pulse.flink.rollup;

import dev.pulse.flink.config.Checkpointing;
import dev.pulse.flink.events.DeadLetter;
import dev.pulse.flink.events.LateEvent;
import dev.pulse.flink.events.Progress;
import dev.pulse.flink.events.RawRecord;
import dev.pulse.flink.events.PanePartial;
import dev.pulse.flink.events.RollupInput;
import dev.pulse.flink.events.RollupRow;
import dev.pulse.flink.functions.DeltaWindowAggregate;
import dev.pulse.flink.functions.LateEventFilter;
import dev.pulse.flink.functions.PaneCombiner;
import dev.pulse.flink.functions.ProgressOperator;
import dev.pulse.flink.functions.ToRollupInput;
import dev.pulse.flink.kafka.JsonRecords;
import dev.pulse.flink.kafka.PulseKafka;
import dev.pulse.flink.kafka.RollupRowText;
import dev.pulse.model.Topics;
import dev.pulse.model.catalog.CatalogLoader;
import dev.pulse.model.catalog.MetricCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.ProducerRecord;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The rollup job: reads {@code events.clean} and computes every window of the metric catalog per family and
 * dimension values (tumbling 1 m and 5 m, 1 h sliding every 5 m), as additive deltas fired every few seconds, into
 * {@code rollups.*} exactly once; completeness per datasource into {@code rollups.progress}; events beyond the
 * allowed lateness into {@code events.late}.
 */
public final class RollupJob {

    /** Where the job's output goes: tests pass collecting sinks, production exactly-once Kafka sinks. */
    public record Sinks(Sink<RollupRow> rollups, Sink<Progress> progress, Sink<LateEvent> late,
                        Sink<DeadLetter> deadLetters) {
    }

    static final String PACKAGED_CATALOG = "pulse-catalog/metrics.yaml";

    private RollupJob() {
    }

    public static void main(String[] args) throws Exception {
        RollupJobConfig config = RollupJobConfig.parse(args);
        RollupPlan plan = RollupPlan.from(loadCatalog(config.catalogPath()));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        Checkpointing.configure(env, config.checkpointInterval());
        defineWorkflow(env, PulseKafka.cleanEventsSource(config.bootstrap(), config.inputTopic(), config.groupId()),
                kafkaSinks(config, plan), plan, config.timing());
        env.execute(config.jobName());
    }

    public static void defineWorkflow(StreamExecutionEnvironment env, Source<RawRecord, ?, ?> source, Sinks sinks,
                                      RollupPlan plan, RollupJobConfig.Timing timing) {
        // records pass between chained operators without a defensive copy each: safe because every record type is
        // an immutable record, no function changes what it receives, and the state that keeps a record's parts
        // (the accumulator's dimensions) is fed from the network, which deserialises fresh objects
        env.getConfig().enableObjectReuse();
        // per-partition watermarks from the Kafka timestamp, which the clean job sets to the event time
        WatermarkStrategy<RawRecord> watermarks = WatermarkStrategy
                .<RawRecord>forBoundedOutOfOrderness(timing.outOfOrderness())
                .withTimestampAssigner((record, kafkaTimestamp) -> record.timestamp())
                .withIdleness(timing.idleness());

        SingleOutputStreamOperator<RollupInput> inputs = env
                .fromSource(source, watermarks, "clean events").uid("clean-events-source")
                .process(new ToRollupInput(plan)).name("families and dimensions").uid("families-and-dimensions");
        inputs.getSideOutput(ToRollupInput.DEAD_LETTERS)
                .sinkTo(sinks.deadLetters()).name("dead letters sink").uid("rollup-dead-letters-sink");

        SingleOutputStreamOperator<RollupInput> onTime = inputs
                .process(new LateEventFilter(plan.finestPaneMillis(), timing.allowedLateness()))
                .name("late event filter").uid("late-event-filter");
        onTime.getSideOutput(LateEventFilter.LATE)
                .sinkTo(sinks.late()).name("late events sink").uid("late-events-sink");

        String windows = plan.windows().stream().map(RollupPlan.WindowPlan::name).collect(Collectors.joining(", "));
        SingleOutputStreamOperator<RollupRow> rows = onTime
                .transform("combine panes", TypeInformation.of(PanePartial.class),
                        new PaneCombiner(plan.combiningPaneMillis())).uid("combine-panes")
                .keyBy(PanePartial::key)
                .process(new DeltaWindowAggregate(plan, timing.firingInterval()))
                .name("rollup " + windows).uid("rollup-windows");
        rows.sinkTo(sinks.rollups()).name("rollups sink").uid("rollups-sink");

        // progress needs the rollup's watermarks, not its rows: dropping them here keeps them off the network
        rows.filter(row -> false).name("watermarks of rollups").uid("rollup-watermarks")
                .transform("progress", TypeInformation.of(Progress.class), new ProgressOperator(plan))
                .uid("progress").setParallelism(1).setMaxParallelism(1)
                .sinkTo(sinks.progress()).name("progress sink").uid("progress-sink").setParallelism(1);
    }

    /** The catalog given by path, else the one packaged in the job jar at build time. */
    public static MetricCatalog loadCatalog(String path) throws IOException {
        if (path != null) {
            return CatalogLoader.load(Path.of(path));
        }
        try (InputStream in = RollupJob.class.getClassLoader().getResourceAsStream(PACKAGED_CATALOG)) {
            if (in == null) {
                throw new IllegalStateException(PACKAGED_CATALOG + " is not in the job jar; pass --catalog <path>");
            }
            return CatalogLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), PACKAGED_CATALOG);
        }
    }

    public static Sinks kafkaSinks(RollupJobConfig config, RollupPlan plan) {
        String suffix = config.topicSuffix();
        Map<String, String> topicOfWindow = plan.windows().stream()
                .collect(Collectors.toMap(RollupPlan.WindowPlan::name, w -> w.topic() + suffix));
        String progressTopic = Topics.ROLLUPS_PROGRESS + suffix;
        String lateTopic = Topics.EVENTS_LATE + suffix;
        String dlqTopic = Topics.EVENTS_DLQ + suffix;
        RollupRowText rowJson = new RollupRowText(plan);
        KafkaRecordSerializationSchema<RollupRow> rollups = (row, context, timestamp) ->
                new ProducerRecord<>(topicOfWindow.get(row.window()), null, row.windowStart(), null,
                        rowJson.write(row));
        KafkaRecordSerializationSchema<Progress> progress = (p, context, timestamp) ->
                new ProducerRecord<>(progressTopic, null, System.currentTimeMillis(), p.datasource().getBytes(UTF_8),
                        JsonRecords.progress(p));
        KafkaRecordSerializationSchema<LateEvent> late = (event, context, timestamp) ->
                new ProducerRecord<>(lateTopic, null, event.timestamp(), event.userId().getBytes(UTF_8), event.json());
        KafkaRecordSerializationSchema<DeadLetter> dlq = (letter, context, timestamp) ->
                new ProducerRecord<>(dlqTopic, null, System.currentTimeMillis(), null, JsonRecords.deadLetter(letter));
        String prefix = config.transactionalIdPrefix();
        String bootstrap = config.bootstrap();
        return new Sinks(
                PulseKafka.exactlyOnceSink(bootstrap, prefix + "-rollups", rollups),
                PulseKafka.exactlyOnceSink(bootstrap, prefix + "-progress", progress),
                PulseKafka.exactlyOnceSink(bootstrap, prefix + "-late", late),
                PulseKafka.exactlyOnceSink(bootstrap, prefix + "-dlq", dlq));
    }
}
