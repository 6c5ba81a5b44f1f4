package dev.pulse.ingest.api;

import dev.pulse.ingest.api.PlainJson.NotPlain;
import dev.pulse.ingest.intake.Batch;
import dev.pulse.ingest.intake.ClockSkew;
import dev.pulse.ingest.intake.EncodedEvent;
import dev.pulse.ingest.intake.Source;
import dev.pulse.model.event.EventJson;
import dev.pulse.model.event.IsoInstant;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The native API's direct path: a batch whose events are all plainly valid is read straight into the bytes that go
 * to Kafka, its text copied instead of parsed into an {@code Event} and written again. Reading and writing each
 * event with Jackson was about half of the service's CPU in the ingest benchmark (JFR). This class reads the envelope
 * and writes each event's head ({@code event_id} to {@code received_at}); {@link PlainEventReader} reads each event.
 *
 * <p>It answers null whenever anything in the request needs more: an event to reject, text with an escape or
 * outside printable ASCII ({@link PlainJson}), an id given as a number, a field given twice, more events than a
 * request may hold. Such a request takes the full path ({@code JsonBodies}, {@link NativeEventMapper},
 * {@code BatchAssembler}), which stays the definition: for every body this path takes, both write the same events
 * ({@code DirectNativeReaderTest} holds them to it). One difference is allowed: the full path's {@code Event} keeps
 * {@code properties} in a map of no particular order, while this path keeps the order the client sent; readers of
 * the canonical form never depend on that order.
 */
final class DirectNativeReader {

    private static final byte[] BATCH = ascii("batch");
    private static final byte[] SENT_AT = ascii("sent_at");
    private static final byte[] EVENT_ID_PREFIX = ascii("{\"event_id\":\"");
    private static final byte[] EVENT_TYPE_PREFIX = ascii("\",\"event_type\":\"");
    private static final byte[] USER_ID_PREFIX = ascii("\",\"user_id\":\"");
    private static final byte[] TIMESTAMP_PREFIX = ascii("\",\"timestamp\":");
    private static final byte[] RECEIVED_AT_PREFIX = ascii(",\"received_at\":");
    /** The head's fixed bytes: the five prefixes above, and the comma before the tail. */
    private static final int HEAD_LENGTH = EVENT_ID_PREFIX.length + EVENT_TYPE_PREFIX.length + USER_ID_PREFIX.length
            + TIMESTAMP_PREFIX.length + RECEIVED_AT_PREFIX.length + 1;

    /** The length of the shortest event this path takes. */
    private static final int MIN_EVENT_BYTES = "{\"event_id\":\"a\",\"event_type\":\"b\",\"user_id\":\"c\"}".length();

    private final int maxEventBytes;
    private final Duration maxFutureSkew;
    private final int maxBatchEvents;

    DirectNativeReader(int maxEventBytes, Duration maxFutureSkew, int maxBatchEvents) {
        this.maxEventBytes = maxEventBytes;
        this.maxFutureSkew = maxFutureSkew;
        this.maxBatchEvents = maxBatchEvents;
    }

    /** The request's batch with every event accepted, or null: the full path reads it. */
    Batch read(byte[] body, String endpoint, String keySource, Instant receivedAt) {
        try {
            List<EncodedEvent> events = new Request(body, receivedAt).read();
            return new Batch(Source.NATIVE, endpoint, keySource, receivedAt, events, List.of());
        } catch (NotPlain fullPath) {
            return null;
        }
    }

    /** One request's reading: the cursor over its body and the buffers its events are written into. */
    private final class Request {

        private final PlainJson json;
        private final PlainEventReader reader;
        private final byte[] body;
        private final Instant receivedAt;
        private final char[] time = new char[IsoInstant.MAX_LENGTH];
        private Instant sentAt;

        Request(byte[] body, Instant receivedAt) {
            this.json = new PlainJson(body);
            this.reader = new PlainEventReader(json, maxEventBytes);
            this.body = body;
            this.receivedAt = receivedAt;
        }

        List<EncodedEvent> read() {
            List<PlainEvent> events = envelope();
            if (!json.atEnd()) {
                throw PlainJson.notPlain();
            }
            return encode(events);
        }

        /** A JSON array of events, or {@code {"batch":[...], "sent_at":"..."}} with other fields ignored. */
        private List<PlainEvent> envelope() {
            if (json.peek() == '[') {
                return events();
            }
            json.expect('{');
            List<PlainEvent> events = null;
            boolean sentAtSeen = false;
            if (!json.consume('}')) {
                do {
                    int key = json.key();
                    int length = json.position() - 1 - key;
                    json.expect(':');
                    if (json.equals(key, length, BATCH) && events == null && json.peek() == '[') {
                        events = events();
                    } else if (json.equals(key, length, SENT_AT) && !sentAtSeen) {
                        sentAtSeen = true;
                        sentAt = json.consumeNull() ? null : reader.time(json.string());
                    } else if (json.equals(key, length, BATCH) || json.equals(key, length, SENT_AT)) {
                        throw PlainJson.notPlain(); // given twice, or a batch that is not an array
                    } else {
                        json.skipValue(1);
                    }
                } while (json.consume(','));
                json.expect('}');
            }
            if (events == null) {
                throw PlainJson.notPlain();
            }
            return events;
        }

        private List<PlainEvent> events() {
            json.expect('[');
            // sized for as many events as the body could hold, so that it never grows
            List<PlainEvent> events = new ArrayList<>(Math.min(maxBatchEvents, body.length / MIN_EVENT_BYTES + 1));
            if (!json.consume(']')) {
                do {
                    if (events.size() == maxBatchEvents) {
                        throw PlainJson.notPlain();
                    }
                    events.add(reader.read());
                } while (json.consume(','));
                json.expect(']');
            }
            return events;
        }

        /** Each event's bytes: the head, now that {@code sent_at} is known, and the tail written while reading. */
        private List<EncodedEvent> encode(List<PlainEvent> events) {
            List<EncodedEvent> encoded = new ArrayList<>(events.size());
            Instant latest = receivedAt.plus(maxFutureSkew);
            byte[] received = printed(receivedAt);
            byte[] tailBytes = reader.tails();
            for (PlainEvent plain : events) {
                Instant timestamp = corrected(plain.clientTime());
                if (timestamp.isAfter(latest)) {
                    throw PlainJson.notPlain(); // rejected on the full path
                }
                boolean copyTime = sentAt == null && plain.clientTimeAt() >= 0
                        && IsoInstant.isPrinted(body, plain.clientTimeAt(), plain.clientTimeLength());
                byte[] time = copyTime ? null : printed(timestamp);
                int timeLength = time == null ? plain.clientTimeLength() + 2 : time.length;
                int tailLength = plain.tailTo() - plain.tailFrom();
                // written straight into an array of the event's size: no buffer to grow and copy out of
                byte[] bytes = new byte[HEAD_LENGTH + plain.eventIdLength() + plain.eventTypeLength()
                        + plain.userIdLength() + timeLength + received.length + tailLength];
                int at = put(bytes, 0, EVENT_ID_PREFIX);
                at = put(bytes, at, body, plain.eventId(), plain.eventIdLength());
                at = put(bytes, at, EVENT_TYPE_PREFIX);
                at = put(bytes, at, body, plain.eventType(), plain.eventTypeLength());
                at = put(bytes, at, USER_ID_PREFIX);
                at = put(bytes, at, body, plain.userId(), plain.userIdLength());
                at = put(bytes, at, TIMESTAMP_PREFIX);
                // as sent, quotes included, when that is already how it is printed
                at = time == null ? put(bytes, at, body, plain.clientTimeAt() - 1, timeLength) : put(bytes, at, time);
                at = put(bytes, at, RECEIVED_AT_PREFIX);
                at = put(bytes, at, received);
                bytes[at++] = ',';
                put(bytes, at, plain.tailInBody() ? body : tailBytes, plain.tailFrom(), tailLength);
                byte[] userId = Arrays.copyOfRange(body, plain.userId(), plain.userId() + plain.userIdLength());
                encoded.add(new EncodedEvent(plain.family(), userId, timestamp.toEpochMilli(), bytes));
            }
            return encoded;
        }

        private Instant corrected(Instant clientTime) {
            try {
                return ClockSkew.correct(clientTime, sentAt, receivedAt);
            } catch (DateTimeException | ArithmeticException outOfRange) {
                throw PlainJson.notPlain(); // the full path decides what such a time means
            }
        }

        /** An instant as {@link EventJson} writes it, in quotes. */
        private byte[] printed(Instant instant) {
            int length = IsoInstant.print(instant, time);
            if (length < 0) {
                return ('"' + instant.toString() + '"').getBytes(StandardCharsets.ISO_8859_1);
            }
            byte[] quoted = new byte[length + 2];
            quoted[0] = '"';
            for (int i = 0; i < length; i++) {
                quoted[i + 1] = (byte) time[i];
            }
            quoted[length + 1] = '"';
            return quoted;
        }

    }

    private static int put(byte[] target, int at, byte[] source) {
        return put(target, at, source, 0, source.length);
    }

    private static int put(byte[] target, int at, byte[] source, int from, int length) {
        System.arraycopy(source, from, target, at, length);
        return at + length;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
