package dev.pulse.ingest.kafka;

import dev.pulse.ingest.IngestProperties;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/** The producer configuration, each non-default with its reason. */
final class ProducerSettings {

    private ProducerSettings() {
    }

    static Map<String, Object> of(IngestProperties.Kafka kafka) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "pulse-ingest");
        // a 200 promises the event survives a broker loss: wait for every in-sync replica
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // the producer's own retries must not write an event twice, nor reorder a user's events
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        // throughput: many requests share one producer, so a few ms of linger fills large compressed batches
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, kafka.compression());
        config.put(ProducerConfig.LINGER_MS_CONFIG, (int) kafka.linger().toMillis());
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, (int) kafka.batchSize().toBytes());
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, kafka.bufferMemory().toBytes());
        // a full buffer or a topic without metadata must fail a request fast (503), not hold its thread for 60 s
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000);
        // give up on a record about when the request waiting for it gives up, so little lands after a 503
        Duration ackTimeout = kafka.ackTimeout();
        int requestTimeout = (int) Math.max(500, ackTimeout.toMillis() / 2);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeout);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                (int) Math.max(ackTimeout.toMillis(), requestTimeout + kafka.linger().toMillis()));
        return config;
    }
}
