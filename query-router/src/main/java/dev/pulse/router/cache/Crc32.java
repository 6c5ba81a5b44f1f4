package dev.pulse.router.cache;

/**
 * CRC-32 (the gzip one) continued from a known value, which {@link java.util.zip.CRC32} cannot start from: a cached
 * answer's checksum is computed once for its rows and continued over each hit's few closing bytes.
 */
final class Crc32 {

    private static final int[] TABLE = new int[256];

    static {
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
            }
            TABLE[n] = c;
        }
    }

    private Crc32() {
    }

    /** @return the CRC-32 of the bytes that gave {@code crc}, followed by {@code bytes} */
    static int update(int crc, byte[] bytes) {
        int c = ~crc;
        for (byte b : bytes) {
            c = TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
        }
        return ~c;
    }
}
