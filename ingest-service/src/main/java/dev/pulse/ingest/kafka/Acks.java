package dev.pulse.ingest.kafka;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Collects the acknowledgements of one request's records; the first failure is kept. */
final class Acks implements Callback {

    private final CountDownLatch pending;
    private volatile Exception failure;
    private volatile RuntimeException sendFailure;

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

    /** {@code send} threw for a record: it and the {@code unsent - 1} records after it will never be acknowledged. */
    void sendFailed(RuntimeException cause, int unsent) {
        if (sendFailure == null) {
            sendFailure = cause;
        }
        if (failure == null) {
            failure = cause;
        }
        for (int i = 0; i < unsent; i++) {
            pending.countDown();
        }
    }

    /** @return true when every record was acknowledged in time and none failed */
    boolean await(long timeoutMillis) throws InterruptedException {
        return pending.await(timeoutMillis, TimeUnit.MILLISECONDS) && failure == null;
    }

    Exception failure() {
        return failure;
    }

    /** What {@code send} threw, when it threw: the records were never handed to the producer. */
    RuntimeException sendFailure() {
        return sendFailure;
    }
}
