package dev.pulse.ingest.api;

import dev.pulse.ingest.api.PlainJson.NotPlain;
import dev.pulse.ingest.intake.Batch;
import dev.pulse.ingest.intake.ClockSkew;
import dev.pulse.ingest.intake.EncodedEvent;
import dev.pulse.ingest.intake.IsoTimes;
import dev.pulse.ingest.intake.Source;
import dev.pulse.model.event.EventFamily;
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
 * event with Jackson was about half of the service's CPU in the ingest benchmark (JFR).
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

    private static final int MAX_ID_LENGTH = 256;
    private static final byte[] BATCH = ascii("batch");
    private static final byte[] SENT_AT = ascii("sent_at");
    private static final byte[][] FIELDS = {ascii("event_id"), ascii("event_type"), ascii("user_id"),
            ascii("timestamp"), ascii("properties"), ascii("context"), ascii("revenue"), ascii("currency")};
    private static final int EVENT_ID = 0;
    private static final int EVENT_TYPE = 1;
    private static final int USER_ID = 2;
    private static final int TIMESTAMP = 3;
    private static final int PROPERTIES = 4;
    private static final int CONTEXT = 5;
    private static final int REVENUE = 6;
    private static final int CURRENCY = 7;
    private static final byte[][] CONTEXT_FIELDS = {ascii("country"), ascii("device"), ascii("platform")};
    private static final byte[] EVENT_ID_PREFIX = ascii("{\"event_id\":\"");
    private static final byte[] EVENT_TYPE_PREFIX = ascii("\",\"event_type\":\"");
    private static final byte[] USER_ID_PREFIX = ascii("\",\"user_id\":\"");
    private static final byte[] TIMESTAMP_PREFIX = ascii("\",\"timestamp\":");
    private static final byte[] RECEIVED_AT_PREFIX = ascii(",\"received_at\":");
    private static final byte[] PROPERTIES_NAME = ascii("\"properties\":");
    private static final byte[] CONTEXT_NAME = ascii(",\"context\":{");
    private static final byte[] REVENUE_NAME = ascii(",\"revenue\":");
    private static final byte[] CURRENCY_NAME = ascii(",\"currency\":\"");
    /** The families an event type names; any other type is {@link EventFamily#OTHER}, as {@link EventFamily#of}. */
    private static final EventFamily[] NAMED = {EventFamily.PAGE_VIEW, EventFamily.CLICK, EventFamily.TRANSACTION};
    private static final byte[][] NAMED_IDS = {ascii(EventFamily.PAGE_VIEW.id()), ascii(EventFamily.CLICK.id()),
            ascii(EventFamily.TRANSACTION.id())};
    /** The head's fixed bytes: the four prefixes above, and the comma before the tail. */
    private static final int HEAD_LENGTH = EVENT_ID_PREFIX.length + EVENT_TYPE_PREFIX.length + USER_ID_PREFIX.length
            + TIMESTAMP_PREFIX.length + RECEIVED_AT_PREFIX.length + 1;

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

    /**
     * Where one event's fields lie: the ids in the body, the rest already written as the event's tail (everything
     * after {@code received_at}). The head is written once the batch's {@code sent_at} is known, which may follow
     * the events.
     */
    private record PlainEvent(int eventId, int eventIdLength, EventFamily family, int eventType, int eventTypeLength,
                              int userId, int userIdLength, Instant clientTime, int clientTimeAt, int clientTimeLength,
                              int tailFrom, int tailTo) {
    }

    /** One request's reading: the cursor over its body and the buffers its events are written into. */
    private final class Request {

        private final PlainJson json;
        private final byte[] body;
        private final Instant receivedAt;
        private final EventBytes tails;
        private final EventBytes properties;
        private final char[] time = new char[IsoInstant.MAX_LENGTH];
        private Instant sentAt;
        private byte[] lastRevenue;
        private int lastRevenueAt;
        private int lastRevenueLength;

        Request(byte[] body, Instant receivedAt) {
            this.json = new PlainJson(body);
            this.body = body;
            // sized so that they rarely grow: the tails are about as long as the events, the properties a part of it
            this.tails = new EventBytes(body.length + 256);
            this.properties = new EventBytes(body.length / 2 + 256);
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
                    int key = json.string();
                    int length = json.position() - 1 - key;
                    json.expect(':');
                    if (json.equals(key, length, BATCH) && events == null && json.peek() == '[') {
                        events = events();
                    } else if (json.equals(key, length, SENT_AT) && !sentAtSeen) {
                        sentAtSeen = true;
                        sentAt = json.consumeNull() ? null : time(json.string());
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
            List<PlainEvent> events = new ArrayList<>();
            if (!json.consume(']')) {
                do {
                    if (events.size() == maxBatchEvents) {
                        throw PlainJson.notPlain();
                    }
                    events.add(event());
                } while (json.consume(','));
                json.expect(']');
            }
            return events;
        }

        private PlainEvent event() {
            if (json.peek() != '{') {
                throw PlainJson.notPlain();
            }
            int start = json.position();
            json.expect('{');
            int[] text = new int[6]; // offset and length of event_id, event_type, user_id
            Instant clientTime = null;
            int clientTimeAt = -1;
            int clientTimeLength = 0;
            int propertiesFrom = -1;
            int propertiesTo = -1;
            int[] context = null;
            byte[] revenue = null;
            int currency = -1; // the offset of its three letters
            int seen = 0;
            do {
                int key = json.string();
                int field = field(key, json.position() - 1 - key);
                json.expect(':');
                if (field >= 0 && (seen & 1 << field) != 0) {
                    throw PlainJson.notPlain();
                }
                seen |= field >= 0 ? 1 << field : 0;
                switch (field) {
                    case EVENT_ID, EVENT_TYPE, USER_ID -> {
                        int at = json.string();
                        text[2 * field] = at;
                        text[2 * field + 1] = requireId(at, json.position() - 1 - at);
                    }
                    case TIMESTAMP -> {
                        if (!json.consumeNull()) {
                            clientTimeAt = json.string();
                            clientTimeLength = json.position() - 1 - clientTimeAt;
                            clientTime = time(clientTimeAt);
                        }
                    }
                    case PROPERTIES -> {
                        if (!json.consumeNull()) {
                            if (json.peek() != '{') {
                                throw PlainJson.notPlain();
                            }
                            propertiesFrom = properties.length();
                            json.copyValue(properties, 2);
                            propertiesTo = properties.length();
                        }
                    }
                    case CONTEXT -> context = context();
                    case REVENUE -> revenue = json.consumeNull() ? null : revenue();
                    case CURRENCY -> currency = json.consumeNull() ? -1 : currency(json.string());
                    default -> json.skipValue(2);
                }
            } while (json.consume(','));
            json.expect('}');
            int required = 1 << EVENT_ID | 1 << EVENT_TYPE | 1 << USER_ID;
            if ((seen & required) != required || json.position() - start > maxEventBytes) {
                throw PlainJson.notPlain();
            }
            int tailFrom = tails.length();
            writeTail(propertiesFrom, propertiesTo, context, revenue, currency);
            return new PlainEvent(text[0], text[1], family(text[2], text[3]), text[2], text[3], text[4], text[5],
                    clientTime, clientTimeAt, clientTimeLength, tailFrom, tails.length());
        }

        /**
         * The revenue as the full path writes it: {@link Double#toString(double)} of the value read (an integer's
         * value is its own, so -0 is 0, not -0.0). Prices repeat, so the last one's text is kept.
         */
        private byte[] revenue() {
            int start = json.number();
            int length = json.position() - start;
            if (lastRevenue != null && length == lastRevenueLength
                    && Arrays.equals(body, start, start + length, body, lastRevenueAt, lastRevenueAt + length)) {
                return lastRevenue;
            }
            double revenue = json.finiteDouble(start);
            lastRevenue = Double.toString(revenue == 0 && json.isIntegral(start) ? 0.0 : revenue)
                    .getBytes(StandardCharsets.ISO_8859_1);
            lastRevenueAt = start;
            lastRevenueLength = length;
            return lastRevenue;
        }

        /** Offsets and lengths of country, device and platform (length 0: absent), or null for no context. */
        private int[] context() {
            if (json.consumeNull()) {
                return null;
            }
            if (json.peek() != '{') {
                throw PlainJson.notPlain();
            }
            json.expect('{');
            int[] fields = new int[6];
            int seen = 0;
            if (!json.consume('}')) {
                do {
                    int key = json.string();
                    int field = contextField(key, json.position() - 1 - key);
                    json.expect(':');
                    if (field < 0) {
                        json.skipValue(3);
                        continue;
                    }
                    if ((seen & 1 << field) != 0) {
                        throw PlainJson.notPlain();
                    }
                    seen |= 1 << field;
                    if (!json.consumeNull()) {
                        int at = json.string();
                        int length = json.position() - 1 - at;
                        if (length > MAX_ID_LENGTH) {
                            throw PlainJson.notPlain();
                        }
                        if (!isBlank(at, length)) { // blank is absent, as on the full path
                            fields[2 * field] = at;
                            fields[2 * field + 1] = length;
                        }
                    }
                } while (json.consume(','));
                json.expect('}');
            }
            return fields;
        }

        /** Everything after {@code received_at}, in {@code EventJson}'s order. */
        private void writeTail(int propertiesFrom, int propertiesTo, int[] context, byte[] revenue, int currency) {
            tails.write(PROPERTIES_NAME);
            if (propertiesFrom < 0) {
                tails.write('{');
                tails.write('}');
            } else {
                tails.write(properties.bytes(), propertiesFrom, propertiesTo - propertiesFrom);
            }
            tails.write(CONTEXT_NAME);
            boolean first = true;
            for (int field = 0; context != null && field < CONTEXT_FIELDS.length; field++) {
                if (context[2 * field + 1] > 0) {
                    if (!first) {
                        tails.write(',');
                    }
                    first = false;
                    quoted(CONTEXT_FIELDS[field]);
                    tails.write(':');
                    tails.write('"');
                    tails.write(body, context[2 * field], context[2 * field + 1]);
                    tails.write('"');
                }
            }
            tails.write('}');
            if (revenue != null) {
                tails.write(REVENUE_NAME);
                tails.write(revenue);
            }
            if (currency >= 0) {
                tails.write(CURRENCY_NAME);
                for (int i = currency; i < currency + 3; i++) {
                    tails.write(body[i] & ~0x20); // upper case: the letters were checked
                }
                tails.write('"');
            }
            tails.write('}');
        }

        private void quoted(byte[] name) {
            tails.write('"');
            tails.write(name);
            tails.write('"');
        }

        /** Each event's bytes: the head, now that {@code sent_at} is known, and the tail written while reading. */
        private List<EncodedEvent> encode(List<PlainEvent> events) {
            List<EncodedEvent> encoded = new ArrayList<>(events.size());
            Instant latest = receivedAt.plus(maxFutureSkew);
            byte[] received = printed(receivedAt);
            byte[] tailBytes = tails.bytes();
            for (PlainEvent plain : events) {
                Instant timestamp = corrected(plain.clientTime());
                if (timestamp.isAfter(latest)) {
                    throw PlainJson.notPlain(); // rejected on the full path
                }
                byte[] time = sentAt == null && isCanonicalTime(plain.clientTimeAt(), plain.clientTimeLength())
                        ? null : printed(timestamp);
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
                put(bytes, at, tailBytes, plain.tailFrom(), tailLength);
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

        private Instant time(int at) {
            try {
                return IsoTimes.parse(json.ascii(at, json.position() - 1));
            } catch (DateTimeException invalid) {
                throw PlainJson.notPlain();
            }
        }

        /** An id's length: at most {@value #MAX_ID_LENGTH} characters and not blank, or the full path rejects it. */
        private int requireId(int at, int length) {
            if (length > MAX_ID_LENGTH || isBlank(at, length)) {
                throw PlainJson.notPlain();
            }
            return length;
        }

        /**
         * Whether a time the client sent (and a parser read) is in the form {@link IsoInstant} prints, so its text can
         * be copied: {@code yyyy-MM-ddTHH:mm:ssZ} with no fraction, or 3, 6 or 9 fraction digits whose last three are
         * not all zero (a zero group is not printed).
         */
        private boolean isCanonicalTime(int at, int length) {
            if (at < 0 || (length != 20 && length != 24 && length != 27 && length != 30) || body[at + length - 1] != 'Z') {
                return false;
            }
            for (int i = 0; i < length - 1; i++) {
                byte b = body[at + i];
                boolean separator = switch (i) {
                    case 4, 7 -> b == '-';
                    case 10 -> b == 'T';
                    case 13, 16 -> b == ':';
                    case 19 -> b == '.';
                    default -> b >= '0' && b <= '9';
                };
                if (!separator) {
                    return false;
                }
            }
            return length == 20 || body[at + length - 2] != '0' || body[at + length - 3] != '0'
                    || body[at + length - 4] != '0';
        }

        private EventFamily family(int at, int length) {
            for (int i = 0; i < NAMED.length; i++) {
                if (json.equals(at, length, NAMED_IDS[i])) {
                    return NAMED[i];
                }
            }
            return EventFamily.OTHER;
        }

        /** The offset of three ASCII letters (written upper-cased), or -1 for blank, which is absent. */
        private int currency(int at) {
            int length = json.position() - 1 - at;
            if (isBlank(at, length)) {
                return -1;
            }
            if (length != 3) {
                throw PlainJson.notPlain();
            }
            for (int i = at; i < at + 3; i++) {
                byte c = body[i];
                if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                    throw PlainJson.notPlain();
                }
            }
            return at;
        }

        /** Only spaces, or nothing: the printable ASCII {@link String#isBlank()} is true for. */
        private boolean isBlank(int at, int length) {
            for (int i = at; i < at + length; i++) {
                if (body[i] != ' ') {
                    return false;
                }
            }
            return true;
        }

        private int field(int key, int length) {
            for (int field = 0; field < FIELDS.length; field++) {
                if (json.equals(key, length, FIELDS[field])) {
                    return field;
                }
            }
            return -1;
        }

        private int contextField(int key, int length) {
            for (int field = 0; field < CONTEXT_FIELDS.length; field++) {
                if (json.equals(key, length, CONTEXT_FIELDS[field])) {
                    return field;
                }
            }
            return -1;
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
