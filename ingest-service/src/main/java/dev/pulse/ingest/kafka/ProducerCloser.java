package dev.pulse.ingest.kafka;

import java.time.Duration;
import org.apache.kafka.clients.producer.Producer;
import org.springframework.beans.factory.DisposableBean;

/**
 * Stops the sending thread, which sends what was queued before, then flushes and closes the producer with a bound,
 * so shutdown never hangs on an unreachable broker. One bean does both, in that order: Spring would destroy two
 * beans that only share the producer in either order.
 */
final class ProducerCloser implements DisposableBean {

    private final SendingThread sending;
    private final Producer<?, ?> producer;
    private final Duration timeout;

    ProducerCloser(SendingThread sending, Producer<?, ?> producer, Duration timeout) {
        this.sending = sending;
        this.producer = producer;
        this.timeout = timeout;
    }

    @Override
    public void destroy() throws InterruptedException {
        try {
            sending.close();
        } finally {
            producer.close(timeout);
        }
    }
}
