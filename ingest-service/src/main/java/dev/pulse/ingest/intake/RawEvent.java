package dev.pulse.ingest.intake;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;

/**
 * One event of a request body: where its exact bytes lie in the body (for the size limit and the DLQ) and, on first
 * use, its JSON tree. The native API reads its events straight from the bytes ({@link #parser()}) and never builds
 * the tree; the bytes are copied out only for an event that is rejected.
 */
public final class RawEvent {

    private final int index;
    private final byte[] body;
    private final int start;
    private final int end;
    private JsonNode node;

    /**
     * @param body  the whole request body, shared by all events of the request
     * @param start offset of the event's first byte in {@code body}
     * @param end   offset after its last byte
     */
    public RawEvent(int index, byte[] body, int start, int end) {
        this.index = index;
        this.body = body;
        this.start = start;
        this.end = end;
    }

    /** An event already parsed, whose bytes are the whole of {@code bytes}. */
    public RawEvent(int index, JsonNode node, byte[] bytes) {
        this(index, bytes, 0, bytes.length);
        this.node = node;
    }

    /** Position in the request's batch. */
    public int index() {
        return index;
    }

    /** The event's size as sent, in bytes. */
    public int length() {
        return end - start;
    }

    /** Whether the event is a JSON object (the split found its first token; the offsets start there). */
    public boolean isObject() {
        return node != null ? node.isObject() : length() > 0 && body[start] == '{';
    }

    /** The event's JSON tree, parsed on first use. */
    public JsonNode node() {
        if (node == null) {
            node = JsonBodies.tree(body, start, length());
        }
        return node;
    }

    /** A parser over the event's bytes, for reading it without a tree. */
    public JsonParser parser() {
        return JsonBodies.parser(body, start, length());
    }

    /** The event's bytes exactly as sent: copied out of the body, unless the event is the whole body. */
    public byte[] raw() {
        return start == 0 && end == body.length ? body : Arrays.copyOfRange(body, start, end);
    }
}
