package dev.pulse.ingest.api;

import dev.pulse.ingest.intake.Fields;
import dev.pulse.ingest.intake.IsoTimes;
import dev.pulse.model.event.EventFamily;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;

/**
 * Reads the plainly valid native events of one request body for {@link DirectNativeReader}, one at the cursor per
 * call: where its ids and time lie in the body, and where everything after {@code received_at} (properties, context,
 * revenue, currency) lies as the full path would write it: in the body itself when the client sent it so, or else
 * written into the request's buffer of tails. Anything the full path would reject or read differently throws
 * {@link PlainJson.NotPlain}.
 */
final class PlainEventReader {

    private static final byte[][] FIELDS = {ascii("event_id"), ascii("event_type"), ascii("user_id"),
            ascii("timestamp"), ascii("properties"), ascii("context"), ascii("revenue"), ascii("currency")};
    private static final int EVENT_ID = 0;
    private static final int EVENT_TYPE = 1;
    private static final int USER_ID = 2;
    private static final int TIMESTAMP = 3;
    static final int PROPERTIES = 4;
    static final int CONTEXT = 5;
    private static final int REVENUE = 6;
    private static final int CURRENCY = 7;
    private static final byte[][] CONTEXT_FIELDS = {ascii("country"), ascii("device"), ascii("platform")};
    /** The names above in quotes, as {@link PlainJson#consumeKey} compares them. */
    private static final byte[][] QUOTED_FIELDS = quoted(FIELDS);
    private static final byte[][] QUOTED_CONTEXT_FIELDS = quoted(CONTEXT_FIELDS);
    private static final byte[] PROPERTIES_NAME = ascii("\"properties\":");
    private static final byte[] CONTEXT_NAME = ascii(",\"context\":{");
    private static final byte[] REVENUE_NAME = ascii(",\"revenue\":");
    private static final byte[] CURRENCY_NAME = ascii(",\"currency\":\"");
    private static final EventFamily[] FAMILIES = EventFamily.values();
    /** Each family's id, in {@link #FAMILIES}' order: a type that names none is OTHER, as in {@link EventFamily#of}. */
    private static final byte[][] FAMILY_IDS = Arrays.stream(FAMILIES).map(family -> ascii(family.id()))
            .toArray(byte[][]::new);

    private final PlainJson json;
    private final byte[] body;
    private final int maxEventBytes;
    private final EventBytes tails;
    /** The text of the time being read, in place. */
    private final AsciiView time;
    private byte[] lastRevenue;
    private int lastRevenueAt;
    private int lastRevenueLength;

    PlainEventReader(PlainJson json, int maxEventBytes) {
        this.json = json;
        this.body = json.bytes();
        this.maxEventBytes = maxEventBytes;
        // sized so that it rarely grows, when it is written at all: the tails are shorter than the events
        this.tails = new EventBytes(body.length + 256);
        this.time = new AsciiView(body);
    }

    /** The tails written so far: {@link PlainEvent#tailFrom()} and {@code tailTo()} point into it, unless in the body. */
    byte[] tails() {
        return tails.bytes();
    }

    PlainEvent read() {
        if (json.peek() != '{') {
            throw PlainJson.notPlain();
        }
        int start = json.position();
        json.expect('{');
        int[] text = new int[6]; // offset and length of event_id, event_type, user_id
        Instant clientTime = null;
        int clientTimeAt = -1;
        int clientTimeLength = 0;
        int properties = -1; // the offset of the properties object, when given
        int[] context = null;
        byte[] revenue = null;
        int currency = -1; // the offset of its three letters
        int seen = 0;
        int expected = EVENT_ID;
        AsSentTail tail = new AsSentTail(json);
        do {
            json.peek();
            int keyAt = json.position();
            int field = field(FIELDS, QUOTED_FIELDS, expected);
            expected = field >= 0 ? field + 1 : expected;
            if (field >= 0 && (seen & 1 << field) != 0) {
                throw PlainJson.notPlain();
            }
            seen |= field >= 0 ? 1 << field : 0;
            tail.field(field, keyAt);
            json.expect(':');
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
                    if (json.consumeNull()) {
                        tail.differs(); // written as {}
                    } else {
                        if (json.peek() != '{') {
                            throw PlainJson.notPlain();
                        }
                        properties = json.position();
                        json.skipValue(2); // checked here, written (when the text cannot be kept) with the tail
                    }
                }
                case CONTEXT -> context = context(tail);
                case REVENUE -> {
                    if (json.consumeNull()) {
                        tail.differs();
                    } else {
                        int at = json.position();
                        revenue = revenue();
                        tail.sameAs(revenue, at, json.position());
                    }
                }
                case CURRENCY -> {
                    currency = json.consumeNull() ? -1 : currency(json.string());
                    tail.sameIf(currency >= 0 && isUpperCase(currency));
                }
                default -> json.skipValue(2);
            }
        } while (json.consume(','));
        json.expect('}');
        int required = 1 << EVENT_ID | 1 << EVENT_TYPE | 1 << USER_ID;
        if ((seen & required) != required || json.position() - start > maxEventBytes) {
            throw PlainJson.notPlain();
        }
        if (tail.keptAsSent()) {
            return new PlainEvent(text[0], text[1], family(text[2], text[3]), text[2], text[3], text[4], text[5],
                    clientTime, clientTimeAt, clientTimeLength, true, tail.from(), json.position());
        }
        int tailFrom = tails.length();
        writeTail(properties, context, revenue, currency);
        return new PlainEvent(text[0], text[1], family(text[2], text[3]), text[2], text[3], text[4], text[5],
                clientTime, clientTimeAt, clientTimeLength, false, tailFrom, tails.length());
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

    /**
     * Offsets and lengths of country, device and platform (length 0: absent), or null for no context. A field that
     * is not written as sent (unknown, null, blank, out of order) tells {@code tail}.
     */
    private int[] context(AsSentTail tail) {
        if (json.consumeNull()) {
            tail.differs(); // written as {}
            return null;
        }
        if (json.peek() != '{') {
            throw PlainJson.notPlain();
        }
        json.expect('{');
        int[] fields = new int[6];
        int seen = 0;
        int expected = 0;
        if (!json.consume('}')) {
            do {
                int field = field(CONTEXT_FIELDS, QUOTED_CONTEXT_FIELDS, expected);
                expected = field >= 0 ? field + 1 : expected;
                json.expect(':');
                if (field < 0) {
                    tail.differs(); // left out
                    json.skipValue(3);
                    continue;
                }
                if ((seen & 1 << field) != 0) {
                    throw PlainJson.notPlain();
                }
                tail.sameIf(seen < 1 << field); // after the fields written before it
                seen |= 1 << field;
                if (json.consumeNull()) {
                    tail.differs();
                } else {
                    int at = json.string();
                    int length = json.position() - 1 - at;
                    if (length > Fields.MAX_ID_LENGTH) {
                        throw PlainJson.notPlain();
                    }
                    if (isBlank(at, length)) { // blank is absent, as on the full path
                        tail.differs();
                    } else {
                        fields[2 * field] = at;
                        fields[2 * field + 1] = length;
                    }
                }
            } while (json.consume(','));
            json.expect('}');
        }
        return fields;
    }

    /**
     * Everything after {@code received_at}, in {@code EventJson}'s order, into the tails. The properties were checked
     * when they were read: the cursor goes back to write them, then on from where it was.
     */
    private void writeTail(int properties, int[] context, byte[] revenue, int currency) {
        tails.write(PROPERTIES_NAME);
        if (properties >= 0) {
            int resume = json.position();
            json.rewind(properties);
            json.copyValue(tails, 2);
            json.rewind(resume);
        } else {
            tails.write('{');
            tails.write('}');
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

    Instant time(int at) {
        try {
            return IsoTimes.parse(time.set(at, json.position() - 1));
        } catch (DateTimeException invalid) {
            throw PlainJson.notPlain();
        }
    }

    /** An id's length: at most {@value Fields#MAX_ID_LENGTH} characters and not blank, or the full path rejects it. */
    private int requireId(int at, int length) {
        if (length > Fields.MAX_ID_LENGTH || isBlank(at, length)) {
            throw PlainJson.notPlain();
        }
        return length;
    }

    private EventFamily family(int at, int length) {
        int family = indexOf(FAMILY_IDS, at, length);
        return family < 0 ? EventFamily.OTHER : FAMILIES[family];
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

    private boolean isUpperCase(int at) {
        return body[at] >= 'A' && body[at] <= 'Z' && body[at + 1] >= 'A' && body[at + 1] <= 'Z'
                && body[at + 2] >= 'A' && body[at + 2] <= 'Z';
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

    /**
     * Reads a key and answers the index of the name it spells, or -1. Clients name an event's fields in the same order
     * event after event (the order of the API's documentation), so the one after the last known field is tried first.
     */
    private int field(byte[][] names, byte[][] quotedNames, int expected) {
        if (expected < quotedNames.length && json.consumeKey(quotedNames[expected])) {
            return expected;
        }
        int key = json.key();
        return indexOf(names, key, json.position() - 1 - key);
    }

    /** The index of the name that the text at {@code at} spells, or -1. */
    private int indexOf(byte[][] names, int at, int length) {
        for (int i = 0; i < names.length; i++) {
            if (json.equals(at, length, names[i])) {
                return i;
            }
        }
        return -1;
    }

    private static byte[][] quoted(byte[][] names) {
        return Arrays.stream(names).map(name -> ascii('"' + new String(name, StandardCharsets.US_ASCII) + '"'))
                .toArray(byte[][]::new);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
