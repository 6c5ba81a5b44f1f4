package dev.pulse.flink.events;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Strings and byte arrays as the jobs' own serializers write them between operators: a length, then the bytes in one
 * call; text as UTF-8, which the JDK encodes and decodes as a plain copy for ASCII (ids, dimension values, user ids).
 * Flink's {@code StringSerializer} writes and reads a string one character at a time through a thread-local buffer:
 * a tenth of the rollup job's window thread (JFR). Unlike it, UTF-8 cannot carry an unpaired surrogate (invalid
 * UTF-16, which an event's JSON can hold only as an escaped code unit); one would arrive as {@code ?}.
 */
final class CompactStrings {

    private static final int NULL = -1;

    private CompactStrings() {
    }

    /** Writes the length of the UTF-8 bytes, then the bytes; -1 for null. */
    static void write(String text, DataOutputView out) throws IOException {
        writeBytes(text == null ? null : text.getBytes(StandardCharsets.UTF_8), out);
    }

    static String read(DataInputView in) throws IOException {
        byte[] bytes = readBytes(in);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    static void writeBytes(byte[] bytes, DataOutputView out) throws IOException {
        if (bytes == null) {
            out.writeInt(NULL);
            return;
        }
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static byte[] readBytes(DataInputView in) throws IOException {
        int length = in.readInt();
        if (length == NULL) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    /** Writes the count of the strings (-1 for null), then each as {@link #write} does. */
    static void writeAll(String[] values, DataOutputView out) throws IOException {
        out.writeInt(values == null ? NULL : values.length);
        if (values != null) {
            for (String value : values) {
                write(value, out);
            }
        }
    }

    static String[] readAll(DataInputView in) throws IOException {
        int count = in.readInt();
        if (count == NULL) {
            return null;
        }
        String[] values = new String[count];
        for (int i = 0; i < count; i++) {
            values[i] = read(in);
        }
        return values;
    }

    /** Copies what {@link #writeAll} wrote. */
    static void copyAll(DataInputView in, DataOutputView out) throws IOException {
        int count = in.readInt();
        out.writeInt(count);
        for (int i = 0; i < count; i++) {
            copy(in, out);
        }
    }

    /** Copies one string or byte array as {@link #write} or {@link #writeBytes} wrote it. */
    static void copy(DataInputView in, DataOutputView out) throws IOException {
        int length = in.readInt();
        out.writeInt(length);
        if (length != NULL) {
            out.write(in, length);
        }
    }
}
