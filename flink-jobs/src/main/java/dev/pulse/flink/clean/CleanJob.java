package dev.pulse.flink.clean;

import dev.pulse.flink.events.CleanEvent;
import dev.pulse.flink.events.DeadLetter;
import dev.pulse.flink.events.RawRecord;
import dev.pulse.flink.functions.DedupeByEventId;
import dev.pulse.flink.functions.ParseEvent;
import dev.pulse.flink.functions.ReplayAlignment;
import dev.pulse.flink.kafka.JsonRecords;
import dev.pulse.flink.kafka.PulseKafka;
import dev.pulse.flink.config.Checkpointing;
import java.time.Duration;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.ProducerRecord;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The clean job: reads {@code events.<family>}, parses, drops duplicate event ids, writes {@code events.clean}
 * exactly once; records that are not valid events go to {@code events.dlq}.
 */
public final class CleanJob {

    /** Where the job's output goes: tests pass collecting sinks, production exactly-once Kafka sinks. */
    public record Sinks(Sink<CleanEvent> clean, Sink<DeadLetter> deadLetters) {
    }

    private CleanJob() {
    }

    public static void main(String[] args) throws Exception {
        CleanJobConfig config = CleanJobConfig.parse(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        Checkpointing.configure(env, config.checkpointInterval());
        defineWorkflow(env, PulseKafka.rawEventsSource(config.bootstrap(), config.inputTopics(), config.groupId()),
                kafkaSinks(config), config.dedupeTtl(), config.alignment());
        env.execute(config.jobName());
    }

    public static void defineWorkflow(StreamExecutionEnvironment env, Source<RawRecord, ?, ?> source, Sinks sinks,
                                      Duration dedupeTtl, ReplayAlignment.Settings alignment) {
        // records pass between chained operators without a defensive copy each: safe because every record type is
        // an immutable record and no function keeps or changes what it receives
        env.getConfig().enableObjectReuse();
        SingleOutputStreamOperator<CleanEvent> parsed = env
                .fromSource(source, ReplayAlignment.strategy(alignment), "raw events").uid("raw-events-source")
                .process(new ParseEvent()).name("parse events").uid("parse-events");

        parsed.getSideOutput(ParseEvent.DEAD_LETTERS)
                .sinkTo(sinks.deadLetters()).name("dead letters sink").uid("dead-letters-sink");

        // a new uid whenever the state's form changes (now: one IdBuckets per shard, written by IdBucketsSerializer);
        // the launcher resubmits with --allowNonRestoredState, so an upgrade starts this operator's memory of ids afresh
        parsed.keyBy(DedupeByEventId.byShard())
                .process(new DedupeByEventId(dedupeTtl)).name("dedupe by event id").uid("dedupe-by-event-id-compact")
                .sinkTo(sinks.clean()).name("clean events sink").uid("clean-events-sink");
    }

    public static Sinks kafkaSinks(CleanJobConfig config) {
        String cleanTopic = config.cleanTopic();
        String dlqTopic = config.deadLetterTopic();
        KafkaRecordSerializationSchema<CleanEvent> clean = (event, context, timestamp) ->
                // keyed by user, stamped with the event time: what every reader of events.clean relies on
                new ProducerRecord<>(cleanTopic, null, event.timestamp(), event.userId().getBytes(UTF_8), event.json());
        KafkaRecordSerializationSchema<DeadLetter> dlq = (letter, context, timestamp) ->
                new ProducerRecord<>(dlqTopic, null, System.currentTimeMillis(),
                        letter.sourceTopic() == null ? null : letter.sourceTopic().getBytes(UTF_8),
                        JsonRecords.deadLetter(letter));
        return new Sinks(
                PulseKafka.exactlyOnceSink(config.bootstrap(), config.transactionalIdPrefix() + "-clean", clean),
                PulseKafka.exactlyOnceSink(config.bootstrap(), config.transactionalIdPrefix() + "-dlq", dlq));
    }
}
