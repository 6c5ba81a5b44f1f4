package dev.pulse.flink.kafka;

import dev.pulse.flink.events.RawRecord;
import java.util.List;
import java.util.Properties;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerConfig;

/** The Kafka sources and exactly-once sinks of the jobs, with the settings every one of them needs. */
public final class PulseKafka {

    /** About 230 events of 285 bytes: minutes, not hours, of a sparse partition's event time per fetch. */
    static final int RAW_PARTITION_FETCH_BYTES = 64 * 1024;

    /**
     * Must not exceed the broker's {@code transaction.max.timeout.ms} (15 min by default; Flink's own default of 1 h
     * is refused). It bounds how long a transaction of a crashed job can hold back read_committed readers.
     */
    static final String TRANSACTION_TIMEOUT_MS = "600000";

    static final int SINK_BATCH_BYTES = 256 * 1024;

    private PulseKafka() {
    }

    /**
     * The clean job's source: the raw event topics, with records marked canonical from their {@code CanonicalEvent}
     * header. At most {@link #RAW_PARTITION_FETCH_BYTES} per partition and fetch: records already fetched for a
     * partition still arrive after {@code ReplayAlignment} paused it, and with Kafka's default of 1 MB a fetch of a
     * sparse partition spans more than an hour of event time, which a replay would put into {@code events.clean} as
     * disorder.
     */
    public static KafkaSource<RawRecord> rawEventsSource(String bootstrap, List<String> topics, String groupId) {
        return builder(bootstrap, topics, groupId, new RawRecordDeserializer(true))
                .setProperty(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(RAW_PARTITION_FETCH_BYTES))
                .build();
    }

    /**
     * The rollup job's source: {@code events.clean}. Only committed transactions are read, so a rollup never sees
     * records of a clean-job transaction that is later aborted.
     */
    public static KafkaSource<RawRecord> cleanEventsSource(String bootstrap, String topic, String groupId) {
        return builder(bootstrap, List.of(topic), groupId, new RawRecordDeserializer(false)).build();
    }

    /** Reads topics from the group's committed offsets (the earliest on first start), committed transactions only. */
    private static org.apache.flink.connector.kafka.source.KafkaSourceBuilder<RawRecord> builder(
            String bootstrap, List<String> topics, String groupId, RawRecordDeserializer deserializer) {
        return KafkaSource.<RawRecord>builder()
                .setBootstrapServers(bootstrap)
                .setTopics(topics)
                .setGroupId(groupId)
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(deserializer)
                .setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                // offsets are committed on checkpoints; they only show progress (Flink's state is the truth)
                .setProperty("commit.offsets.on.checkpoint", "true")
                // new topics matching the job's inputs are picked up without a restart
                .setProperty("partition.discovery.interval.ms", "30000");
    }

    /** A transactional sink: records become visible to read_committed readers when the checkpoint completes. */
    public static <T> KafkaSink<T> exactlyOnceSink(String bootstrap, String transactionalIdPrefix,
                                                    KafkaRecordSerializationSchema<T> serializer) {
        Properties producer = new Properties();
        producer.setProperty(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, TRANSACTION_TIMEOUT_MS);
        // rollup rows and events are small and many: batch and compress them
        producer.setProperty(ProducerConfig.LINGER_MS_CONFIG, "20");
        producer.setProperty(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // Kafka's 16 KB default makes a replay close a batch every 57 events, and each batch allocates lz4's two
        // 64 KB block buffers afresh: a quarter of the clean job's allocation. Batches come from the producer's
        // pool, and one below the size is sent when linger expires, so live traffic is not held back by it.
        producer.setProperty(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(SINK_BATCH_BYTES));
        return KafkaSink.<T>builder()
                .setBootstrapServers(bootstrap)
                .setRecordSerializer(serializer)
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(transactionalIdPrefix)
                .setKafkaProducerConfig(producer)
                .build();
    }
}
