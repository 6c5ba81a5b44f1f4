package dev.pulse.ingest.kafka;

import dev.pulse.ingest.IngestProperties;
import dev.pulse.ingest.intake.EventSink;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Kafka side of the service: one producer shared by every request, the probe, the health indicator. */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

    /**
     * Closed by {@link ProducerCloser}, after the sending thread stops; closing flushes what is buffered. Tomcat's
     * graceful shutdown has let in-flight requests finish first.
     */
    @Bean(destroyMethod = "")
    Producer<byte[], byte[]> eventProducer(IngestProperties properties) {
        if ("lz4".equals(properties.kafka().compression())) {
            Lz4Native.load(); // before the first batch: Kafka asks lz4-java for its fastest codec for every batch
        }
        // keys as bytes too: the native path has the user id's bytes, and a String would only be encoded again
        return new KafkaProducer<>(ProducerSettings.of(properties.kafka()), new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    @Bean(destroyMethod = "close")
    Admin kafkaAdmin(IngestProperties properties) {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafka().bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "pulse-ingest-admin",
                // the probe sets its own short timeouts; these bound anything else the admin does
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
    }

    @Bean(destroyMethod = "close")
    KafkaProbe kafkaProbe(Admin admin, IngestProperties properties) {
        IngestProperties.Kafka kafka = properties.kafka();
        return new KafkaProbe(admin, new TopicSetup(kafka.partitions(), kafka.replicationFactor()), kafka.probeInterval());
    }

    @Bean
    ProducerBuffer producerBuffer(Producer<byte[], byte[]> producer, MeterRegistry registry) {
        ProducerBuffer buffer = new ProducerBuffer(producer);
        Gauge.builder("pulse.ingest.producer.buffer.used", buffer, ProducerBuffer::usedRatio)
                .description("share of the Kafka producer's record buffer in use (1 = sends block)")
                .register(registry);
        return buffer;
    }

    /** Stopped by {@link ProducerCloser}, before the producer closes, so the records queued before are sent. */
    @Bean(destroyMethod = "")
    SendingThread sendingThread(Producer<byte[], byte[]> producer, MeterRegistry registry) {
        SendingThread sending = new SendingThread(producer, Duration.ofSeconds(10));
        Gauge.builder("pulse.ingest.kafka.send.waiting", sending, SendingThread::waiting)
                .description("requests whose records wait for the sending thread")
                .register(registry);
        return sending;
    }

    @Bean
    EventSink eventSink(SendingThread sending, KafkaProbe probe, ProducerBuffer buffer, IngestProperties properties,
                        MeterRegistry registry) {
        return new KafkaEventSink(sending, probe, buffer, properties.kafka(), registry);
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaProbe probe, ProducerBuffer buffer) {
        return new KafkaHealthIndicator(probe, buffer);
    }

    @Bean
    ProducerCloser producerCloser(SendingThread sending, Producer<byte[], byte[]> producer) {
        return new ProducerCloser(sending, producer, Duration.ofSeconds(10));
    }
}
