package dev.pulse.ingest.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** Shutdown's order: the records queued before it are sent, then the producer is closed. */
class ProducerCloserTest {

    @Test
    void sendsWhatWasQueuedThenClosesTheProducer() throws Exception {
        MockProducer<byte[], byte[]> producer =
                new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        SendingThread sending = new SendingThread(producer, Duration.ofSeconds(5));
        Acks acks = new Acks(1_000);
        sending.submit(IntStream.range(0, 1_000).mapToObj(n -> new ProducerRecord<byte[], byte[]>("events.click",
                ("e" + n).getBytes(StandardCharsets.UTF_8))).toList(), acks);

        new ProducerCloser(sending, producer, Duration.ofSeconds(5)).destroy();

        assertThat(acks.await(0)).isTrue();
        assertThat(producer.history()).hasSize(1_000);
        assertThat(producer.closed()).isTrue();
        Acks late = new Acks(1);
        sending.submit(List.of(new ProducerRecord<>("events.click", new byte[0])), late);
        assertThat(late.await(0)).isFalse();
    }
}
