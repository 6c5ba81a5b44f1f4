package dev.pulse.ingest.kafka;

import java.util.Map;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/** How full the producer's record buffer is, read from the producer's own metrics. */
final class ProducerBuffer {

    private final Metric available;
    private final Metric total;

    ProducerBuffer(Producer<?, ?> producer) {
        Map<MetricName, ? extends Metric> metrics = producer.metrics();
        this.available = find(metrics, "buffer-available-bytes");
        this.total = find(metrics, "buffer-total-bytes");
    }

    /** From 0 (empty) to 1 (full: the next send blocks). */
    double usedRatio() {
        double totalBytes = ((Number) total.metricValue()).doubleValue();
        double availableBytes = ((Number) available.metricValue()).doubleValue();
        return totalBytes <= 0 ? 0 : 1 - availableBytes / totalBytes;
    }

    private static Metric find(Map<MetricName, ? extends Metric> metrics, String name) {
        return metrics.entrySet().stream()
                .filter(e -> e.getKey().group().equals("producer-metrics") && e.getKey().name().equals(name))
                .map(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new IllegalStateException("the Kafka producer has no metric " + name));
    }
}
