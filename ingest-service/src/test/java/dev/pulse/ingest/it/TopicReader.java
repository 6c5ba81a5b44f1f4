package dev.pulse.ingest.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads topics from the offsets they had when the reader was made, without a consumer group, so a test sees what
 * it wrote and nothing older (other engineers write to the same topics of the shared stack).
 */
final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;

    private TopicReader(KafkaConsumer<String, String> consumer) {
        this.consumer = consumer;
    }

    /** Positions at the current end of each topic (0 for a topic that does not exist yet: it is then created). */
    static TopicReader fromNow(String bootstrap, Collection<String> topics) {
        return open(bootstrap, topics, true);
    }

    static TopicReader fromBeginning(String bootstrap, Collection<String> topics) {
        return open(bootstrap, topics, false);
    }

    private static TopicReader open(String bootstrap, Collection<String> topics, boolean atEnd) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, true),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        consumer.assign(partitions);
        if (atEnd) {
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            ends.forEach(consumer::seek);
        } else {
            consumer.seekToBeginning(partitions);
        }
        return new TopicReader(consumer);
    }

    /**
     * Polls until {@code done} holds for what was read so far (records matching {@code keep}), then keeps polling
     * for {@code settle} more to catch duplicates, or gives up at {@code timeout}.
     */
    List<ConsumerRecord<String, String>> read(Predicate<ConsumerRecord<String, String>> keep,
                                              Predicate<List<ConsumerRecord<String, String>>> done,
                                              Duration settle, Duration timeout) {
        List<ConsumerRecord<String, String>> kept = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        long settleUntil = Long.MAX_VALUE;
        while (System.nanoTime() < Math.min(deadline, settleUntil)) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                if (keep.test(record)) {
                    kept.add(record);
                }
            }
            if (settleUntil == Long.MAX_VALUE && done.test(kept)) {
                settleUntil = System.nanoTime() + settle.toNanos();
            }
        }
        return kept;
    }

    static Map<String, Integer> countBy(List<ConsumerRecord<String, String>> records,
                                        java.util.function.Function<ConsumerRecord<String, String>, String> id) {
        Map<String, Integer> counts = new HashMap<>();
        records.forEach(r -> counts.merge(id.apply(r), 1, Integer::sum));
        return counts;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
