package dev.pulse.ingest.api;

import java.util.Arrays;

/** A growing byte buffer that one request's events are written into, one after the other, and copied out of. */
final class EventBytes {

    private static final byte[] NONE = new byte[0];

    private final int capacity;
    private byte[] bytes = NONE;
    private int length;

    /** @param capacity what the buffer takes at its first write: nothing is allocated for a buffer never written */
    EventBytes(int capacity) {
        this.capacity = capacity;
    }

    void write(int b) {
        ensure(1);
        bytes[length++] = (byte) b;
    }

    void write(byte[] source, int offset, int count) {
        ensure(count);
        System.arraycopy(source, offset, bytes, length, count);
        length += count;
    }

    void write(byte[] source) {
        write(source, 0, source.length);
    }

    int length() {
        return length;
    }

    /** The buffer itself, valid up to {@link #length()} until the next write. */
    byte[] bytes() {
        return bytes;
    }

    private void ensure(int count) {
        if (length + count > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(Math.max(bytes.length * 2, length + count), capacity));
        }
    }
}
