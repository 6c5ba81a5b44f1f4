package dev.pulse.ingest.kafka;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** {@code /actuator/health} is DOWN while the probe cannot reach Kafka: the service cannot say yes then. */
final class KafkaHealthIndicator implements HealthIndicator {

    private final KafkaProbe probe;
    private final ProducerBuffer buffer;

    KafkaHealthIndicator(KafkaProbe probe, ProducerBuffer buffer) {
        this.probe = probe;
        this.buffer = buffer;
    }

    @Override
    public Health health() {
        Health.Builder health = probe.reachable() ? Health.up() : Health.down().withDetail("problem", probe.problem());
        return health.withDetail("topicsReady", probe.topicsReady())
                .withDetail("producerBufferUsed", Math.round(buffer.usedRatio() * 1000) / 1000.0)
                .build();
    }
}
