package dev.pulse.ingest.api;

import dev.pulse.model.event.EventFamily;
import java.time.Instant;

/**
 * Where one event's fields lie: the ids in the body, and its tail (everything after {@code received_at}), either the
 * body's own text or written into the request's tails. The head is written once the batch's {@code sent_at} is known,
 * which may follow the events.
 *
 * @param tailInBody whether {@code tailFrom} and {@code tailTo} point into the body (the tail kept as sent), not into
 *                   the tails
 */
record PlainEvent(int eventId, int eventIdLength, EventFamily family, int eventType, int eventTypeLength,
                  int userId, int userIdLength, Instant clientTime, int clientTimeAt, int clientTimeLength,
                  boolean tailInBody, int tailFrom, int tailTo) {
}
