package dev.pulse.ingest.kafka;

import java.time.Duration;
import org.apache.kafka.clients.producer.Producer;
import org.springframework.beans.factory.DisposableBean;

/** Flushes and closes the producer with a bound, so shutdown never hangs on an unreachable broker. */
final class ProducerCloser implements DisposableBean {

    private final Producer<?, ?> producer;
    private final Duration timeout;

    ProducerCloser(Producer<?, ?> producer, Duration timeout) {
        this.producer = producer;
        this.timeout = timeout;
    }

    @Override
    public void destroy() {
        producer.close(timeout);
    }
}
