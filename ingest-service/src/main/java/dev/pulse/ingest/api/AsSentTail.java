package dev.pulse.ingest.api;

import java.util.Arrays;

/**
 * Whether an event's tail, from {@code "properties"} to its closing brace, is already the text the full path
 * writes, so that it is kept as sent instead of written again: SDKs serialise events compactly, in the order of
 * the API's documentation. It is when the tail fields come in {@code EventJson}'s order (properties, context,
 * then revenue and currency if given), and nothing in it is dropped or rewritten: no whitespace, no null, no blank,
 * no unknown field, no floating point number in the properties, revenue as {@link Double#toString(double)}
 * prints it, currency in capitals. One per event, told what {@link PlainEventReader} reads.
 */
final class AsSentTail {

    private final PlainJson json;
    private final byte[] body;
    /** Where {@code "properties"} starts; -1 until it came. */
    private int from = -1;
    /** The last tail field read. */
    private int last = -1;
    /** What the cursor had skipped or seen rewritten when the tail started ({@link PlainJson#rewrites()}). */
    private int rewrites;
    private boolean same = true;

    AsSentTail(PlainJson json) {
        this.json = json;
        this.body = json.bytes();
    }

    /** A field of the event was named, its key at {@code keyAt}: one of {@link PlainEventReader}'s, or -1. */
    void field(int field, int keyAt) {
        if (field == PlainEventReader.PROPERTIES) {
            from = keyAt;
            last = PlainEventReader.PROPERTIES;
            rewrites = json.rewrites();
        } else if (from >= 0) {
            // context right after the properties, revenue and currency after it: the order they are written in
            same &= field > last && (field == PlainEventReader.CONTEXT) == (last == PlainEventReader.PROPERTIES);
            last = field;
        } else if (field > PlainEventReader.PROPERTIES) {
            same = false; // context, revenue or currency before the properties: written after them
        }
    }

    int from() {
        return from;
    }

    /** Something in the tail is written otherwise than it was sent. */
    void differs() {
        same = false;
    }

    void sameIf(boolean condition) {
        same &= condition;
    }

    /** Whether the body's text from {@code from} to {@code to} is what is written for it. */
    void sameAs(byte[] written, int from, int to) {
        same &= Arrays.equals(body, from, to, written, 0, written.length);
    }

    /** Asked once the event's closing brace was read. */
    boolean keptAsSent() {
        return same && from >= 0 && last >= PlainEventReader.CONTEXT && json.rewrites() == rewrites;
    }
}
