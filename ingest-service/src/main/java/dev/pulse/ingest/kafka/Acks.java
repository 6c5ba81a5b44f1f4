package dev.pulse.ingest.kafka;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Collects the acknowledgements of one request's records; the first failure is kept. */
final class Acks implements Callback {

    private final CountDownLatch pending;
    private volatile Exception failure;

    Acks(int records) {
        this.pending = new CountDownLatch(records);
    }

    @Override
    public void onCompletion(RecordMetadata metadata, Exception exception) {
        if (exception != null && failure == null) {
            failure = exception;
        }
        pending.countDown();
    }

    /** @return true when every record was acknowledged in time and none failed */
    boolean await(long timeoutMillis) throws InterruptedException {
        return pending.await(timeoutMillis, TimeUnit.MILLISECONDS) && failure == null;
    }

    Exception failure() {
        return failure;
    }
}
