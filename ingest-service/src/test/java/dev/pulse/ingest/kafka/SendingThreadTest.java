package dev.pulse.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * The sending thread's own logic: the order it sends in, and what a request learns when {@code send} throws. Kafka's
 * {@code MockProducer} stands in for the producer only to make {@code send} throw on cue; the real producer is
 * exercised through this thread by every Kafka IT of the module (delivery, outage, exactly once).
 */
class SendingThreadTest {

    private static final long WAIT_MILLIS = 10_000;

    @Test
    void sendsEveryRequestsRecordsInTheOrderTheyCame() throws Exception {
        MockProducer<byte[], byte[]> producer = autoCompleting();
        try (SendingThread sending = new SendingThread(producer, Duration.ofSeconds(5))) {
            Acks first = new Acks(3);
            Acks second = new Acks(2);
            sending.submit(records("a", 3), first);
            sending.submit(records("b", 2), second);

            assertThat(first.await(WAIT_MILLIS)).isTrue();
            assertThat(second.await(WAIT_MILLIS)).isTrue();
        }
        assertThat(sentValues(producer)).containsExactly("a0", "a1", "a2", "b0", "b1");
    }

    @Test
    void failsTheRestOfARequestWhenSendThrowsAndGoesOnWithTheNext() throws Exception {
        AtomicInteger sends = new AtomicInteger();
        TimeoutException full = new TimeoutException("buffer full for max.block.ms");
        MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(),
                new ByteArraySerializer()) {
            @Override
            public synchronized Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
                if (sends.incrementAndGet() == 2) {
                    throw full;
                }
                return super.send(record, callback);
            }
        };
        try (SendingThread sending = new SendingThread(producer, Duration.ofSeconds(5))) {
            Acks failing = new Acks(4);
            Acks next = new Acks(2);
            sending.submit(records("a", 4), failing);
            sending.submit(records("b", 2), next);

            // returns at once, not after the timeout: the unsent records count as done, and failed
            assertThat(failing.await(WAIT_MILLIS)).isFalse();
            assertThat(failing.sendFailure()).isSameAs(full);
            assertThat(next.await(WAIT_MILLIS)).isTrue();
            assertThat(next.sendFailure()).isNull();
        }
        assertThat(sentValues(producer)).containsExactly("a0", "b0", "b1");
    }

    @Test
    void sendsWhatWasQueuedBeforeClosingAndRefusesWhatComesAfter() throws Exception {
        MockProducer<byte[], byte[]> producer = autoCompleting();
        SendingThread sending = new SendingThread(producer, Duration.ofSeconds(5));
        Acks before = new Acks(100);
        sending.submit(records("a", 100), before);

        sending.close();
        Acks after = new Acks(1);
        sending.submit(records("b", 1), after);

        assertThat(before.await(0)).isTrue();
        assertThat(after.await(0)).isFalse();
        assertThat(after.sendFailure()).hasMessageContaining("shutting down");
        assertThat(producer.history()).hasSize(100);
    }

    private static MockProducer<byte[], byte[]> autoCompleting() {
        return new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static List<String> sentValues(MockProducer<byte[], byte[]> producer) {
        return producer.history().stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
    }

    private static List<ProducerRecord<byte[], byte[]>> records(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(n -> new ProducerRecord<byte[], byte[]>("events.click",
                "u".getBytes(StandardCharsets.UTF_8), (prefix + n).getBytes(StandardCharsets.UTF_8))).toList();
    }
}
