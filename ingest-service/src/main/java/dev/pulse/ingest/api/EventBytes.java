package dev.pulse.ingest.api;

import java.util.Arrays;

/** A growing byte buffer that one request's events are written into, one after the other, and copied out of. */
final class EventBytes {

    private byte[] bytes;
    private int length;

    EventBytes(int capacity) {
        this.bytes = new byte[capacity];
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
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
        }
    }
}
