package dev.pulse.router.cache;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows {@code rollups.progress} on its own thread and advances {@link DataProgress}. Every router instance
 * reads the whole topic (a fresh group each start), since each needs all progress, not a share of it.
 */
public final class ProgressConsumer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProgressConsumer.class);

    private final KafkaConsumer<String, String> consumer;
    private final String topic;
    private final DataProgress progress;
    private final Thread thread;
    private volatile boolean running = true;

    public ProgressConsumer(String bootstrapServers, String topic, DataProgress progress) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // a group of its own: every instance must see every progress record
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "query-router-progress-" + UUID.randomUUID());
        // the latest progress may have been written long before this instance started
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // offsets of a throw-away group are worth nothing
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // the topic may not exist yet when the rollup job has not started; wait for it instead of creating it
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        this.consumer = new KafkaConsumer<>(props);
        this.topic = topic;
        this.progress = progress;
        this.thread = new Thread(this::run, "rollups-progress");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        try {
            consumer.subscribe(List.of(topic));
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    ProgressMessage.parse(record.key(), record.value())
                            .ifPresent(m -> progress.advance(m.datasource(), m.completeUntil()));
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } catch (RuntimeException e) {
            log.error("rollups.progress consumer stopped; cache keys keep their last data version", e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5_000);
    }
}
