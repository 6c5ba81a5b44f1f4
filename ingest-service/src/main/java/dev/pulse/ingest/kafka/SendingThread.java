package dev.pulse.ingest.kafka;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The one thread that hands every request's records to the producer. A request thread queues its records here and
 * waits for their acknowledgements as before; only the {@code send} calls moved. From dozens of request threads at
 * once, {@code send} contended for the producer's partition queues and their open batches. From one thread the
 * service took 7 % less CPU per event, ran 8 % faster and answered with a lower p99, side by side in one run
 * (docs/benchmarks.md, ingest throughput). One thread sends 540,000 to 1,070,000 records a second on this machine
 * (the benchmark's raw producer), more than its HTTP side takes in (250,000 to 430,000 events a second).
 */
final class SendingThread implements AutoCloseable {

    /** One request's records and the acknowledgements its request thread waits for. */
    private record Job(List<ProducerRecord<byte[], byte[]>> records, Acks acks) {
    }

    private static final Job STOP = new Job(List.of(), null);

    private final Producer<byte[], byte[]> producer;
    /** Unbounded, but each waiting request thread has one job in it at most, so it is bounded by the thread pool. */
    private final BlockingQueue<Job> jobs = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final Duration closeTimeout;
    /** Guarded by this object, as is queuing a job. */
    private boolean closed;

    SendingThread(Producer<byte[], byte[]> producer, Duration closeTimeout) {
        this.producer = producer;
        this.closeTimeout = closeTimeout;
        this.thread = new Thread(this::run, "pulse-ingest-send");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues a request's records; a record that cannot be sent fails it and every record after it in {@code acks}.
     * Synchronized with {@link #close}, so that no job is queued behind the thread's last one, never to be sent.
     */
    synchronized void submit(List<ProducerRecord<byte[], byte[]>> records, Acks acks) {
        if (closed) {
            acks.sendFailed(new IllegalStateException("the service is shutting down"), records.size());
            return;
        }
        jobs.add(new Job(records, acks));
    }

    /** Requests whose records wait to be sent. */
    int waiting() {
        return jobs.size();
    }

    private void run() {
        try {
            for (Job job = jobs.take(); job != STOP; job = jobs.take()) {
                send(job);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void send(Job job) {
        List<ProducerRecord<byte[], byte[]>> records = job.records();
        for (int i = 0; i < records.size(); i++) {
            try {
                producer.send(records.get(i), job.acks());
            } catch (RuntimeException e) {
                // the buffer stayed full for max.block.ms, no metadata came, or the producer is closed: the request
                // answers 503 and its client sends it all again; what was sent before is deduplicated downstream
                job.acks().sendFailed(e, records.size() - i);
                return;
            }
        }
    }

    /** Sends what was queued before, then stops; the producer is closed after this, by its own bean. */
    @Override
    public void close() throws InterruptedException {
        synchronized (this) {
            closed = true;
            jobs.add(STOP);
        }
        thread.join(closeTimeout.toMillis());
    }
}
