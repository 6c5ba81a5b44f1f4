package dev.pulse.ingest.intake;

import dev.pulse.model.event.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks every event passes whatever API it came through (size, then mapping, then a sane event time), so
 * that one bad event becomes one rejection and never sinks the good events beside it.
 */
public final class BatchAssembler {

    private final int maxEventBytes;
    private final Duration maxFutureSkew;

    public BatchAssembler(int maxEventBytes, Duration maxFutureSkew) {
        this.maxEventBytes = maxEventBytes;
        this.maxFutureSkew = maxFutureSkew;
    }

    public Batch assemble(Source source, String endpoint, String keySource, Instant receivedAt, List<RawEvent> rawEvents,
                          EventMapper mapper) {
        List<EncodedEvent> events = new ArrayList<>(rawEvents.size());
        List<Rejection> rejections = new ArrayList<>();
        for (RawEvent raw : rawEvents) {
            try {
                events.add(EncodedEvent.of(check(raw, receivedAt, mapper)));
            } catch (RejectedEventException e) {
                rejections.add(new Rejection(raw.index(), e.reason(), e.getMessage(), raw.raw()));
            }
        }
        return new Batch(source, endpoint, keySource, receivedAt, events, rejections);
    }

    private Event check(RawEvent raw, Instant receivedAt, EventMapper mapper) {
        if (raw.length() > maxEventBytes) {
            throw new RejectedEventException(RejectionReason.EVENT_TOO_LARGE,
                    "the event is " + raw.length() + " bytes; at most " + maxEventBytes + " are accepted");
        }
        if (!raw.isObject()) {
            throw new RejectedEventException(RejectionReason.INVALID_JSON, "an event must be a JSON object");
        }
        Event event = mapper.map(raw);
        if (event.timestamp().isAfter(receivedAt.plus(maxFutureSkew))) {
            throw new RejectedEventException(RejectionReason.TIMESTAMP_IN_FUTURE, "timestamp " + event.timestamp()
                    + " is more than " + maxFutureSkew + " after the time it was received (" + receivedAt + ")");
        }
        return event.receivedAt(receivedAt);
    }
}
