package dev.pulse.ingest;

import dev.pulse.ingest.intake.Batch;
import dev.pulse.ingest.intake.EventSink;
import dev.pulse.ingest.intake.Refusal;
import dev.pulse.ingest.intake.RequestRefusedException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The sink of controller slice tests, which are about HTTP: it keeps the batches it was given, or refuses them
 * the way the Kafka sink does when Kafka is away. The Kafka sink itself is tested against real Kafka (*IT).
 */
public final class RecordingSink implements EventSink {

    private final List<Batch> batches = new CopyOnWriteArrayList<>();
    private volatile boolean kafkaAway;

    public List<Batch> batches() {
        return batches;
    }

    public void kafkaAway(boolean away) {
        this.kafkaAway = away;
    }

    public void clear() {
        batches.clear();
        kafkaAway = false;
    }

    @Override
    public void checkAvailable() {
        if (kafkaAway) {
            throw RequestRefusedException.retryLater(Refusal.KAFKA_UNAVAILABLE, "Kafka is unreachable; retry later",
                    Duration.ofSeconds(5), null);
        }
    }

    @Override
    public void write(Batch batch) {
        batches.add(batch);
    }
}
