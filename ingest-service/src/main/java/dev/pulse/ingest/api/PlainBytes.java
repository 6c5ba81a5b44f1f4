package dev.pulse.ingest.api;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds where a run of plain string bytes ends: printable ASCII except the quote and the backslash. Not control
 * characters, DEL, or any byte of a multi-byte character (negative as a byte).
 *
 * <p>It tests eight bytes at a time, with the word tricks of "Bit Twiddling Hacks" (a zero byte, a byte below n):
 * strings are most of an event's bytes, and testing them one by one through a table was the direct path's largest
 * single cost (7 % of the service's CPU in the ingest benchmark).
 */
final class PlainBytes {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long QUOTES = ONES * '"';
    private static final long BACKSLASHES = ONES * '\\';
    private static final long DELS = ONES * 0x7f;
    private static final long SPACES = ONES * ' ';

    /** The bytes tested one at a time, after the last whole word. */
    private static final boolean[] PLAIN = new boolean[256];

    static {
        for (int b = 0x20; b < 0x7f; b++) {
            PLAIN[b] = b != '"' && b != '\\';
        }
    }

    private PlainBytes() {
    }

    /** The offset of the first byte at or after {@code from}, before {@code end}, that is not plain; or {@code end}. */
    static int end(byte[] bytes, int from, int end) {
        int i = from;
        while (i + Long.BYTES <= end && allPlain((long) LONGS.get(bytes, i))) {
            i += Long.BYTES;
        }
        while (i < end && PLAIN[bytes[i] & 0xff]) {
            i++;
        }
        return i;
    }

    /**
     * Whether all eight bytes of the word are plain. A byte's high bit is set in {@code (x - ONES) & ~x} when the
     * byte is zero (and no lower byte is), in {@code (x - SPACES) & ~x} when it is below 0x20: exact as a yes or no.
     */
    private static boolean allPlain(long word) {
        long quote = word ^ QUOTES;
        long backslash = word ^ BACKSLASHES;
        long del = word ^ DELS;
        long flagged = word // a high byte: not ASCII
                | (word - SPACES) & ~word
                | (quote - ONES) & ~quote
                | (backslash - ONES) & ~backslash
                | (del - ONES) & ~del;
        return (flagged & HIGH_BITS) == 0;
    }
}
