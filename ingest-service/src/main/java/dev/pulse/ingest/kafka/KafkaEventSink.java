package dev.pulse.ingest.kafka;

import dev.pulse.ingest.IngestProperties;
import dev.pulse.ingest.dlq.DeadLetter;
import dev.pulse.ingest.intake.Batch;
import dev.pulse.ingest.intake.EncodedEvent;
import dev.pulse.ingest.intake.EventSink;
import dev.pulse.ingest.intake.Refusal;
import dev.pulse.ingest.intake.Rejection;
import dev.pulse.ingest.intake.RequestRefusedException;
import dev.pulse.model.Topics;
import dev.pulse.model.event.CanonicalEvent;
import dev.pulse.model.event.EventJson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Writes events to their family topic, keyed by user and stamped with the event time, and rejections to the DLQ;
 * returns only when Kafka acknowledged all of them. Anything short of that is a 503: the client keeps the events
 * and retries, and the clean job drops the duplicates a retry may cause (by event_id).
 *
 * <p>Event records carry the {@link CanonicalEvent} header: their value is {@link EventJson#write}'s (see
 * {@link EncodedEvent}), so the clean job passes it through instead of parsing and re-serialising it.
 */
final class KafkaEventSink implements EventSink {

    /** Shared by every record: each {@code ProducerRecord} copies it into headers of its own. */
    private static final List<Header> CANONICAL =
            List.of(new RecordHeader(CanonicalEvent.HEADER, CanonicalEvent.headerValue()));

    private final SendingThread sending;
    private final KafkaProbe probe;
    private final ProducerBuffer buffer;
    private final IngestProperties.Kafka settings;
    private final Timer sendLatency;

    KafkaEventSink(SendingThread sending, KafkaProbe probe, ProducerBuffer buffer, IngestProperties.Kafka settings,
                   MeterRegistry registry) {
        this.sending = sending;
        this.probe = probe;
        this.buffer = buffer;
        this.settings = settings;
        this.sendLatency = Timer.builder("pulse.ingest.kafka.send")
                .description("from a request's records queued for sending to Kafka's last acknowledgement")
                .publishPercentileHistogram().register(registry);
    }

    @Override
    public void checkAvailable() {
        if (!probe.reachable()) {
            throw unavailable(Refusal.KAFKA_UNAVAILABLE, "Kafka is unreachable; retry later", null);
        }
        if (buffer.usedRatio() > 1 - settings.bufferReserve()) {
            throw unavailable(Refusal.BUFFER_FULL, "the service is writing a backlog to Kafka; retry later", null);
        }
    }

    @Override
    public void write(Batch batch) {
        Acks acks = new Acks(batch.size());
        long start = System.nanoTime();
        // the records are built here, on the request's thread; only the send calls are left to the sending thread
        sending.submit(records(batch), acks);
        try {
            boolean acknowledged = acks.await(settings.ackTimeout().toMillis());
            RuntimeException sendFailure = acks.sendFailure();
            if (sendFailure instanceof KafkaException) {
                // send() itself failed: the buffer stayed full or the topic's metadata did not come within max.block.ms
                throw unavailable(Refusal.BUFFER_FULL, "Kafka cannot take events now ("
                        + sendFailure.getClass().getSimpleName() + "); retry later", sendFailure);
            }
            if (sendFailure != null) {
                throw unavailable(Refusal.KAFKA_UNAVAILABLE, "the service cannot send to Kafka now ("
                        + sendFailure.getMessage() + "); retry later", sendFailure);
            }
            if (!acknowledged) {
                Exception cause = acks.failure();
                throw unavailable(Refusal.KAFKA_UNAVAILABLE, cause == null
                        ? "Kafka did not acknowledge the events within " + settings.ackTimeout() + "; retry later"
                        : "Kafka refused the events (" + cause.getClass().getSimpleName() + "); retry later", cause);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(Refusal.KAFKA_UNAVAILABLE, "the service is shutting down; retry later", e);
        }
        sendLatency.record(Duration.ofNanos(System.nanoTime() - start));
    }

    /** The batch's event records, then a dead letter for each rejection. */
    private static List<ProducerRecord<byte[], byte[]>> records(Batch batch) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(batch.size());
        for (EncodedEvent event : batch.events()) {
            records.add(new ProducerRecord<>(event.family().topic(), null, event.timestamp(), event.userId(),
                    event.json(), CANONICAL));
        }
        byte[] keySource = batch.keySource().getBytes(StandardCharsets.UTF_8);
        for (Rejection rejection : batch.rejections()) {
            records.add(new ProducerRecord<>(Topics.EVENTS_DLQ, null, batch.receivedAt().toEpochMilli(), keySource,
                    DeadLetter.of(batch, rejection).toJson()));
        }
        return records;
    }

    private RequestRefusedException unavailable(Refusal refusal, String message, Throwable cause) {
        return RequestRefusedException.retryLater(refusal, message, settings.retryAfter(), cause);
    }
}
