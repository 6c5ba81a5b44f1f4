package dev.pulse.ingest.intake;

/** Where accepted events and rejections go: Kafka, in production and in every integration test. */
public interface EventSink {

    /** Refuses early (503) when the sink cannot take events now, before a request spends anything on them. */
    void checkAvailable();

    /**
     * Returns only once every event of the batch is acknowledged on its family topic and every rejection on the
     * DLQ; otherwise throws a {@link RequestRefusedException} with status 503.
     */
    void write(Batch batch);
}
