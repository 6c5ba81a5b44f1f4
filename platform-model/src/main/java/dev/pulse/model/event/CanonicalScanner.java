package dev.pulse.model.event;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Reads the fields of an event in exactly the bytes {@link EventJson#write} writes, by position, without a JSON
 * parser: field names in their fixed order, text values without escapes. Creating a parser and building its strings
 * was over half of the rollup job's reading thread and two fifths of the clean job's (JFR, replay of 5 million
 * events). Anything it is not sure of (an escape, a byte outside printable ASCII, another order, another number
 * form) makes it answer null, and the caller reads the record with a parser as before; so it never reads a value
 * differently from the parser, only sooner.
 */
public final class CanonicalScanner {

    private static final byte[] EVENT_ID = ascii("{\"event_id\":");
    private static final byte[] EVENT_TYPE = ascii(",\"event_type\":");
    private static final byte[] USER_ID = ascii(",\"user_id\":");
    private static final byte[] TIMESTAMP = ascii(",\"timestamp\":");
    private static final byte[] RECEIVED_AT = ascii(",\"received_at\":");
    private static final byte[] PROPERTIES = ascii(",\"properties\":");
    private static final byte[] CONTEXT = ascii(",\"context\":{");
    private static final byte[] COUNTRY = ascii("\"country\":");
    private static final byte[] DEVICE = ascii("\"device\":");
    private static final byte[] PLATFORM = ascii("\"platform\":");
    private static final byte[] REVENUE = ascii(",\"revenue\":");
    private static final byte[] CURRENCY = ascii(",\"currency\":");

    /** The fields outside {@code properties}; {@code timestamp} in epoch milliseconds, absent ones null. */
    public record Fields(String eventId, String eventType, String userId, long timestamp, Double revenue,
                         String currency, String country, String device, String platform) {
    }

    private final byte[] json;
    private int at;

    private CanonicalScanner(byte[] json) {
        this.json = json;
    }

    /** The leading four fields as {@link CanonicalEvent#readHead} reads them, or null (read them with a parser). */
    public static CanonicalEvent.Head head(byte[] json) {
        return json == null ? null : new CanonicalScanner(json).head();
    }

    private CanonicalEvent.Head head() {
        String eventId = field(EVENT_ID);
        String eventType = eventId == null ? null : field(EVENT_TYPE);
        String userId = eventType == null ? null : field(USER_ID);
        Instant timestamp = userId == null ? null : time(TIMESTAMP);
        if (timestamp == null || eventId.isBlank() || eventType.isBlank() || userId.isBlank()) {
            return null;
        }
        return new CanonicalEvent.Head(eventId, eventType, userId, timestamp.toEpochMilli());
    }

    /** Every field outside {@code properties}, or null (read them with a parser). */
    public static Fields fields(byte[] json) {
        if (json == null) {
            return null;
        }
        CanonicalScanner s = new CanonicalScanner(json);
        CanonicalEvent.Head head = s.head();
        if (head == null) {
            return null;
        }
        if (s.startsWith(RECEIVED_AT) && s.field(RECEIVED_AT) == null) { // not read: the rollup has no use for it
            return null;
        }
        if (!s.skip(PROPERTIES) || !s.skipObject() || !s.skip(CONTEXT)) {
            return null;
        }
        String country = null;
        String device = null;
        String platform = null;
        if (s.startsWith(COUNTRY) && (country = s.field(COUNTRY)) == null) {
            return null;
        }
        if (s.nextInObject(country != null, DEVICE) && (device = s.field(DEVICE)) == null) {
            return null;
        }
        if (s.nextInObject(country != null || device != null, PLATFORM) && (platform = s.field(PLATFORM)) == null) {
            return null;
        }
        if (!s.skipByte('}')) {
            return null;
        }
        Double revenue = null;
        if (s.startsWith(REVENUE)) {
            s.at += REVENUE.length;
            revenue = s.number();
            if (revenue == null) {
                return null;
            }
        }
        String currency = null;
        if (s.startsWith(CURRENCY) && (currency = s.field(CURRENCY)) == null) {
            return null;
        }
        if (!s.skipByte('}') || s.at != json.length) {
            return null;
        }
        return new Fields(head.eventId(), head.eventType(), head.userId(), head.timestamp(), revenue, currency, country,
                device, platform);
    }

    /** Whether the next context field is {@code name}, after the comma that follows an earlier one. */
    private boolean nextInObject(boolean afterAnother, byte[] name) {
        if (afterAnother) {
            if (at >= json.length || json[at] != ',') {
                return false;
            }
            if (!startsWith(name, at + 1)) {
                return false;
            }
            at++;
            return true;
        }
        return startsWith(name);
    }

    /** The text value of the field whose name (with what comes before it) is {@code prefix}; null otherwise. */
    private String field(byte[] prefix) {
        return skip(prefix) ? text() : null;
    }

    private Instant time(byte[] prefix) {
        String text = field(prefix);
        return text == null ? null : IsoInstantParser.parse(text);
    }

    /** A string of printable ASCII without escapes; null for anything else, which the parser reads instead. */
    private String text() {
        // locals, not the fields, in the loop: the JIT keeps them in registers
        byte[] bytes = json;
        int i = at;
        if (i >= bytes.length || bytes[i] != '"') {
            return null;
        }
        int start = ++i;
        for (; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '"') {
                at = i + 1;
                return new String(bytes, start, i - start, StandardCharsets.ISO_8859_1);
            }
            if (b == '\\' || b < 0x20) { // also every byte of a multi-byte character: negative as a byte
                return null;
            }
        }
        return null;
    }

    /** A JSON number ({@link JsonNumber}) as a finite double; null for anything else. */
    private Double number() {
        int end = JsonNumber.end(json, at);
        if (end < 0) {
            return null;
        }
        double value = Double.parseDouble(new String(json, at, end - at, StandardCharsets.ISO_8859_1));
        at = end;
        return Double.isFinite(value) ? value : null;
    }

    /** Skips a JSON object, strings (with their escapes) included; false when it does not end. */
    private boolean skipObject() {
        if (at >= json.length || json[at] != '{') {
            return false;
        }
        byte[] bytes = json;
        int i = at;
        int depth = 0;
        boolean inString = false;
        while (i < bytes.length) {
            byte b = bytes[i++];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                depth++;
            } else if (b == '}' || b == ']') {
                if (--depth == 0) {
                    at = i;
                    return true;
                }
            }
        }
        return false;
    }

    private boolean skip(byte[] expected) {
        if (!startsWith(expected)) {
            return false;
        }
        at += expected.length;
        return true;
    }

    private boolean skipByte(char expected) {
        if (at < json.length && json[at] == expected) {
            at++;
            return true;
        }
        return false;
    }

    private boolean startsWith(byte[] expected) {
        return startsWith(expected, at);
    }

    private boolean startsWith(byte[] expected, int from) {
        if (from + expected.length > json.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (json[from + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
