package dev.pulse.ingest.api;

import dev.pulse.model.event.EventFamily;
import java.time.Instant;

/**
 * Where one event's fields lie: the ids in the body, the rest already written as the event's tail (everything
 * after {@code received_at}). The head is written once the batch's {@code sent_at} is known, which may follow
 * the events.
 */
record PlainEvent(int eventId, int eventIdLength, EventFamily family, int eventType, int eventTypeLength,
                  int userId, int userIdLength, Instant clientTime, int clientTimeAt, int clientTimeLength,
                  int tailFrom, int tailTo) {
}
