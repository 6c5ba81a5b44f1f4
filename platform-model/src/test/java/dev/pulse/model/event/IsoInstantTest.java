package dev.pulse.model.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IsoInstantTest {

    private static final long YEAR_0 = -62_167_219_200L;
    private static final long YEAR_10000 = 253_402_300_800L;

    /** Every fraction length and offset form: a text counts as printed exactly when printing its instant gives it. */
    @Test
    void knowsTheTextsItPrints() {
        Random random = new Random(11);
        String[] offsets = {"Z", "Z", "+00:00", "+01:00", "z"};
        int printed = 0;
        for (int i = 0; i < 20_000; i++) {
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(random.nextLong(YEAR_0, YEAR_10000), nanos);
            int digits = random.nextInt(10);
            String fraction = "%09d".formatted(nanos).substring(0, digits);
            String text = instant.toString().substring(0, 19) + (digits == 0 ? "" : "." + fraction)
                    + offsets[random.nextInt(offsets.length)];
            Instant read = IsoInstantParser.parse(text);
            boolean isPrinted = read != null && read.toString().equals(text);

            assertThat(IsoInstant.isPrinted(bytes(" " + text + " "), 1, text.length())).as(text).isEqualTo(isPrinted);
            printed += isPrinted ? 1 : 0;
        }
        assertThat(printed).as("texts in printed form among them").isGreaterThan(1_500);
    }

    @Test
    void printsAsInstantToString() {
        Random random = new Random(5);
        char[] buffer = new char[IsoInstant.MAX_LENGTH];
        for (int i = 0; i < 5_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(YEAR_0, YEAR_10000), random.nextInt(1_000_000_000));
            String text = new String(buffer, 0, IsoInstant.print(instant, buffer));

            assertThat(text).isEqualTo(instant.toString());
            assertThat(IsoInstant.isPrinted(bytes(text), 0, text.length())).as(text).isTrue();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
