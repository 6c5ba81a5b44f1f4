package dev.pulse.ingest.intake;

import java.time.Instant;
import java.util.List;

/**
 * A request's events after mapping: what will go to the family topics (encoded) and what will go to the DLQ.
 *
 * @param endpoint   the path the request came to, kept in the DLQ records
 * @param keySource  the source of the write key that sent it (never the key)
 * @param receivedAt when the service received the request
 */
public record Batch(Source source, String endpoint, String keySource, Instant receivedAt, List<EncodedEvent> events,
                    List<Rejection> rejections) {

    public Batch {
        events = List.copyOf(events);
        rejections = List.copyOf(rejections);
    }

    public int size() {
        return events.size() + rejections.size();
    }
}
