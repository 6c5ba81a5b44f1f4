package dev.pulse.ingest.api;

import dev.pulse.model.event.JsonNumber;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A cursor over the JSON bytes of a request that takes only plain JSON: text of printable ASCII without escapes,
 * numbers in JSON's own grammar, nesting up to {@value #MAX_DEPTH} levels, no key given twice in an object. For
 * that subset it is sure to read what Jackson reads, so {@link DirectNativeReader} can copy values instead of
 * parsing and writing them again. Anything else (an escape, a byte outside printable ASCII, invalid JSON) throws
 * {@link NotPlain}, and the request takes the full path, which reads it, or explains what is wrong with it.
 */
final class PlainJson {

    /** Deep enough for any real event; Jackson's own limit is 1,000. */
    static final int MAX_DEPTH = 64;
    /** Longer keys are left to Jackson; no event field or property needs one. */
    static final int MAX_KEY_LENGTH = 1_000;
    /** Longer numbers are left to Jackson, whose limit is 1,000 digits. */
    private static final int MAX_NUMBER_LENGTH = 100;

    /** The input is not plain JSON; thrown without a stack trace, as the caller only falls back. */
    static final class NotPlain extends RuntimeException {
        static final NotPlain INSTANCE = new NotPlain();

        private NotPlain() {
            super("not plain JSON", null, false, false);
        }
    }

    /**
     * The bytes a plain string holds: printable ASCII except the quote that ends it and the backslash of an escape.
     * Not control characters, DEL, or any byte of a multi-byte character (negative as a byte).
     */
    private static final boolean[] PLAIN = new boolean[256];

    static {
        for (int b = 0x20; b < 0x7f; b++) {
            PLAIN[b] = b != '"' && b != '\\';
        }
    }

    /** Eight bytes of an array as one long, the first byte lowest: strings are scanned and keys compared a word at a time. */
    private static final VarHandle WORD = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final byte[] in;
    private final int end;
    private int at;
    /** Offsets and lengths of the keys of every object being read, innermost last, to find a key given twice. */
    private int[] keys = new int[32];
    private int keyCount;
    /** See {@link #rewrites()}. */
    private int rewrites;

    PlainJson(byte[] in) {
        this.in = in;
        this.end = in.length;
    }

    byte[] bytes() {
        return in;
    }

    int position() {
        return at;
    }

    /** Moves the cursor back (or on) to {@code position}, to read a value checked before a second time. */
    void rewind(int position) {
        at = position;
    }

    /**
     * How often, so far, the cursor skipped whitespace, read a null member of an object or read a number that Jackson
     * writes differently from its text (a fraction, an exponent, -0): the places where {@link #copyValue} writes
     * something else than the text it read. Where this count did not change over a stretch of text, that text is
     * already what would be written for it.
     */
    int rewrites() {
        return rewrites;
    }

    static NotPlain notPlain() {
        return NotPlain.INSTANCE;
    }

    /** Skips JSON whitespace; returns the next byte without consuming it, or -1 at the end. */
    int peek() {
        byte[] bytes = in;
        int i = at;
        while (i < end) {
            byte b = bytes[i];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                skipped(i);
                return b;
            }
            i++;
        }
        skipped(i);
        return -1;
    }

    private void skipped(int to) {
        if (to != at) {
            rewrites++;
            at = to;
        }
    }

    void expect(char c) {
        if (peek() != c) {
            throw notPlain();
        }
        at++;
    }

    /** Consumes {@code c} when it is the next byte after whitespace. */
    boolean consume(char c) {
        if (peek() == c) {
            at++;
            return true;
        }
        return false;
    }

    /** Whether only whitespace is left. */
    boolean atEnd() {
        return peek() == -1;
    }

    /**
     * Reads a string of printable ASCII without escapes.
     *
     * @return the offset of its first character; it ends at {@code position() - 1}, before the closing quote
     */
    int string() {
        if (peek() != '"') {
            throw notPlain();
        }
        byte[] bytes = in;
        int start = at + 1;
        int i = start;
        // a word at a time while eight bytes are left (ids and times are 20 to 40 characters), then byte by byte
        while (i + Long.BYTES <= end) {
            long notPlain = notPlain((long) WORD.get(bytes, i));
            if (notPlain != 0) {
                i += Long.numberOfTrailingZeros(notPlain) >>> 3;
                break;
            }
            i += Long.BYTES;
        }
        while (i < end && PLAIN[bytes[i] & 0xff]) {
            i++;
        }
        if (i == end || bytes[i] != '"') {
            throw notPlain();
        }
        at = i + 1;
        return start;
    }

    /**
     * A high bit set in each byte of {@code word} that a plain string cannot hold: the quote, the backslash, a control
     * character, DEL, any byte of a multi-byte character. The lowest such bit is always right, so the first byte that
     * is not plain is found; a byte above it may be marked wrongly by a borrow, which does not matter.
     */
    static long notPlain(long word) {
        long quote = word ^ ('"' * ONES);
        long backslash = word ^ ('\\' * ONES);
        long delete = word ^ (0x7f * ONES);
        return ((quote - ONES) & ~quote | (backslash - ONES) & ~backslash | (delete - ONES) & ~delete
                | (word - 0x20 * ONES) & ~word | word) & HIGH_BITS;
    }

    /**
     * Reads an object's key: a string of at most {@value #MAX_KEY_LENGTH} characters. Jackson refuses names of over
     * 50,000 by default, so a longer key must not be taken here.
     */
    int key() {
        int start = string();
        if (at - 1 - start > MAX_KEY_LENGTH) {
            throw notPlain();
        }
        return start;
    }

    /**
     * Consumes the key whose text, quotes included, is {@code quoted} when it comes next; otherwise leaves the cursor
     * after the whitespace. Events name their fields in the same order over and over, so a reader that expects one
     * checks it with a word compare or two, instead of scanning the string and looking its name up ({@link #key()}).
     */
    boolean consumeKey(byte[] quoted) {
        peek();
        if (at + quoted.length > end || !equals(at, quoted.length, quoted)) {
            return false;
        }
        at += quoted.length;
        return true;
    }

    /** Reads {@code null} when it comes next. */
    boolean consumeNull() {
        if (peek() == 'n') {
            literal("null");
            return true;
        }
        return false;
    }

    /**
     * Reads a number in JSON's grammar ({@link JsonNumber}).
     *
     * @return its start offset; it ends at {@link #position()}
     */
    int number() {
        peek();
        int start = at;
        int after = JsonNumber.end(in, start);
        if (after < 0 || after - start > MAX_NUMBER_LENGTH) {
            throw notPlain();
        }
        at = after;
        return start;
    }

    /** Whether the number from {@code start} to {@link #position()} is an integer (no fraction, no exponent). */
    boolean isIntegral(int start) {
        for (int i = start; i < at; i++) {
            byte b = in[i];
            if (b == '.' || b == 'e' || b == 'E') {
                return false;
            }
        }
        return true;
    }

    /** The number from {@code start} to {@link #position()} as a finite double, as Jackson reads it. */
    double finiteDouble(int start) {
        double value = Double.parseDouble(ascii(start, at));
        if (!Double.isFinite(value)) {
            throw notPlain();
        }
        return value;
    }

    String ascii(int from, int to) {
        return new String(in, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** Checks and skips one value of any kind. */
    void skipValue(int depth) {
        copyValue(null, depth);
    }

    /**
     * Checks one value and writes it compactly to {@code out} (null: only checks it) in the bytes Jackson's
     * generator writes for what its parser read: whitespace dropped, members whose value is null left out, floating
     * point numbers as {@link Double#toString(double)}, everything else as it was.
     */
    void copyValue(EventBytes out, int depth) {
        if (depth > MAX_DEPTH) {
            throw notPlain();
        }
        int c = peek();
        if (c == '{') {
            copyObject(out, depth);
        } else if (c == '[') {
            copyArray(out, depth);
        } else if (c == '"') {
            int start = string();
            if (out != null) {
                out.write(in, start - 1, at - start + 1);
            }
        } else if (c == '-' || isDigit(c)) {
            copyNumber(out);
        } else if (c == 't') {
            copyLiteral(out, "true");
        } else if (c == 'f') {
            copyLiteral(out, "false");
        } else if (c == 'n') {
            copyLiteral(out, "null");
        } else {
            throw notPlain();
        }
    }

    private void copyObject(EventBytes out, int depth) {
        at++;
        int firstKey = keyCount;
        if (out != null) {
            out.write('{');
        }
        boolean written = false;
        if (!consume('}')) {
            do {
                int key = key();
                int keyLength = at - 1 - key;
                rememberKey(firstKey, key, keyLength);
                expect(':');
                if (peek() == 'n') {
                    rewrites++; // Jackson's generator leaves out map entries whose value is null
                    if (out != null) {
                        literal("null");
                        continue;
                    }
                }
                if (out != null) {
                    if (written) {
                        out.write(',');
                    }
                    out.write(in, key - 1, keyLength + 2);
                    out.write(':');
                    written = true;
                }
                copyValue(out, depth + 1);
            } while (consume(','));
            expect('}');
        }
        keyCount = firstKey;
        if (out != null) {
            out.write('}');
        }
    }

    private void copyArray(EventBytes out, int depth) {
        at++;
        if (out != null) {
            out.write('[');
        }
        if (!consume(']')) {
            boolean first = true;
            do {
                if (!first && out != null) {
                    out.write(',');
                }
                first = false;
                copyValue(out, depth + 1); // null elements stay, as Jackson writes them
            } while (consume(','));
            expect(']');
        }
        if (out != null) {
            out.write(']');
        }
    }

    private void copyNumber(EventBytes out) {
        int start = number();
        boolean integral = isIntegral(start);
        boolean minusZero = at - start == 2 && in[start] == '-' && in[start + 1] == '0';
        if (!integral || minusZero) {
            rewrites++;
        }
        if (out == null) {
            return;
        }
        if (!integral) {
            out.write(Double.toString(finiteDouble(start)).getBytes(StandardCharsets.ISO_8859_1));
        } else if (minusZero) {
            throw notPlain(); // Jackson reads -0 as the integer 0 and writes 0; rare enough to leave to it
        } else {
            out.write(in, start, at - start); // Integer, Long or BigInteger: written back digit for digit
        }
    }

    private void copyLiteral(EventBytes out, String literal) {
        int start = at;
        literal(literal);
        if (out != null) {
            out.write(in, start, literal.length());
        }
    }

    private void literal(String literal) {
        if (at + literal.length() > end) {
            throw notPlain();
        }
        for (int i = 0; i < literal.length(); i++) {
            if (in[at + i] != literal.charAt(i)) {
                throw notPlain();
            }
        }
        at += literal.length();
    }

    /** Records a key of the object whose keys start at {@code firstKey}; a key given twice is not plain. */
    private void rememberKey(int firstKey, int key, int length) {
        for (int k = firstKey; k < keyCount; k++) {
            int other = keys[2 * k];
            if (keys[2 * k + 1] == length && Arrays.equals(in, other, other + length, in, key, key + length)) {
                throw notPlain();
            }
        }
        if (2 * keyCount + 2 > keys.length) {
            keys = Arrays.copyOf(keys, keys.length * 2);
        }
        keys[2 * keyCount] = key;
        keys[2 * keyCount + 1] = length;
        keyCount++;
    }

    /** Whether the text from {@code start} of {@code length} bytes equals {@code expected}. */
    boolean equals(int start, int length, byte[] expected) {
        if (length != expected.length) {
            return false;
        }
        // names are a few bytes long, too short for Arrays.equals' vectorised compare to pay off: a word at a time,
        // the last word overlapping the one before, or byte by byte below eight bytes
        if (length < Long.BYTES) {
            for (int i = 0; i < length; i++) {
                if (in[start + i] != expected[i]) {
                    return false;
                }
            }
            return true;
        }
        for (int i = 0; i < length - Long.BYTES; i += Long.BYTES) {
            if ((long) WORD.get(in, start + i) != (long) WORD.get(expected, i)) {
                return false;
            }
        }
        return (long) WORD.get(in, start + length - Long.BYTES) == (long) WORD.get(expected, length - Long.BYTES);
    }

    private static boolean isDigit(int b) {
        return b >= '0' && b <= '9';
    }
}
