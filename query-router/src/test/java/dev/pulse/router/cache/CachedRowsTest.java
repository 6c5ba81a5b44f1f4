package dev.pulse.router.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class CachedRowsTest {

    private static final byte[] TAIL = ",\"route\":{\"target\":\"rollup\"},\"cache\":\"hit\",\"queryId\":\"q-1\"}"
            .getBytes(StandardCharsets.UTF_8);

    private static byte[] rows(int count) {
        Random random = new Random(count);
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append("{\"time\":\"2026-11-24T").append(i % 24)
                    .append(":00:00Z\",\"country\":\"C").append(random.nextInt(20)).append("\",\"dau\":")
                    .append(random.nextInt(20_000)).append('}');
        }
        return json.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String gunzip(byte[] gzip) throws Exception {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aHitForAGzipClientIsOneGzipMemberOfTheWholeAnswer() throws Exception {
        for (int count : new int[] {0, 1, 3_360}) {
            byte[] rows = rows(count);
            CachedRows stored = CachedRows.of(CachedRows.compress(rows).bytes());
            String expected = "{\"rows\":" + new String(rows, StandardCharsets.UTF_8)
                    + new String(TAIL, StandardCharsets.UTF_8);
            // GZIPInputStream checks the trailer's CRC-32 and length
            assertThat(gunzip(stored.gzip(TAIL))).as("%d rows", count).isEqualTo(expected);
        }
    }

    @Test
    void tailsOfAnyLengthCloseTheMember() throws Exception {
        byte[] rows = rows(100);
        CachedRows stored = CachedRows.of(CachedRows.compress(rows).bytes());
        // empty, short, exactly one stored block, and more than one (a block holds at most 65,535 bytes)
        for (int length : new int[] {0, 1, 65_535, 65_536, 140_000}) {
            byte[] tail = new byte[length];
            for (int i = 0; i < length; i++) {
                tail[i] = (byte) ('a' + i % 26);
            }
            assertThat(gunzip(stored.gzip(tail))).as("tail of %d bytes", length)
                    .isEqualTo("{\"rows\":" + new String(rows, StandardCharsets.UTF_8) + new String(tail, StandardCharsets.UTF_8));
        }
    }

    @Test
    void theTailIsWrittenAsItIs() {
        // one final stored block: header byte 1, length and its complement (little-endian), then the bytes
        assertThat(CachedRows.storedBlocks(TAIL)).startsWith(1, (byte) TAIL.length, (byte) (TAIL.length >>> 8),
                (byte) ~TAIL.length, (byte) (~TAIL.length >>> 8)).endsWith(TAIL).hasSize(TAIL.length + 5);
    }

    @Test
    void aHitForAnyOtherClientIsTheInflatedHead() {
        byte[] rows = rows(500);
        assertThat(new String(CachedRows.of(CachedRows.compress(rows).bytes()).head(), StandardCharsets.UTF_8))
                .isEqualTo("{\"rows\":" + new String(rows, StandardCharsets.UTF_8));
    }

    @Test
    void aWeekOfHourlyRowsByCountryIsStoredSmall() {
        byte[] rows = rows(3_360);
        assertThat(CachedRows.compress(rows).bytes().length).isLessThan(rows.length / 3);
    }

    @Test
    void aValueThatIsNotACachedAnswerIsRefused() {
        assertThatThrownBy(() -> CachedRows.of(new byte[3])).isInstanceOf(IllegalArgumentException.class);
        byte[] truncated = CachedRows.compress(rows(100)).bytes();
        byte[] cut = Arrays.copyOf(truncated, truncated.length / 2);
        assertThatThrownBy(() -> CachedRows.of(cut).head()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void crcContinuesFromAKnownValue() {
        byte[] a = "{\"rows\":[1,2,3]".getBytes(StandardCharsets.UTF_8);
        byte[] b = ",\"cache\":\"hit\"}".getBytes(StandardCharsets.UTF_8);
        CRC32 first = new CRC32();
        first.update(a);
        CRC32 whole = new CRC32();
        whole.update(a);
        whole.update(b);
        assertThat(Crc32.update((int) first.getValue(), b)).isEqualTo((int) whole.getValue());
    }
}
