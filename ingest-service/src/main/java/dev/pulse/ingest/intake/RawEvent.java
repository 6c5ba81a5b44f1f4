package dev.pulse.ingest.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;

/**
 * One event of a request body, parsed, with where its exact bytes lie in the body (for the size limit and the DLQ).
 * The bytes are copied out only for an event that is rejected: accepted events never need them.
 *
 * @param body  the whole request body, shared by all events of the request
 * @param start offset of the event's first byte in {@code body}
 * @param end   offset after its last byte
 */
public record RawEvent(int index, JsonNode node, byte[] body, int start, int end) {

    /** An event that is the whole of {@code bytes}. */
    public RawEvent(int index, JsonNode node, byte[] bytes) {
        this(index, node, bytes, 0, bytes.length);
    }

    /** The event's size as sent, in bytes. */
    public int length() {
        return end - start;
    }

    /** The event's bytes exactly as sent: copied out of the body, unless the event is the whole body. */
    public byte[] raw() {
        return start == 0 && end == body.length ? body : Arrays.copyOfRange(body, start, end);
    }
}
