package dev.pulse.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The cursor's word-at-a-time reading against its byte-at-a-time definition: a plain string ends at its first quote,
 * and any byte a plain string cannot hold, wherever it stands in a word, sends the request to the full path.
 */
class PlainJsonTest {

    /** Bytes a plain string cannot hold, beside the quote that ends it. */
    private static final int[] NOT_PLAIN = {'\\', 0x00, 0x1f, 0x7f, 0x80, 0xc3, 0xff};

    @Test
    void endsAStringAtItsFirstQuoteWhereverItStands() {
        for (int length = 0; length <= 40; length++) {
            byte[] json = ("\"" + "a".repeat(length) + "\",\"b\"").getBytes(StandardCharsets.US_ASCII);
            PlainJson cursor = new PlainJson(json);

            assertThat(cursor.string()).isEqualTo(1);
            assertThat(cursor.position()).as("length %d", length).isEqualTo(length + 2);
        }
    }

    @Test
    void takesEveryPrintableAsciiByteButTheQuoteAndTheBackslash() {
        StringBuilder text = new StringBuilder();
        for (char c = 0x20; c < 0x7f; c++) {
            if (c != '"' && c != '\\') {
                text.append(c);
            }
        }
        byte[] json = ("\"" + text + "\"").getBytes(StandardCharsets.US_ASCII);
        PlainJson cursor = new PlainJson(json);

        cursor.string();

        assertThat(cursor.atEnd()).isTrue();
    }

    @Test
    void leavesAStringWithAnyOtherByteToTheFullPathWhereverItStands() {
        for (int b : NOT_PLAIN) {
            for (int length = 1; length <= 24; length++) {
                for (int at = 0; at < length; at++) {
                    byte[] json = ("\"" + "a".repeat(length) + "\"").getBytes(StandardCharsets.US_ASCII);
                    json[1 + at] = (byte) b;
                    PlainJson cursor = new PlainJson(json);

                    assertThatThrownBy(cursor::string).as("byte %x at %d of %d", b, at, length)
                            .isInstanceOf(PlainJson.NotPlain.class);
                }
            }
        }
    }

    @Test
    void marksTheFirstBytesThatAreNotPlainInAWord() {
        for (int b = 0; b < 256; b++) {
            boolean plain = b >= 0x20 && b < 0x7f && b != '"' && b != '\\';
            for (int at = 0; at < Long.BYTES; at++) {
                long word = 0x6161616161616161L & ~(0xffL << 8 * at) | (long) b << 8 * at;

                long marked = PlainJson.notPlain(word);

                assertThat(marked == 0 ? -1 : Long.numberOfTrailingZeros(marked) >>> 3)
                        .as("byte %x at %d", b, at).isEqualTo(plain ? -1 : at);
            }
        }
    }

    @Test
    void consumesAnExpectedKeyOnlyWhenItIsThatWholeKey() {
        byte[] quoted = "\"event_id\"".getBytes(StandardCharsets.US_ASCII);
        PlainJson exact = new PlainJson(" \"event_id\" :".getBytes(StandardCharsets.US_ASCII));
        PlainJson longer = new PlainJson("\"event_ids\":".getBytes(StandardCharsets.US_ASCII));
        PlainJson cut = new PlainJson("\"event_id".getBytes(StandardCharsets.US_ASCII));
        PlainJson escaped = new PlainJson("\"event\\u005fid\":".getBytes(StandardCharsets.US_ASCII));

        assertThat(exact.consumeKey(quoted)).isTrue();
        assertThat(exact.position()).isEqualTo(11);
        assertThat(longer.consumeKey(quoted)).isFalse();
        assertThat(longer.position()).as("left for key() to read").isZero();
        assertThat(longer.key()).isEqualTo(1);
        assertThat(cut.consumeKey(quoted)).isFalse();
        assertThat(escaped.consumeKey(quoted)).isFalse();
    }

    @Test
    void comparesNamesOfEveryLengthWordByWord() {
        for (int length = 0; length <= 20; length++) {
            byte[] name = "abcdefghijklmnopqrstuvwxyz".substring(0, length).getBytes(StandardCharsets.US_ASCII);
            byte[] json = ("\"" + new String(name, StandardCharsets.US_ASCII) + "\"").getBytes(StandardCharsets.US_ASCII);
            PlainJson cursor = new PlainJson(json);

            assertThat(cursor.equals(1, length, name)).as("length %d", length).isTrue();
            assertThat(cursor.equals(1, length, Arrays.copyOf(name, length + 1))).isFalse();
            for (int at = 0; at < length; at++) {
                byte[] other = name.clone();
                other[at] = '_';
                assertThat(cursor.equals(1, length, other)).as("length %d, differing at %d", length, at).isFalse();
            }
        }
    }
}
