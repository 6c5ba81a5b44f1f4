package dev.pulse.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.ingest.IngestProperties;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class ProducerSettingsTest {

    private static final IngestProperties.Kafka KAFKA = new IngestProperties.Kafka("localhost:9092", Duration.ofSeconds(10),
            4, (short) 1, Duration.ofSeconds(2), DataSize.ofMegabytes(64), 0.1, "lz4", Duration.ofMillis(5),
            DataSize.ofKilobytes(256), Duration.ofSeconds(5));

    @Test
    void isDurableAndNeverDuplicatesOnItsOwnRetries() {
        Map<String, Object> config = ProducerSettings.of(KAFKA);

        assertThat(config).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5)
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4")
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 5)
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024)
                .containsEntry(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
    }

    @Test
    void givesUpOnARecordWhenTheRequestWaitingForItDoes() {
        Map<String, Object> config = ProducerSettings.of(KAFKA);

        int delivery = (int) config.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
        int request = (int) config.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG);
        assertThat(delivery).isEqualTo(10_000);
        // Kafka refuses to start a producer whose delivery timeout is below linger + request timeout
        assertThat(delivery).isGreaterThanOrEqualTo(request + 5);
        assertThat((int) config.get(ProducerConfig.MAX_BLOCK_MS_CONFIG)).isLessThan(delivery);
    }
}
