package dev.pulse.flink.events;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Strings and byte arrays as the jobs' own serializers write them between operators: a length, then the bytes in one
 * call. Text of Latin-1 characters (dimension values, ids, user ids) is written one byte per character, which is
 * also how the JVM holds it; other text as UTF-8. Flink's {@code StringSerializer} writes and reads a string one
 * character at a time through a thread-local buffer: a tenth of the rollup job's window thread (JFR).
 */
final class CompactStrings {

    private static final int NULL = -1;

    private CompactStrings() {
    }

    /** Writes {@code (length << 1) | latin1}, then the bytes; -1 for null. */
    static void write(String text, DataOutputView out) throws IOException {
        if (text == null) {
            out.writeInt(NULL);
            return;
        }
        boolean latin1 = isLatin1(text);
        byte[] bytes = text.getBytes(latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        out.writeInt(bytes.length << 1 | (latin1 ? 1 : 0));
        out.write(bytes);
    }

    static String read(DataInputView in) throws IOException {
        int header = in.readInt();
        if (header == NULL) {
            return null;
        }
        byte[] bytes = new byte[header >>> 1];
        in.readFully(bytes);
        return new String(bytes, (header & 1) == 1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
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

    /** Copies one string as written by {@link #write}. */
    static void copy(DataInputView in, DataOutputView out) throws IOException {
        int header = in.readInt();
        out.writeInt(header);
        if (header != NULL) {
            out.write(in, header >>> 1);
        }
    }

    static void copyBytes(DataInputView in, DataOutputView out) throws IOException {
        int length = in.readInt();
        out.writeInt(length);
        if (length != NULL) {
            out.write(in, length);
        }
    }

    private static boolean isLatin1(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }
}
