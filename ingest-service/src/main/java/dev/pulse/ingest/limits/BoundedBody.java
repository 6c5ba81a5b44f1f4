package dev.pulse.ingest.limits;

import dev.pulse.ingest.intake.Refusal;
import dev.pulse.ingest.intake.RequestRefusedException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a request body without ever holding more than the limit: a body (or a gzip body once inflated) larger
 * than {@code maxBytes} is refused with 413 as soon as the limit is crossed, so a small gzip bomb cannot
 * inflate into memory.
 */
public final class BoundedBody {

    private BoundedBody() {
    }

    /**
     * @param contentLength   the declared length, or -1 when the body is chunked
     * @param contentEncoding the {@code Content-Encoding} header, or null
     */
    public static byte[] read(InputStream in, long contentLength, String contentEncoding, int maxBytes) {
        if (contentLength > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try {
            return switch (encoding(contentEncoding)) {
                case "identity" -> contentLength >= 0 ? readDeclared(in, (int) contentLength, maxBytes)
                        : readAtMost(in, maxBytes);
                case "gzip" -> inflate(in, maxBytes);
                default -> throw new RequestRefusedException(Refusal.UNSUPPORTED_ENCODING,
                        "Content-Encoding " + contentEncoding + " is not supported; send gzip or no encoding");
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
    }

    private static String encoding(String header) {
        return header == null || header.isBlank() ? "identity" : header.trim().toLowerCase(Locale.ROOT);
    }

    private static byte[] inflate(InputStream in, int maxBytes) throws IOException {
        // the compressed stream is bounded too: a gzip body is never larger than what it inflates to, give or take
        // its header, so the same limit (plus room for the header) applies on the wire
        InputStream compressed = new LimitedStream(in, maxBytes + 1024L, maxBytes);
        try (GZIPInputStream gzip = new GZIPInputStream(compressed, 8192)) {
            return readAtMost(gzip, maxBytes);
        } catch (ZipException | java.io.EOFException e) {
            throw new RequestRefusedException(Refusal.INVALID_GZIP,
                    "the body says Content-Encoding: gzip but is not valid gzip: " + e.getMessage());
        }
    }

    /**
     * A body whose length was declared (and is within the limit): read straight into an array of that size, with no
     * growing buffer and no final copy; growing and copying were a tenth of the service's allocations.
     */
    private static byte[] readDeclared(InputStream in, int length, int maxBytes) throws IOException {
        byte[] body = new byte[length];
        int read = in.readNBytes(body, 0, length);
        if (read < length) {
            return Arrays.copyOf(body, read); // the client sent less than it declared
        }
        int next = in.read();
        if (next == -1) {
            return body;
        }
        // more than declared (a servlet container does not let that through): the rest too, within the limit
        byte[] rest = readAtMost(in, maxBytes - length - 1);
        byte[] all = Arrays.copyOf(body, length + 1 + rest.length);
        all[length] = (byte) next;
        System.arraycopy(rest, 0, all, length + 1, rest.length);
        return all;
    }

    private static byte[] readAtMost(InputStream in, int maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, 16 * 1024));
        byte[] buffer = new byte[16 * 1024];
        int total = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            total += n;
            if (total > maxBytes) {
                throw tooLarge(maxBytes);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    static RequestRefusedException tooLarge(int maxBytes) {
        return new RequestRefusedException(Refusal.PAYLOAD_TOO_LARGE,
                "the request body is larger than " + maxBytes + " bytes (after gzip is inflated); send smaller batches");
    }

    /** Fails with 413 once more than {@code limit} bytes came through. */
    private static final class LimitedStream extends java.io.FilterInputStream {
        private final long limit;
        private final int reportedLimit;
        private long count;

        LimitedStream(InputStream in, long limit, int reportedLimit) {
            super(in);
            this.limit = limit;
            this.reportedLimit = reportedLimit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b != -1) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            count += n;
            if (count > limit) {
                throw tooLarge(reportedLimit);
            }
        }
    }
}
