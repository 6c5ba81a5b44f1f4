package dev.pulse.router.cache;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A cached answer's rows as Redis holds them: the start of the answer, {@code {"rows":[...]}} without its closing
 * part, compressed once when the answer is stored. A hit sends it to a client that accepts gzip as it is, inside
 * one gzip member ({@link #gzip(byte[])}), so neither side handles the uncompressed 200 KB of a week of hourly rows
 * by country; other clients get it inflated ({@link #head()}).
 *
 * <p>Stored as the CRC-32 and length of the uncompressed head, then the head as raw deflate blocks ending in a sync
 * flush: byte-aligned and not final, so more deflate data can follow it in the same stream.
 */
public final class CachedRows {

    private static final byte[] HEAD = "{\"rows\":".getBytes(StandardCharsets.UTF_8);
    /** gzip member header: magic, deflate, no flags, no time, no extra flags, unknown OS */
    private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    private static final int PREAMBLE = 8;
    private static final int MAX_STORED_BLOCK = 65_535;

    private final byte[] stored;

    private CachedRows(byte[] stored) {
        this.stored = stored;
    }

    /** @param rowsJson the JSON array of the rows */
    public static CachedRows compress(byte[] rowsJson) {
        CRC32 crc = new CRC32();
        crc.update(HEAD);
        crc.update(rowsJson);
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(rowsJson.length / 4 + 64);
            out.writeBytes(ByteBuffer.allocate(PREAMBLE).putInt((int) crc.getValue())
                    .putInt(HEAD.length + rowsJson.length).array());
            deflater.setInput(concat(HEAD, rowsJson));
            byte[] buffer = new byte[16 * 1024];
            int n;
            do {
                n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                out.write(buffer, 0, n);
            } while (n == buffer.length || !deflater.needsInput());
            return new CachedRows(out.toByteArray());
        } finally {
            deflater.end();
        }
    }

    /** The value as read from Redis. */
    public static CachedRows of(byte[] stored) {
        if (stored.length < PREAMBLE) {
            throw new IllegalArgumentException("not a cached answer: " + stored.length + " bytes");
        }
        return new CachedRows(stored);
    }

    /** What Redis keeps. */
    public byte[] bytes() {
        return stored;
    }

    /** The uncompressed start of the answer, {@code {"rows":[...]}} without its closing part. */
    public byte[] head() {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(stored, PREAMBLE, stored.length - PREAMBLE);
            byte[] head = new byte[headLength()];
            int done = 0;
            while (done < head.length) {
                int n = inflater.inflate(head, done, head.length - done);
                if (n == 0 && (inflater.needsInput() || inflater.finished())) {
                    throw new IllegalStateException("cached answer shorter than recorded: " + done + " bytes");
                }
                done += n;
            }
            return head;
        } catch (DataFormatException e) {
            throw new IllegalStateException("cached answer is not valid deflate data", e);
        } finally {
            inflater.end();
        }
    }

    /** The whole answer as one gzip member: the stored head, then {@code tail} (which closes the JSON object). */
    public byte[] gzip(byte[] tail) {
        byte[] tailBlocks = storedBlocks(tail);
        int crc = Crc32.update(headCrc(), tail);
        int size = headLength() + tail.length;
        ByteBuffer gzip = ByteBuffer.allocate(GZIP_HEADER.length + stored.length - PREAMBLE + tailBlocks.length + 8)
                .put(GZIP_HEADER).put(stored, PREAMBLE, stored.length - PREAMBLE).put(tailBlocks);
        // the trailer is little-endian: CRC-32 and length (mod 2^32) of everything uncompressed
        gzip.put((byte) crc).put((byte) (crc >>> 8)).put((byte) (crc >>> 16)).put((byte) (crc >>> 24));
        gzip.put((byte) size).put((byte) (size >>> 8)).put((byte) (size >>> 16)).put((byte) (size >>> 24));
        return gzip.array();
    }

    /**
     * {@code bytes} as uncompressed deflate blocks (RFC 1951, 3.2.4), the last one final. The head ends byte-aligned
     * (sync flush), so they follow it directly. The tail is the route and query id, a few hundred bytes that would
     * hardly shrink: writing them as they are spares every hit a zlib stream of its own (a quarter of a megabyte
     * of native state set up and torn down).
     */
    static byte[] storedBlocks(byte[] bytes) {
        int blocks = Math.max(1, (bytes.length + MAX_STORED_BLOCK - 1) / MAX_STORED_BLOCK);
        ByteBuffer out = ByteBuffer.allocate(bytes.length + 5 * blocks);
        int offset = 0;
        for (int block = 0; block < blocks; block++) {
            int length = Math.min(MAX_STORED_BLOCK, bytes.length - offset);
            // BFINAL on the last block, BTYPE 00 (stored); the rest of the byte is padding to the boundary
            out.put((byte) (block == blocks - 1 ? 1 : 0));
            out.put((byte) length).put((byte) (length >>> 8));
            out.put((byte) ~length).put((byte) (~length >>> 8));
            out.put(bytes, offset, length);
            offset += length;
        }
        return out.array();
    }

    private int headCrc() {
        return ByteBuffer.wrap(stored, 0, 4).getInt();
    }

    private int headLength() {
        return ByteBuffer.wrap(stored, 4, 4).getInt();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
