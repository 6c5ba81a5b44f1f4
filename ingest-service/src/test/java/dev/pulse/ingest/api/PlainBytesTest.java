package dev.pulse.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PlainBytesTest {

    /** The definition, one byte at a time. */
    private static int expectedEnd(byte[] bytes, int from, int end) {
        int i = from;
        while (i < end && bytes[i] >= 0x20 && bytes[i] < 0x7f && bytes[i] != '"' && bytes[i] != '\\') {
            i++;
        }
        return i;
    }

    @Test
    void everyByteValueAtEveryPositionOfTwoWordsEndsTheRunWhereTheDefinitionSays() {
        for (int value = 0; value < 256; value++) {
            for (int position = 0; position < 19; position++) {
                byte[] bytes = new byte[19];
                Arrays.fill(bytes, (byte) 'a');
                bytes[position] = (byte) value;
                for (int from = 0; from < 3; from++) {
                    assertThat(PlainBytes.end(bytes, from, bytes.length))
                            .as("byte 0x%02x at %d, from %d", value, position, from)
                            .isEqualTo(expectedEnd(bytes, from, bytes.length));
                }
            }
        }
    }

    @Test
    void neighbouringBytesThatCouldBorrowIntoEachOtherAreJudgedOneByOne() {
        // pairs of values around the borders the word tests work with: 0x00, 0x1f/0x20, '"', '\\', 0x7e/0x7f, 0x80
        int[] borders = {0x00, 0x01, 0x1f, 0x20, 0x21, 0x22, 0x23, 0x5b, 0x5c, 0x5d, 0x7e, 0x7f, 0x80, 0x81, 0xff};
        for (int low : borders) {
            for (int high : borders) {
                for (int position = 0; position < 15; position++) {
                    byte[] bytes = new byte[16];
                    Arrays.fill(bytes, (byte) 'z');
                    bytes[position] = (byte) low;
                    bytes[position + 1] = (byte) high;
                    assertThat(PlainBytes.end(bytes, 0, bytes.length))
                            .as("0x%02x, 0x%02x at %d", low, high, position)
                            .isEqualTo(expectedEnd(bytes, 0, bytes.length));
                }
            }
        }
    }

    @Test
    void randomBytesAndBoundsAgreeWithTheDefinition() {
        Random random = new Random(7);
        for (int n = 0; n < 200_000; n++) {
            byte[] bytes = new byte[1 + random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                // mostly plain, so that runs are long enough to cross whole words
                bytes[i] = (byte) (random.nextInt(12) == 0 ? random.nextInt(256) : 0x20 + random.nextInt(0x5f));
            }
            int from = random.nextInt(bytes.length);
            int end = from + random.nextInt(bytes.length - from + 1);
            assertThat(PlainBytes.end(bytes, from, end)).isEqualTo(expectedEnd(bytes, from, end));
        }
    }

    @Test
    void stopsAtTheGivenEndEvenWhenTheBytesAfterItArePlain() {
        byte[] bytes = "abcdefghijklmnopqrstuvwxyz".getBytes();
        assertThat(PlainBytes.end(bytes, 2, 13)).isEqualTo(13);
        assertThat(PlainBytes.end(bytes, 5, 5)).isEqualTo(5);
    }
}
